using System.Text.Json;
using Hltad.Evaluation;
using Hltad.Reports;
using Xunit.Abstractions;

namespace Hltad.Tests.Evaluation;

/// <summary>
/// The whole of SEMANTICS.md section 9 against an independent numpy/scipy implementation:
/// tools/reference/evaluation_reference.py made TestData/evaluation/synthetic_expected.json from the seeded
/// synthetic_dataset.json (3 members, 2 object types, 9 samples with weights over five decades, tied scores,
/// samples with no event in a mask, pileups). The comparison goes through results.json, so it also pins the
/// file's keys and nulls.
/// </summary>
public sealed class ReferenceEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_SyntheticDataSet_MatchesNumpyReference()
    {
        EvaluationResults results = EnsembleEvaluator.Evaluate(
            SyntheticEvaluationData.Samples, SyntheticEvaluationData.Members, SyntheticEvaluationData.Options);
        using JsonDocument actual = JsonDocument.Parse(ResultsJson.Serialize(results));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllBytes(SyntheticEvaluationData.ExpectedPath));

        var worst = ResultsJsonComparison.AssertMatches(expected.RootElement, actual.RootElement);
        foreach ((string kind, (double deviation, string at)) in worst.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"largest deviation, {kind}: {deviation:G3} at {at}");
        }
    }

    [Fact]
    public void Evaluate_SyntheticDataSet_SkipsTrainingSampleAndKeepsMemberIndices()
    {
        EvaluationResults results = EnsembleEvaluator.Evaluate(
            SyntheticEvaluationData.Samples, SyntheticEvaluationData.Members, SyntheticEvaluationData.Options);

        Assert.Equal([0, 1, 3], results.Members.Select(m => m.Member));
        Assert.DoesNotContain("EB_train", results.Members[0].ObjectTypes[0].Tags);
        Assert.Equal(8, results.Members[0].ObjectTypes[0].Tags.Count);
        SampleEfficiencySummary zz = results.Summary.Find("HLT")!.Efficiencies[EfficiencyScheme.All[1]]["ZZ4lep"];
        Assert.Equal(3, zz.GainPercent.Count);
    }
}
