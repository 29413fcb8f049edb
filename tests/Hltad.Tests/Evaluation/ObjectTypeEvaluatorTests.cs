using Hltad.Evaluation;
using Hltad.Rates;
using static Hltad.Tests.Evaluation.HandMadeEvaluationData;

namespace Hltad.Tests.Evaluation;

/// <summary>SEMANTICS.md section 9 on <see cref="HandMadeEvaluationData"/>, every value worked out by hand.</summary>
public sealed class ObjectTypeEvaluatorTests
{
    private static readonly ObjectTypeResult Result = ObjectTypeEvaluator.Evaluate(0, Samples, Scores(), Options);

    [Fact]
    public void Evaluate_L1SeededThreshold_ReachesTargetExactlyAtTopLevel()
    {
        // EB_test ∩ L1Seeded = events 0, 1, 5 with weights 1, 2, 1: Σw = 4, one unit of weight = 1000/4 = 250 Hz.
        // Level 0.9: event 0 (not passHLT) → pure 250 Hz ≥ 250 Hz target → threshold 0.9, total 250 Hz.
        // FPR* = 250 / 1000 = 0.25.
        RateThreshold threshold = Result.L1Seeded.Threshold;

        Assert.Equal(0.9f, threshold.Threshold);
        Assert.Equal(250, threshold.PureRateHz, 12);
        Assert.Equal(250, threshold.TotalRateHz, 12);
        Assert.Equal(1000, threshold.IncomingRateHz);
        Assert.Equal(0.25, Result.L1Seeded.TargetFpr, 15);
    }

    [Fact]
    public void Evaluate_L1AllThreshold_UsesL1AllMaskAndItsIncomingRate()
    {
        // EB_test ∩ (L1Seeded or passL1) = events 0, 1, 3, 4, 5, 6, Σw = 10, one unit = 2000/10 = 200 Hz.
        // 0.9: pure 1 → 200 Hz; 0.8: event 1 passes HLT (event 2 is outside) → 200 Hz;
        // 0.6: event 3 → pure 2 → 400 Hz ≥ 250 → threshold 0.6; total weight 1 + 2 + 1 = 4 → 800 Hz;
        // FPR* 0.4.
        RateThreshold threshold = Result.L1All.Threshold;

        Assert.Equal(0.6f, threshold.Threshold);
        Assert.Equal(400, threshold.PureRateHz, 12);
        Assert.Equal(800, threshold.TotalRateHz, 12);
        Assert.Equal(0.4, Result.L1All.TargetFpr, 15);
    }

    [Fact]
    public void Evaluate_L1SeededEfficiencies_MatchHandWorking()
    {
        // Sig, threshold 0.9, anomalous = score ≥ 0.9 and L1Seeded = {0, 1}.
        // ASE: S = L1Seeded {0, 1, 3}: HLT {1} → 1/3; combined {0, 1} → 2/3; gain 100 %.
        // TSE: S = all 6: HLT {1, 4} → 1/3; combined {0, 1, 4} → 1/2; gain 50 %.
        // MiSE: S = passL1 or L1Seeded {0, 1, 2, 3, 4}: HLT {1, 4} → 2/5; combined {0, 1, 4} → 3/5; gain 50 %.
        AssertEfficiency(Result.L1Seeded.Efficiencies[EfficiencyKind.Ase]["Sig"], 1.0 / 3, 2.0 / 3, 100);
        AssertEfficiency(Result.L1Seeded.Efficiencies[EfficiencyKind.Tse]["Sig"], 1.0 / 3, 0.5, 50);
        AssertEfficiency(Result.L1Seeded.Efficiencies[EfficiencyKind.Mise]["Sig"], 0.4, 0.6, 50);
    }

