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
    private const double RelativeTolerance = 1e-9;
    private const double RocTolerance = 1e-6;

    [Fact]
    public void Evaluate_SyntheticDataSet_MatchesNumpyReference()
    {
        EvaluationResults results = EnsembleEvaluator.Evaluate(
            SyntheticEvaluationData.Samples, SyntheticEvaluationData.Members, SyntheticEvaluationData.Options);
        using JsonDocument actual = JsonDocument.Parse(ResultsJson.Serialize(results));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllBytes(SyntheticEvaluationData.ExpectedPath));

        var worst = new Dictionary<string, (double Deviation, string Path)>();
        Compare(expected.RootElement, actual.RootElement, "", worst);
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

    private static void Compare(
        JsonElement expected,
        JsonElement actual,
        string path,
        Dictionary<string, (double, string)> worst)
    {
        Assert.True(
            expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(
                    expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
                    actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    Compare(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}", worst);
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    Compare(expected[i], actual[i], $"{path}[{i}]", worst);
                }

                break;
            case JsonValueKind.Number:
                CompareNumber(expected.GetDouble(), actual.GetDouble(), path, worst);
                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.GetString());
                break;
        }
    }

    private static void CompareNumber(
        double expected,
        double actual,
        string path,
        Dictionary<string, (double, string)> worst)
    {
        // ROC figures to 1e-6 absolute; every other number to 1e-9 relative (with a 1e-15 floor for zeros and
        // for standard deviations of equal values, which differ only by rounding).
        bool roc = path.Contains(".roc.", StringComparison.Ordinal);
        string kind = roc ? "ROC (absolute)" : path.Contains(".pileup.", StringComparison.Ordinal)
            ? "pileup (relative)" : "thresholds, rates, efficiencies (relative)";
        double deviation = roc
            ? Math.Abs(expected - actual)
            : Math.Abs(expected - actual) / Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), 1e-6);
        if (deviation >= worst.GetValueOrDefault(kind).Item1)
        {
            worst[kind] = (deviation, path);
        }
        double allowed = roc ? RocTolerance : RelativeTolerance;
        Assert.True(
            Math.Abs(expected - actual) <= allowed * (roc ? 1 : Math.Max(Math.Abs(expected), Math.Abs(actual))) + 1e-15,
            $"{path}: expected {expected:R}, got {actual:R}");
    }
}
