namespace Hltad.Evaluation;

/// <summary>
/// One evaluated sample: a tag of the preprocessed data with the per-event columns the evaluation needs
/// (SEMANTICS.md section 9). All arrays are row-aligned with the sample's score arrays.
/// </summary>
/// <param name="Tag">Sample name, e.g. <c>EB_test</c> or <c>ZZ4lep</c>.</param>
/// <param name="Weights">Event weights (EB weights; 1 for MC); finite and ≥ 0.</param>
/// <param name="PassL1">The event passed an unprescaled L1 trigger.</param>
/// <param name="PassHlt">The event passed an unprescaled HLT trigger.</param>
/// <param name="L1Seeded">L1AD score ≥ the L1AD threshold (section 6 step 1).</param>
/// <param name="Pileups">Pileup (mu) per event; EB samples only, needed for the background's pileup efficiency.</param>
public sealed record EvaluationSample(
    string Tag,
    double[] Weights,
    bool[] PassL1,
    bool[] PassHlt,
    bool[] L1Seeded,
    float[]? Pileups = null)
{
    /// <summary>Number of events.</summary>
    public int Count => Weights.Length;
}