    [Fact]
    public void Evaluate_L1AllEfficiencies_MatchHandWorking()
    {
        // Sig, threshold 0.6, mask M = L1Seeded or passL1 = {0, 1, 2, 3, 4};
        // anomalous = score ≥ 0.6 in M = {0, 1, 2, 3}.
        // ASE: S = M: HLT {1, 4} → 2/5; combined {0, 1, 2, 3, 4} → 1; gain 150 %.
        // TSE: S = all: HLT 2/6; combined 5/6; gain (5/6 − 1/3) / (1/3) = 150 %. No MiSE in this scheme.
        AssertEfficiency(Result.L1All.Efficiencies[EfficiencyKind.Ase]["Sig"], 0.4, 1, 150);
        AssertEfficiency(Result.L1All.Efficiencies[EfficiencyKind.Tse]["Sig"], 1.0 / 3, 5.0 / 6, 150);
        Assert.False(Result.L1All.Efficiencies.ContainsKey(EfficiencyKind.Mise));
    }

    [Fact]
    public void Evaluate_BackgroundEfficiency_CountsItsOwnAnomalousEvents()
    {
        // EB_test, L1-seeded TSE: S = all, Σw = 12; HLT {1, 4} → 5/12; anomalous {0} → combined 6/12; gain 20 %.
        AssertEfficiency(Result.L1Seeded.Efficiencies[EfficiencyKind.Tse]["EB_test"], 5.0 / 12, 0.5, 20);
    }

    [Fact]
    public void Evaluate_NoHltPass_GainIsNullButEfficienciesStay()
    {
        // NoHlt, L1-seeded TSE: HLT eff 0, combined {0} → 1/2; gain (1/2 − 0)/0 is undefined → null.
        SampleEfficiency tse = Result.L1Seeded.Efficiencies[EfficiencyKind.Tse]["NoHlt"];

        Assert.Equal(0, tse.HltEfficiency);
        Assert.Equal(0.5, tse.CombinedEfficiency);
        Assert.Null(tse.GainPercent);
    }

    [Fact]
    public void Evaluate_NoEventInMask_EfficienciesAndRocAreNullOthersUnaffected()
    {
        // Unseeded has no event with L1Seeded or passL1: ASE and MiSE sets are empty, both ROC curves have no
        // signal; its TSE is still defined: HLT {0} → 1/2, nothing anomalous (unseeded) → 1/2, gain 0 %.
        Assert.Equal(SampleEfficiency.Empty, Result.L1Seeded.Efficiencies[EfficiencyKind.Ase]["Unseeded"]);
        Assert.Equal(SampleEfficiency.Empty, Result.L1Seeded.Efficiencies[EfficiencyKind.Mise]["Unseeded"]);
        Assert.Equal(SampleEfficiency.Empty, Result.L1All.Efficiencies[EfficiencyKind.Ase]["Unseeded"]);
        AssertEfficiency(Result.L1Seeded.Efficiencies[EfficiencyKind.Tse]["Unseeded"], 0.5, 0.5, 0);
        Assert.Equal(SampleRoc.Empty, Result.L1Seeded.Roc["Unseeded"]);
        Assert.Equal(SampleRoc.Empty, Result.L1All.Roc["Unseeded"]);
        Assert.NotNull(Result.L1Seeded.Roc["Sig"].Auc);
    }

    [Fact]
    public void Evaluate_L1SeededRoc_AreaAndWorkingPointMatchHandWorking()
    {
        // Background in L1Seeded: 0.9 (w 1), 0.8 (w 2), 0.4 (w 1), Σ 4; signal in L1Seeded: 0.95, 0.9, 0.6, Σ 3.
        // level  +∞    0.95   0.9    0.8    0.6    0.4
        // FPR    0     0      1/4    3/4    3/4    1
        // TPR    0     1/3    2/3    2/3    1      1
        // AUC = 1/4·(1/3 + 2/3)/2 + 1/2·2/3 + 0 + 1/4·1 = 1/8 + 1/3 + 1/4 = 17/24.
        // FPR* = 0.25 → the point at level 0.9 → signal efficiency 2/3 (= the ASE anomalous fraction).
        SampleRoc roc = Result.L1Seeded.Roc["Sig"];

        Assert.Equal([0, 0, 0.25, 0.75, 0.75, 1], roc.Curve!.FalsePositiveRates);
        Assert.Equal([0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1, 1], roc.Curve.TruePositiveRates, new ToleranceComparer(1e-15));
        Assert.Equal([float.PositiveInfinity, 0.95f, 0.9f, 0.8f, 0.6f, 0.4f], roc.Curve.Levels);
        Assert.Equal(17.0 / 24, roc.Auc!.Value, 15);
        Assert.Equal(2.0 / 3, roc.SignalEfficiency!.Value, 15);
    }

