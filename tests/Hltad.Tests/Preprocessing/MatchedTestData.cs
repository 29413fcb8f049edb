using Hltad.Data;
using PureHDF;
using PureHDF.VOL.Native;

namespace Hltad.Tests.Preprocessing;

/// <summary>
/// The matched test datasets of TestData/preprocessing (written by tools/reference/make_matched_testdata.py
/// from the fixture ntuples), read with a minimal PureHDF reader that exists only for these tests.
/// </summary>
internal static class MatchedTestData
{
    private static readonly Lazy<IReadOnlyDictionary<string, MatchedSample>> Matched =
        new(() => Load(Folder("matched")));

    private static readonly Lazy<IReadOnlyDictionary<string, MatchedSample>> MatchedAndEdge =
        new(() => Load(Folder("matched"), Folder("edge")));

    /// <summary>The 13 matched tags of the fixtures (SEMANTICS.md sections 2–4).</summary>
    public static IReadOnlyDictionary<string, MatchedSample> Fixture => Matched.Value;

    /// <summary>The 13 tags plus the hand-made <c>edgecases</c> tag.</summary>
    public static IReadOnlyDictionary<string, MatchedSample> FixtureWithEdgeCases => MatchedAndEdge.Value;

    public static string Folder(string name) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", "preprocessing", name);

    /// <summary>Every <c>&lt;tag&gt;.h5</c> of the folders.</summary>
    public static IReadOnlyDictionary<string, MatchedSample> Load(params string[] folders)
    {
        var samples = new Dictionary<string, MatchedSample>(StringComparer.Ordinal);
        foreach (string path in folders.SelectMany(f => Directory.GetFiles(f, "*.h5")))
        {
            MatchedSample sample = Read(path);
            samples.Add(sample.Tag, sample);
        }

        return samples;
    }

    private static MatchedSample Read(string path)
    {
        using NativeFile file = H5File.OpenRead(path);
        T[] Get<T>(string name) => file.Dataset(name).Read<T[]>();
        T[]? Optional<T>(string name) => file.LinkExists(name) ? Get<T>(name) : null;

        double[] weights = Get<double>("weights");
        return new MatchedSample
        {
            Tag = Path.GetFileNameWithoutExtension(path),
            Hlt = new EventArrays(weights.Length, Get<float>("HLT_data")),
            L1 = new EventArrays(weights.Length, Get<float>("L1_data")),
            PassL1 = Get<byte>("passL1").Select(b => b != 0).ToArray(),
            PassHlt = Get<byte>("passHLT").Select(b => b != 0).ToArray(),
            Weights = weights,
            L1adScores = Get<float>("topo2A_AD_scores"),
            RunNumbers = Optional<long>("run_numbers"),
            EventNumbers = Optional<long>("event_numbers"),
            Pileups = Optional<float>("pileups"),
        };
    }
}
