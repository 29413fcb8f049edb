using Hltad.Configuration;

namespace Hltad.Pipeline;

/// <summary>Where a finished study put its results.</summary>
/// <param name="OutputDirectory">The study folder.</param>
/// <param name="Config">The trial that was trained and evaluated.</param>
/// <param name="Evaluation">The evaluation: results, report and score files.</param>
public sealed record StudyResult(string OutputDirectory, TrialConfig Config, TrialEvaluationResult Evaluation);
