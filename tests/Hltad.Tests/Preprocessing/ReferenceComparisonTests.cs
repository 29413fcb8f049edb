using System.Text.Json;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Tests.Preprocessing;

/// <summary>
/// <see cref="Preprocessor.Run"/> on the fixture matched datasets (plus the hand-made <c>edgecases</c> tag) against
/// the independent numpy implementation tools/reference/preprocess_reference.py, whose summaries are committed in
/// TestData/preprocessing/expected: for every scheme × normalisation (mask <c>values</c>) and every scheme with the
/// <c>objects</c> mask, the L1AD threshold and rates (1e-9 relative), the scaler and global-division statistics
/// (1e-9 relative), and for every output sample its row order (exact checksum of source_tag/source_row), the flags
/// (exact), per-column sums and weighted checksums of both arrays (each value to 1e-6 relative), full rows of a few
/// events (1e-6 relative) and the object masks (exact).
/// </summary>
public sealed class ReferenceComparisonTests
{
    // The options preprocess_reference.py runs with.
    private const double L1adRateHz = 5e5;
    private const ulong SplitSeed = 20240607;
    private const double ValueTolerance = 1e-6;
    private const double StatisticTolerance = 1e-9;

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (string scheme in OptionNames.TrainDataSchemeNames)
        {
            foreach (string normalization in OptionNames.PtNormalizationNames)
            {
                cases.Add(scheme, normalization, "values");
            }

            cases.Add(scheme, "StandardScaler", "objects");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_FixtureMatchedData_EqualsNumpyReference(string scheme, string normalization, string mask)
    {
        using JsonDocument document = ReadExpected(scheme, normalization, mask);
        JsonElement expected = document.RootElement;

        PreprocessResult result = Run(scheme, normalization, mask);

        AssertInfo(expected, result.Info);
        string[] names = expected.GetProperty("samples").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names, result.Samples.Select(s => s.Tag));
        foreach (PreprocessedSample sample in result.Samples)
        {
            AssertSample(expected.GetProperty("samples").GetProperty(sample.Tag), sample);
        }
    }

    [Fact]
    public void Run_AnyThreadCount_GivesBitIdenticalOutput()
    {
        var options = Options("topo2A_train+L1noalg_HLTall", "ZeroAwareStandardScaler", "objects");
        IReadOnlyDictionary<string, Data.MatchedSample> matched = MatchedTestData.FixtureWithEdgeCases;
        PreprocessResult one = Preprocessor.Run(matched, options with { MaxDegreeOfParallelism = 1 });
        PreprocessResult many = Preprocessor.Run(matched, options with { MaxDegreeOfParallelism = 4 });

        Assert.Equal(one.Info.ToJson(), many.Info.ToJson());
        for (int s = 0; s < one.Samples.Count; s++)
        {
            Assert.Equal(one.Samples[s].Hlt, many.Samples[s].Hlt);
            Assert.Equal(one.Samples[s].L1, many.Samples[s].L1);
            Assert.Equal(one.Samples[s].SourceRow, many.Samples[s].SourceRow);
        }
    }

    internal static PreprocessResult Run(string scheme, string normalization, string mask) =>
        Preprocessor.Run(MatchedTestData.FixtureWithEdgeCases, Options(scheme, normalization, mask));

