namespace Hltad.Evaluation;

/// <summary>The whole evaluation of a trial: its settings, every member's results and the ensemble summary.</summary>
/// <param name="Options">The settings the evaluation ran with (rates, L1AD threshold, background tag).</param>
/// <param name="Members">Per member, ascending by index.</param>
/// <param name="Summary">Mean and standard deviation over the members.</param>
public sealed record EvaluationResults(
    EvaluationOptions Options,
    IReadOnlyList<MemberResult> Members,
    EnsembleSummary Summary)
{
    /// <summary>Every object type that any member has, in first-seen order.</summary>
    public IReadOnlyList<string> ObjectTypes => Summary.ObjectTypes.Select(o => o.ObjectType).ToArray();
}