    [Fact]
    public void Evaluate_L1AllRoc_AreaAndWorkingPointMatchHandWorking()
    {
        // Background in M: 0.9 (1), 0.8 (2), 0.6 (1), 0.5 (3), 0.4 (1), 0.3 (2), Σ 10; signal in M: 0.95, 0.9,
        // 0.7, 0.6, 0.1, Σ 5.
        // level  +∞   0.95  0.9   0.8   0.7   0.6   0.5   0.4   0.3   0.1
        // FPR    0    0     0.1   0.3   0.3   0.4   0.7   0.8   1     1
        // TPR    0    0.2   0.4   0.4   0.6   0.8   0.8   0.8   0.8   1
        // AUC = 0.1·0.3 + 0.2·0.4 + 0.1·0.7 + 0.3·0.8 + 0.1·0.8 + 0.2·0.8 = 0.66.
        // FPR* = 0.4 → level 0.6 → signal efficiency 0.8.
        SampleRoc roc = Result.L1All.Roc["Sig"];

        Assert.Equal(10, roc.Curve!.Count);
        Assert.Equal(0.66, roc.Auc!.Value, 14);
        Assert.Equal(0.8, roc.SignalEfficiency!.Value, 15);
    }

    [Fact]
    public void NearestPoint_EqualFprAtSeveralLevels_TakesHigherScore()
    {
        // L1-all curve above: FPR 0.3 at levels 0.8 (TPR 0.4) and 0.7 (TPR 0.6) → the higher score, 0.8.
        RocCurve curve = Result.L1All.Roc["Sig"].Curve!;

        int point = curve.NearestPoint(0.3);

        Assert.Equal(0.8f, curve.Levels[point]);
        Assert.Equal(0.4, curve.TruePositiveRates[point], 15);
    }

    [Fact]
    public void NearestPoint_EquidistantFprs_TakesHigherScore()
    {
        // L1-seeded curve above: FPR* = 0.5 is 0.25 from both 0.25 (level 0.9) and 0.75 (level 0.8), exactly.
        RocCurve curve = Result.L1Seeded.Roc["Sig"].Curve!;

        Assert.Equal(0.9f, curve.Levels[curve.NearestPoint(0.5)]);
    }

    [Fact]
    public void Evaluate_Pileup_BinsSeededBackgroundWithExactIntervals()
    {
        // EB_test ∩ L1Seeded: event 0 (mu 20, w 1, anomalous: 0.9 ≥ 0.9), event 1 (mu 22, w 2, not), event 5
        // (mu 0: not used for the range, and below lo so outside every bin).
        // lo = 20 − 5 = 15, hi = 22 + 5 = 27, width 12/34:
        // mu 20 → bin ⌊5·34/12⌋ = 14, mu 22 → ⌊7·34/12⌋ = 19.
        // Bin 14: eff 1, n_eff 1, k 1 → lower = Beta⁻¹(0.1585; 1, 1) = 0.1585, upper 1.
        // Bin 19: eff 0, n_eff 2²/2² = 1, k 0 → lower 0, upper = Beta⁻¹(0.8415; 1, 1) = 0.8415. Others empty.
        PileupEfficiency pileup = Result.Pileup!;

        Assert.Equal(35, pileup.Edges.Length);
        Assert.Equal(15, pileup.Edges[0]);
        Assert.Equal(27, pileup.Edges[34]);
        Assert.Equal(15 + 14 * (12.0 / 34), pileup.Edges[14], 13);
        Assert.Equal(1, pileup.Efficiency[14]);
        Assert.Equal(0.1585, pileup.Lower[14]!.Value, 12);
        Assert.Equal(1, pileup.Upper[14]);
        Assert.Equal(0, pileup.Efficiency[19]);
        Assert.Equal(0, pileup.Lower[19]);
        Assert.Equal(0.8415, pileup.Upper[19]!.Value, 12);
        Assert.Equal(32, pileup.Efficiency.Count(e => e is null));
    }

