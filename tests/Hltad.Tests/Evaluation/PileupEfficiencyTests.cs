using Hltad.Evaluation;

namespace Hltad.Tests.Evaluation;

public sealed class PileupEfficiencyTests
{
    [Fact]
    public void Compute_SemanticsExample_GivesStatedEfficiencyAndInterval()
    {
        // SEMANTICS.md section 9: weights [1, 1, 2], anomalous [1, 0, 1] → efficiency 3/4, n_eff = 4²/6 = 8/3,
        // k_eff = 2: lower = Beta⁻¹(0.1585; 2, 5/3), upper = Beta⁻¹(0.8415; 3, 2/3); scipy.special.betaincinv
        // gives 0.2867477024933019 and 0.980499643855981 (the section rounds them to [0.2867, 0.9805]).
        PileupEfficiency pileup = PileupEfficiency.Compute(
            [30f, 30f, 30f], [1, 1, 2], [true, false, true], [true, true, true])!;

        int bin = Array.FindIndex(pileup.Efficiency, e => e is not null);
        Assert.Equal(0.75, pileup.Efficiency[bin]);
        Assert.Equal(0.2867477024933019, pileup.Lower[bin]!.Value, 12);
        Assert.Equal(0.980499643855981, pileup.Upper[bin]!.Value, 12);
    }

    [Fact]
    public void Compute_RangeFromNonZeroPileups_ThirtyFourEqualBins()
    {
        // mu 0 is left out of the minimum: lo = 10 − 5 = 5, hi = 44 + 5 = 49, width 44/34; mu 0 lies below lo.
        PileupEfficiency pileup = PileupEfficiency.Compute(
            [0f, 10f, 44f], [1, 1, 1], [true, false, false], [true, true, true])!;

        Assert.Equal(34, pileup.Bins);
        Assert.Equal(5, pileup.Edges[0]);
        Assert.Equal(49, pileup.Edges[34]);
        Assert.Equal(0, pileup.Efficiency[3]);    // mu 10: ⌊5·34/44⌋ = 3
        Assert.Equal(0, pileup.Efficiency[30]);   // mu 44: ⌊39·34/44⌋ = 30
        Assert.Equal(32, pileup.Efficiency.Count(e => e is null));
    }

    [Fact]
    public void Compute_NoNonZeroPileup_ReturnsNull()
    {
        Assert.Null(PileupEfficiency.Compute([0f, 0f], [1, 1], [true, false], [true, true]));
    }

    [Fact]
    public void Interval_EfficiencyOne_UpperIsOneEvenWithZeroWeightFailures()
    {
        // A failing event of weight 0 leaves the efficiency at exactly 1: upper = 1 by the rule, not Beta(·, 0).
        PileupEfficiency pileup = PileupEfficiency.Compute(
            [30f, 30f], [2, 0], [true, false], [true, true])!;

        int bin = Array.FindIndex(pileup.Efficiency, e => e is not null);
        Assert.Equal(1, pileup.Efficiency[bin]);
        Assert.Equal(1, pileup.Upper[bin]);
        Assert.Equal(0.1585, pileup.Lower[bin]!.Value, 12);    // n_eff 1, k 1 → Beta⁻¹(0.1585; 1, 1)
    }

    [Fact]
    public void Interval_ZeroWeightBin_IsEmpty()
    {
        PileupEfficiency pileup = PileupEfficiency.Compute([30f, 40f], [0, 1], [true, true], [true, true])!;

        Assert.Equal(1, pileup.Efficiency.Count(e => e is not null));
    }
}
