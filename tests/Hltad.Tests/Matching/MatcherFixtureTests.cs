using Hltad.Io;
using Hltad.Matching;

namespace Hltad.Tests.Matching;

/// <summary>
/// `match` on the shared fixtures against the numpy reference (tools/reference/match_fixtures.py →
/// TestData/matching/fixtures_golden.json): event arrays, flags, weights and identities exactly (SHA-256 of the
/// bytes, plus a few full rows), L1AD scores to 1e-5 relative.
/// </summary>
public sealed class MatcherFixtureTests
{
    [SkippableFact]
    public void Run_SharedFixtures_EqualsNumpyReference()
    {
        string ntuples = SharedFixtures.Require("ntuples");
        string model = SharedFixtures.Require("models/L1AD_topo2A_encoder.onnx");
        var golden = MatchingGolden.Load();
        using var output = new TemporaryDirectory();
        var options = new MatchOptions(Path.Combine(ntuples, "EB"), Path.Combine(ntuples, "MC"),
            Path.Combine(ntuples, "L1AD_training_events.h5"), model, output.Path);

        var summary = Matcher.Run(options);

        Assert.Equal(golden.Tags, summary.Tags.Select(tag => tag.Tag));
        Assert.Equal(golden.Root.GetProperty("repeated_events").GetInt64(), summary.RepeatedEvents);
        Assert.Equal(golden.Tags.Select(tag => tag + ".h5").Order(StringComparer.Ordinal), output.Files());
        foreach (string tag in golden.Tags)
        {
            AssertTag(golden, tag, MatchedSampleFile.Read(Path.Combine(output.Path, tag + ".h5")));
        }
    }

    private static void AssertTag(MatchingGolden golden, string tag, Data.MatchedSample sample)
    {
        var expected = golden.Tag(tag);
        var sha = expected.GetProperty("sha256");
        Assert.Equal(expected.GetProperty("count").GetInt32(), sample.Count);
        Assert.Equal(sha.GetProperty("HLT_data").GetString(), MatchingGolden.Sha256(sample.Hlt.Values));
        Assert.Equal(sha.GetProperty("L1_data").GetString(), MatchingGolden.Sha256(sample.L1.Values));
        Assert.Equal(sha.GetProperty("passL1").GetString(), MatchingGolden.Sha256(sample.PassL1));
        Assert.Equal(sha.GetProperty("passHLT").GetString(), MatchingGolden.Sha256(sample.PassHlt));
        Assert.Equal(sha.GetProperty("weights").GetString(), MatchingGolden.Sha256(sample.Weights));
        bool enhancedBias = sha.TryGetProperty("run_numbers", out var runs);
        Assert.Equal(enhancedBias, sample.RunNumbers is not null);
        if (enhancedBias)
        {
            Assert.Equal(runs.GetString(), MatchingGolden.Sha256(sample.RunNumbers!));
            Assert.Equal(sha.GetProperty("event_numbers").GetString(), MatchingGolden.Sha256(sample.EventNumbers!));
            Assert.Equal(sha.GetProperty("pileups").GetString(), MatchingGolden.Sha256(sample.Pileups!));
        }

        foreach (var row in expected.GetProperty("rows").EnumerateObject())
        {
            int index = int.Parse(row.Name, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(MatchingGolden.Numbers(row.Value.GetProperty("HLT_data")),
                sample.Hlt.Event(index).ToArray().Select(v => (double)v));
            Assert.Equal(MatchingGolden.Numbers(row.Value.GetProperty("L1_data")),
                sample.L1.Event(index).ToArray().Select(v => (double)v));
        }

        MatchingGolden.AssertRelative(MatchingGolden.Numbers(expected.GetProperty("scores")), sample.L1adScores, 1e-5);
    }
}
