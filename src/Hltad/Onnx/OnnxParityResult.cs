namespace Hltad.Onnx;

/// <summary>Largest differences between ONNX Runtime scores and in-process scores of the same events.</summary>
/// <param name="Events">Events compared.</param>
/// <param name="MaxAbsoluteDifference">max over events of |s_onnx − s_in-process|.</param>
/// <param name="MaxRelativeDifference">
/// max over events of |s_onnx − s_in-process| / max(|s_onnx|, |s_in-process|); an event where both are 0
/// contributes 0. NaN where one side is NaN and the other is not.
/// </param>
/// <param name="WorstEvent">Index of the event with the largest relative difference (−1 when there are none).</param>
/// <param name="OnnxScore">ONNX Runtime score of that event.</param>
/// <param name="InProcessScore">In-process score of that event.</param>
public sealed record OnnxParityResult(
    int Events,
    double MaxAbsoluteDifference,
    double MaxRelativeDifference,
    int WorstEvent,
    float OnnxScore,
    float InProcessScore)
{
    /// <summary>
    /// Events whose relative difference exceeds the tolerance given to the comparison, or is NaN (0 when none
    /// was given).
    /// </summary>
    public int EventsAboveTolerance { get; init; }
}
