using Hltad.Evaluation;

namespace Hltad.Pipeline;

/// <summary>Outcome of <see cref="TrialEvaluation.Run"/>.</summary>
/// <param name="Results">The evaluation, as written to <c>results.json</c>.</param>
/// <param name="OutputDirectory">The folder written (absolute).</param>
/// <param name="Members">The members evaluated, ascending.</param>
/// <param name="ScoreFilesWritten">Score files made in this run.</param>
/// <param name="ScoreFilesReused">Score files of an earlier run that were still valid and kept.</param>
/// <param name="Plots">Number of plots written.</param>
public sealed record TrialEvaluationResult(
    EvaluationResults Results,
    string OutputDirectory,
    IReadOnlyList<int> Members,
    int ScoreFilesWritten,
    int ScoreFilesReused,
    int Plots)
{
    /// <summary><c>results.json</c> in the output folder.</summary>
    public string ResultsFile => Path.Combine(OutputDirectory, TrialEvaluation.ResultsFileName);

    /// <summary><c>report.html</c> in the output folder.</summary>
    public string ReportFile => Path.Combine(OutputDirectory, TrialEvaluation.ReportFileName);
}
