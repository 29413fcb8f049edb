using Hltad.Evaluation;
using Hltad.Reports;
using Hltad.Tests.Evaluation;

namespace Hltad.Tests.Reports;

/// <summary>
/// Every plot kind renders to a PNG of the expected size. (What they look like was checked by eye; these tests
/// keep them rendering.) Small scale keeps them fast.
/// </summary>
public sealed class PlotRendererTests
{
    private static readonly PlotOptions Small = new(Scale: 0.5);

    private static readonly EvaluationResults HandMade = EnsembleEvaluator.Evaluate(
        HandMadeEvaluationData.Samples,
        [
            new MemberScores(0, [HandMadeEvaluationData.Scores("HLT")]),
            new MemberScores(2, [HandMadeEvaluationData.Scores("HLT")]),
        ],
        HandMadeEvaluationData.Options);

    [Fact]
    public void EfficiencyComparison_HandMade_PngOfScaledSize()
    {
        // Width 1500 × 0.5; height (180 + 46 × 3 shown samples: Sig, NoHlt, Unseeded) × 0.5.
        byte[] png = PlotRenderer.EfficiencyComparison(HandMade, 2, "HLT", EfficiencyScheme.All[2], Small);

        Assert.Equal((750, 159), PngSize(png));
    }

    [Fact]
    public void RocCurves_HandMade_Png()
    {
        Assert.Equal((750, 410), PngSize(PlotRenderer.RocCurves(HandMade, 0, "HLT", SeedingScheme.L1All, Small)));
    }

    [Fact]
    public void PileupEfficiency_HandMade_Png()
    {
        Assert.Equal((650, 350), PngSize(PlotRenderer.PileupEfficiency(HandMade, 0, "HLT", Small)));
    }

    [Fact]
    public void PileupBars_OneBin_VerticalBarFromLowerToUpper()
    {
        // SEMANTICS.md section 9's example: weights [1, 1, 2], anomalous [1, 0, 1] → efficiency 0.75, interval
        // [0.2867, 0.9805]; ScottPlot draws y + positive error up and y − negative error down, so the positive
        // error must be upper − 0.75 and the negative one 0.75 − lower.
        PileupEfficiency pileup = PileupEfficiency.Compute(
            [30f, 30f, 30f], [1, 1, 2], [true, false, true], [true, true, true], 34, 5, 0.683)!;
        int bin = Array.FindIndex(pileup.Efficiency, e => e is not null);

        ScottPlot.Plottables.ErrorBar bars = PileupPlot.Bars(pileup);

        Assert.Equal([0.75], bars.Ys);
        Assert.Equal(pileup.Upper[bin]!.Value - 0.75, bars.YErrorPositive![0], 12);
        Assert.Equal(0.75 - pileup.Lower[bin]!.Value, bars.YErrorNegative![0], 12);
        Assert.Equal(0.9805, 0.75 + bars.YErrorPositive[0], 4);
        Assert.Equal(0.2867, 0.75 - bars.YErrorNegative[0], 4);
    }

    [Fact]
    public void Distributions_HandMade_Png()
    {
        Assert.Equal(
            (650, 169), PngSize(PlotRenderer.GainDistribution(HandMade, "HLT", EfficiencyScheme.All[0], Small)));
        Assert.Equal((650, 169), PngSize(
            PlotRenderer.SignalEfficiencyDistribution(HandMade, "HLT", SeedingScheme.L1Seeded, Small)));
    }

    [Fact]
    public void EfficiencyComparison_UnknownMember_Throws()
    {
        var error = Assert.Throws<HltadException>(
            () => PlotRenderer.EfficiencyComparison(HandMade, 7, "HLT", EfficiencyScheme.All[0], Small));

        Assert.Contains("member 7", error.Message);
    }

    [Fact]
    public void Gains_WithoutDijets_LeavesOutJjJzAndBackground()
    {
        EvaluationResults results = EnsembleEvaluator.Evaluate(
            SyntheticEvaluationData.Samples, SyntheticEvaluationData.Members, SyntheticEvaluationData.Options);

        var with = DistributionPlot.Gains(results, "HLT", EfficiencyScheme.All[1], new PlotOptions());
        var without = DistributionPlot.Gains(
            results, "HLT", EfficiencyScheme.All[1], new PlotOptions(IncludeDijets: false));

        Assert.Contains("jjJZ2", with.Select(r => r.Tag));
        Assert.DoesNotContain("jjJZ2", without.Select(r => r.Tag));
        Assert.DoesNotContain("EB_test", with.Select(r => r.Tag));
        Assert.Equal(3, with.Single(r => r.Tag == "ZZ4lep").Values.Length);
    }

    [Fact]
    public void BoxStatistics_Outlier_WhiskerStopsWithinOneAndAHalfIqr()
    {
        // [1, 2, 3, 4, 100]: numpy percentiles 25/50/75 = 2, 3, 4; IQR 2, reach 3 → whiskers 1 and 4 (100 is out).
        Assert.Equal(new BoxStatistics(1, 2, 3, 4, 4), BoxStatistics.Of([100, 2, 4, 1, 3]));

        // [1, 2]: rank 0.25 → 1.25, median 1.5, rank 0.75 → 1.75.
        Assert.Equal(new BoxStatistics(1, 1.25, 1.5, 1.75, 2), BoxStatistics.Of([2, 1]));
    }

    [Fact]
    public void RenderAll_TwoMembers_EveryKindGroupedWithPaths()
    {
        IReadOnlyList<RenderedPlot> plots = PlotSet.RenderAll(HandMade, new PlotOptions(Scale: 0.3));

        // Per object type: 5 gain boxes + 2 efficiency boxes; per member 5 efficiency + 2 ROC + 1 pileup.
        Assert.Equal(7 + 2 * 8, plots.Count);
        Assert.Equal(
            ["HLT objects · ensemble of 2 members", "HLT objects · member 0", "HLT objects · member 2"],
            plots.Select(p => p.Group).Distinct());
        Assert.Contains(plots, p => p.RelativePath == "HLT/member_2/roc_l1All.png");
        Assert.Contains(plots, p => p.RelativePath == "HLT/ensemble/gain_l1Seeded_MiSE.png");
        Assert.All(plots, p => Assert.True(PngSize(p.Png).Width > 0));
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        int height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        return (width, height);
    }
}
