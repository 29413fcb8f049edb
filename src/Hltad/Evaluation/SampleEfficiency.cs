namespace Hltad.Evaluation;

/// <summary>
/// Efficiencies of the current HLT and of HLT + HLTAD on one sample under one scheme (SEMANTICS.md section 9).
/// </summary>
/// <param name="HltEfficiency">
/// <c>Σ_S w·passHLT / Σ_S w</c>; null when S has no events or its weights sum to 0.
/// </param>
/// <param name="CombinedEfficiency"><c>Σ_S w·(passHLT or anomalous) / Σ_S w</c>; null as above.</param>
/// <param name="GainPercent">
/// <c>(combined − HLT) / HLT × 100</c>; null when S is empty and also when the HLT efficiency is 0,
/// where the relative gain is undefined (0/0) or infinite — the two efficiencies are still reported then.
/// </param>
public sealed record SampleEfficiency(double? HltEfficiency, double? CombinedEfficiency, double? GainPercent)
{
    /// <summary>The result for an empty set S: every value null.</summary>
    public static SampleEfficiency Empty { get; } = new(null, null, null);

    /// <summary>
    /// Builds the efficiencies from the weight sums of S, of its HLT-passing and of its combined events.
    /// </summary>
    /// <param name="setWeight">Σ_S w.</param>
    /// <param name="hltWeight">Σ_S w·passHLT.</param>
    /// <param name="combinedWeight">Σ_S w·(passHLT or anomalous).</param>
    public static SampleEfficiency FromWeights(double setWeight, double hltWeight, double combinedWeight)
    {
        if (!(setWeight > 0))
        {
            return Empty;
        }

        double hlt = hltWeight / setWeight;
        double combined = combinedWeight / setWeight;
        double? gain = hlt > 0 ? (combined - hlt) / hlt * 100 : null;
        return new SampleEfficiency(hlt, combined, gain);
    }
}
