namespace Hltad.Evaluation;

/// <summary>The weighted HLT and combined efficiencies of SEMANTICS.md section 9 over a set of events.</summary>
public static class EfficiencyCalculator
{
    /// <summary>
    /// HLT eff = <c>Σ_S w·passHLT / Σ_S w</c>, combined eff = <c>Σ_S w·(passHLT or anomalous) / Σ_S w</c>
    /// and their relative gain, summed in event order in double precision.
    /// </summary>
    /// <param name="weights">Event weights.</param>
    /// <param name="inSet">Membership of S; an empty span means every event.</param>
    /// <param name="passHlt">HLT decision per event.</param>
    /// <param name="anomalous">HLTAD decision per event (already combined with any seeding condition).</param>
    /// <returns>The efficiencies; <see cref="SampleEfficiency.Empty"/> when S has no weight.</returns>
    public static SampleEfficiency Compute(
        ReadOnlySpan<double> weights,
        ReadOnlySpan<bool> inSet,
        ReadOnlySpan<bool> passHlt,
        ReadOnlySpan<bool> anomalous)
    {
        if (passHlt.Length != weights.Length || anomalous.Length != weights.Length
            || (!inSet.IsEmpty && inSet.Length != weights.Length))
        {
            throw new ArgumentException("weights and masks differ in length");
        }

        double setWeight = 0;
        double hltWeight = 0;
        double combinedWeight = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (!inSet.IsEmpty && !inSet[i])
            {
                continue;
            }

            double w = weights[i];
            setWeight += w;
            if (passHlt[i])
            {
                hltWeight += w;
            }

            if (passHlt[i] || anomalous[i])
            {
                combinedWeight += w;
            }
        }

        return SampleEfficiency.FromWeights(setWeight, hltWeight, combinedWeight);
    }
}