    [Fact]
    public void Evaluate_TargetRateOption_MovesBothThresholds()
    {
        // Target 450 Hz: L1-seeded 0.9 → 250, 0.8 → 250 (passHLT), 0.4 → 500 ≥ 450 → threshold 0.4,
        // total 1000 Hz.
        // L1-all: 0.6 → 400, 0.5 → 400 (passHLT), 0.4 → 600 ≥ 450 → threshold 0.4.
        ObjectTypeResult result =
            ObjectTypeEvaluator.Evaluate(0, Samples, Scores(), Options with { TargetRateHz = 450 });

        Assert.Equal(0.4f, result.L1Seeded.Threshold.Threshold);
        Assert.Equal(500, result.L1Seeded.Threshold.PureRateHz, 12);
        Assert.Equal(0.4f, result.L1All.Threshold.Threshold);
        Assert.Equal(600, result.L1All.Threshold.PureRateHz, 12);
    }

    [Fact]
    public void Evaluate_UnreachableTarget_NamesReachableRate()
    {
        // Every non-HLT seeded background event (0 and 5, weight 2 of 4) gives 500 Hz at most.
        var error = Assert.Throws<ImpossibleRateException>(
            () => ObjectTypeEvaluator.Evaluate(0, Samples, Scores(), Options with { TargetRateHz = 600 }));

        Assert.Equal(500, error.ReachableHz, 12);
        Assert.Contains("L1-seeded", error.Message);
        Assert.Contains("500 Hz", error.Message);
    }

    [Fact]
    public void Evaluate_EmptySeededBackground_IsImpossibleWithZeroReachable()
    {
        EvaluationSample unseeded = Background with { L1Seeded = new bool[8] };

        var error = Assert.Throws<ImpossibleRateException>(
            () => ObjectTypeEvaluator.Evaluate(0, [unseeded, Signal], Scores(), Options));

        Assert.Equal(0, error.ReachableHz);
        Assert.Contains("EB_test ∩ L1Seeded", error.Message);
    }

    [Fact]
    public void Evaluate_MissingBackground_Throws()
    {
        var error = Assert.Throws<HltadException>(() => ObjectTypeEvaluator.Evaluate(0, [Signal], Scores(), Options));

        Assert.Contains("'EB_test' is missing", error.Message);
    }

    [Fact]
    public void Evaluate_ScoresOfWrongLength_Throws()
    {
        var error = Assert.Throws<HltadException>(
            () => ObjectTypeEvaluator.Evaluate(3, Samples, Scores("L1", [0.1f]), Options));

        Assert.Contains("member 3 L1: sample 'Sig' has 6 events but 1 scores", error.Message);
    }

    [Fact]
    public void Evaluate_NanScore_Throws()
    {
        float[] scores = [0.95f, float.NaN, 0.7f, 0.6f, 0.1f, 0.05f];

        var error = Assert.Throws<HltadException>(
            () => ObjectTypeEvaluator.Evaluate(0, Samples, Scores("HLT", scores), Options));

        Assert.Contains("event 1", error.Message);
    }

    private static void AssertEfficiency(SampleEfficiency actual, double hlt, double combined, double gainPercent)
    {
        Assert.Equal(hlt, actual.HltEfficiency!.Value, 15);
        Assert.Equal(combined, actual.CombinedEfficiency!.Value, 15);
        Assert.Equal(gainPercent, actual.GainPercent!.Value, 12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
