using Hltad.Evaluation;
using static Hltad.Tests.Evaluation.HandMadeEvaluationData;

namespace Hltad.Tests.Evaluation;

public sealed class EnsembleEvaluatorTests
{
    [Fact]
    public void Evaluate_TwoMembers_SummaryIsMeanAndPopulationStd()
    {
        // Member 0: the hand-made scores, L1-seeded TSE gain of Sig 50 % (see ObjectTypeEvaluatorTests).
        // Member 4: Sig event 0 scored 0.5 instead of 0.95, so only event 1 is anomalous: combined {1, 4} = 1/3,
        // gain 0 %. Mean 25 %, population std √((25² + 25²)/2) = 25 %.
        var members = new[]
        {
            new MemberScores(4, [Scores("HLT", [0.5f, 0.9f, 0.7f, 0.6f, 0.1f, 0.05f])]),
            new MemberScores(0, [Scores("HLT")]),
        };
        var reports = new List<EvaluationProgress>();

        EvaluationResults results = EnsembleEvaluator.Evaluate(
            Samples, members, Options, new SynchronousProgress(reports));

        SummaryStatistic gain = results.Summary.Find("HLT")!
            .Efficiencies[new EfficiencyScheme(SeedingScheme.L1Seeded, EfficiencyKind.Tse)]["Sig"].GainPercent;
        Assert.Equal([0, 4], results.Members.Select(m => m.Member));
        Assert.Equal(25, gain.Mean!.Value, 12);
        Assert.Equal(25, gain.StandardDeviation!.Value, 12);
        Assert.Equal(2, gain.Count);
        Assert.Equal([1, 2], reports.Select(r => r.Done));
    }

    [Fact]
    public void Evaluate_NullGains_LeftOutOfTheSummary()
    {
        EvaluationResults results = EnsembleEvaluator.Evaluate(Samples, [new MemberScores(0, [Scores()])], Options);

        SampleEfficiencySummary noHlt = results.Summary.Find("HLT")!
            .Efficiencies[new EfficiencyScheme(SeedingScheme.L1Seeded, EfficiencyKind.Tse)]["NoHlt"];
        Assert.Equal(new SummaryStatistic(null, null, 0), noHlt.GainPercent);
        Assert.Equal(new SummaryStatistic(0.5, 0, 1), noHlt.CombinedEfficiency);
    }

    [Fact]
    public void Evaluate_NoMembers_Throws()
    {
        var error = Assert.Throws<HltadException>(() => EnsembleEvaluator.Evaluate(Samples, [], Options));

        Assert.Contains("no trained members", error.Message);
    }

    [Fact]
    public void Evaluate_RepeatedMember_Throws()
    {
        var error = Assert.Throws<HltadException>(() => EnsembleEvaluator.Evaluate(
            Samples, [new MemberScores(2, [Scores()]), new MemberScores(2, [Scores()])], Options));

        Assert.Contains("member 2", error.Message);
    }

    [Fact]
    public void Of_ValuesWithNull_MeanStdCountOfPresentOnes()
    {
        // [50, 100, null]: mean 75, population std √((25² + 25²)/2) = 25, count 2.
        Assert.Equal(new SummaryStatistic(75, 25, 2), SummaryStatistic.Of([50, 100, null]));
    }

    private sealed class SynchronousProgress(List<EvaluationProgress> reports) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => reports.Add(value);
    }
}
