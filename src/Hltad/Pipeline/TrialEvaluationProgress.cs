namespace Hltad.Pipeline;

/// <summary>What <see cref="TrialEvaluation.Run"/> reports as it goes.</summary>
/// <param name="Stage">The step.</param>
/// <param name="Done">Items of the step finished so far (see <see cref="TrialEvaluationStage"/> for the unit).</param>
/// <param name="Total">Items of the step in all; 0 for a message.</param>
/// <param name="Message">A sentence for the user (the members found, a note), or null for a count.</param>
public sealed record TrialEvaluationProgress(
    TrialEvaluationStage Stage,
    long Done,
    long Total,
    string? Message = null);