    internal static JsonDocument ReadExpected(string scheme, string normalization, string mask)
    {
        string name = $"{scheme.Replace("+", "_plus_")}__{normalization}__{mask}.json";
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(MatchedTestData.Folder("expected"), name)));
    }

    private static PreprocessOptions Options(string scheme, string normalization, string mask)
    {
        Assert.True(OptionNames.TryParse(scheme, out TrainDataScheme parsedScheme));
        Assert.True(OptionNames.TryParse(normalization, out PtNormalization parsedNormalization));
        Assert.True(OptionNames.TryParse(mask, out LossMaskKind parsedMask));
        return new PreprocessOptions(
            parsedScheme, parsedNormalization, L1adRateHz, PhysicsConstants.BunchCrossingRateHz, SplitSeed, parsedMask);
    }

    private static void AssertInfo(JsonElement expected, PreprocessInfo info)
    {
        Assert.Equal(expected.GetProperty("L1AD_threshold").GetSingle(), info.L1adThreshold);
        AssertClose(expected.GetProperty("L1AD_pure_rate").GetDouble(), info.L1adPureRateHz, StatisticTolerance);
        AssertClose(expected.GetProperty("L1AD_total_rate").GetDouble(), info.L1adTotalRateHz, StatisticTolerance);
        Assert.Equal(expected.GetProperty("source_tags").EnumerateArray().Select(t => t.GetString()), info.SourceTags);

        JsonElement scalers = expected.GetProperty("scalers");
        Assert.Equal(scalers.ValueKind == JsonValueKind.Null, info.HltScaler is null);
        if (info.HltScaler is not null)
        {
            foreach (ObjectType type in new[] { ObjectType.Hlt, ObjectType.L1 })
            {
                JsonElement scaler = scalers.GetProperty(OptionNames.Of(type));
                AssertAllClose(Doubles(scaler.GetProperty("mean")), info.ScalerFor(type)!.Mean, StatisticTolerance);
                AssertAllClose(Doubles(scaler.GetProperty("std")), info.ScalerFor(type)!.Std, StatisticTolerance);
            }
        }

        JsonElement means = expected.GetProperty("global_division_means");
        Assert.Equal(means.ValueKind == JsonValueKind.Null, info.HltGlobalDivisionMean is null);
        if (info.HltGlobalDivisionMean is double hlt)
        {
            AssertClose(means.GetProperty("HLT").GetDouble(), hlt, StatisticTolerance);
            AssertClose(means.GetProperty("L1").GetDouble(), info.L1GlobalDivisionMean!.Value, StatisticTolerance);
        }
    }

    private static void AssertSample(JsonElement expected, PreprocessedSample sample)
    {
        Assert.Equal(expected.GetProperty("count").GetInt32(), sample.Count);
        Assert.Equal(expected.GetProperty("order_checksum").GetInt64(), OrderChecksum(sample));
        JsonElement flags = expected.GetProperty("flags");
        Assert.Equal(Longs(flags.GetProperty("passL1")), FlagSummary(sample.PassL1));
        Assert.Equal(Longs(flags.GetProperty("passHLT")), FlagSummary(sample.PassHlt));
        Assert.Equal(Longs(flags.GetProperty("L1Seeded")), FlagSummary(sample.L1Seeded));
        AssertClose(expected.GetProperty("weights_sum").GetDouble(), sample.Weights.Sum(), StatisticTolerance);
        AssertClose(
            expected.GetProperty("weights_position_weighted").GetDouble(),
            sample.Weights.Select((w, i) => w * PositionWeight(i)).Sum(),
            StatisticTolerance);
        AssertClose(
            expected.GetProperty("scores_sum").GetDouble(), sample.L1adScores.Sum(s => (double)s), StatisticTolerance);
        JsonElement pileups = expected.GetProperty("pileups_sum");
        Assert.Equal(pileups.ValueKind == JsonValueKind.Null, sample.Pileups is null);
        if (sample.Pileups is not null)
        {
            AssertClose(pileups.GetDouble(), sample.Pileups.Sum(p => (double)p), StatisticTolerance);
        }

        JsonElement arrays = expected.GetProperty("arrays");
        ArrayChecksums.AssertMatches(arrays.GetProperty("HLT"), sample.Hlt, ValueTolerance, sample.Tag + " HLT");
        ArrayChecksums.AssertMatches(arrays.GetProperty("L1"), sample.L1, ValueTolerance, sample.Tag + " L1");
        Assert.Equal(arrays.TryGetProperty("HLT_mask", out JsonElement hltMask), sample.HltObjectMask is not null);
        if (sample.HltObjectMask is not null)
        {
            ArrayChecksums.AssertMatches(hltMask, sample.HltObjectMask, 0, sample.Tag + " HLT mask");
            ArrayChecksums.AssertMatches(
                arrays.GetProperty("L1_mask"), sample.L1ObjectMask!, 0, sample.Tag + " L1 mask");
        }

        foreach (JsonElement row in expected.GetProperty("rows").EnumerateArray())
        {
            AssertRow(row, sample);
        }
    }

    private static void AssertRow(JsonElement row, PreprocessedSample sample)
    {
        int i = row.GetProperty("index").GetInt32();
        Assert.Equal(row.GetProperty("source_tag").GetInt32(), sample.SourceTag[i]);
        Assert.Equal(row.GetProperty("source_row").GetInt64(), sample.SourceRow[i]);
        AssertAllClose(Doubles(row.GetProperty("HLT")), Event(sample.Hlt, i), ValueTolerance);
        AssertAllClose(Doubles(row.GetProperty("L1")), Event(sample.L1, i), ValueTolerance);
        if (sample.HltObjectMask is not null)
        {
            Assert.Equal(Doubles(row.GetProperty("HLT_mask")), Event(sample.HltObjectMask, i));
            Assert.Equal(Doubles(row.GetProperty("L1_mask")), Event(sample.L1ObjectMask!, i));
        }
    }

    /// <summary>Σ_i (i + 1) · (code · 1 000 003 + row + 1), as preprocess_reference.py computes it.</summary>
    private static long OrderChecksum(PreprocessedSample sample)
    {
        long sum = 0;
        for (int i = 0; i < sample.Count; i++)
        {
            sum += (i + 1L) * (sample.SourceTag[i] * 1_000_003L + sample.SourceRow[i] + 1);
        }

        return sum;
    }

    /// <summary>[count of true, Σ over true entries of (i mod 97) + 1].</summary>
    private static long[] FlagSummary(bool[] flags) =>
        [flags.Count(f => f), flags.Select((f, i) => f ? (long)PositionWeight(i) : 0).Sum()];

    internal static double PositionWeight(int index) => index % 97 + 1;

    private static double[] Event(float[] values, int index) =>
        values.AsSpan(index * ObjectLayout.Features, ObjectLayout.Features).ToArray().Select(v => (double)v).ToArray();

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt64()).ToArray();

    private static void AssertAllClose(double[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], actual[i], relative, $"index {i}");
        }
    }

    internal static void AssertClose(double expected, double actual, double relative, string where = "")
    {
        double tolerance = relative * Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            $"{where}: expected {expected:R}, got {actual:R} "
            + $"(difference {expected - actual:G3}, tolerance {tolerance:G3})");
    }
}
