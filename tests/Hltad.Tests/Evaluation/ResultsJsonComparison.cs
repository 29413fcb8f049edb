using System.Text.Json;

namespace Hltad.Tests.Evaluation;

/// <summary>
/// Compares a results.json written by hltad with one written by tools/reference/evaluation_reference.py: the same
/// keys everywhere, the same strings and nulls, ROC figures (AUC, signal efficiency and their summaries) to 1e-6
/// absolute, every other number (thresholds, rates, efficiencies, gains, pileup bins) to 1e-9 relative with a
/// 1e-15 floor for zeros and for standard deviations of equal values, which differ only by rounding.
/// </summary>
internal static class ResultsJsonComparison
{
    public const double RelativeTolerance = 1e-9;
    public const double RocTolerance = 1e-6;

    /// <summary>Asserts agreement; returns the largest deviation of each kind of number and where it is.</summary>
    public static IReadOnlyDictionary<string, (double Deviation, string Path)> AssertMatches(
        JsonElement expected,
        JsonElement actual)
    {
        var worst = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        Compare(expected, actual, "", worst);
        return worst;
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

        double allowed = roc ? RocTolerance : RelativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= allowed + 1e-15, $"{path}: expected {expected:R}, got {actual:R}");
    }
}
