using Hltad.Io;
using Hltad.Matching;
using Hltad.Physics;
using Hltad.Tests.World;

namespace Hltad.Tests.Matching;

/// <summary>generate (tiny world) → match → read back, checked against the ntuples read directly.</summary>
public sealed class MatcherTinyWorldTests
{
    private static readonly string Model = TestData.Path("matching", "l1ad_linear3.onnx");

    [Fact]
    public void Run_TinyWorld_WritesThirteenTagsThatAccountForEveryEvent()
    {
        using var output = new TemporaryDirectory();

        var summary = Matcher.Run(Options(TinyWorld.Root, output.Path));

        string[] expected =
        [
            "topo2A_train", "EB_473255", "HLT_noalg_eb_L1All", "EB_476083", "A14N23LO", "HAHMggfZdZd2l2nu",
            "HHbbttHadHad", "ZZ4lep", "Zprime2EJs", "jjJZ1", "jjJZ2", "jjJZ4", "qqa",
        ];
        Assert.Equal(expected, summary.Tags.Select(tag => tag.Tag));
        Assert.Equal(3L * TinyWorld.EventsPerRun, summary.Tags.Where(t => t.IsEnhancedBias).Sum(t => (long)t.Events));
        Assert.Equal(TinyWorld.Summary.L1adTrainingEvents, summary.Tags[0].Events);
        Assert.All(summary.Tags.Where(t => !t.IsEnhancedBias), tag => Assert.Equal(TinyWorld.McEvents, tag.Events));
        Assert.Equal(0, summary.RepeatedPairs);
    }

    [Fact]
    public void Run_TinyWorld_NoHltRunTagMatchesItsNtupleRowForRow()
    {
        // Run 475341 has no training events, so HLT_noalg_eb_L1All is its ntuple in row order.
        using var output = new TemporaryDirectory();
        Matcher.Run(Options(TinyWorld.Root, output.Path));

        var sample = MatchedSampleFile.Read(Path.Combine(output.Path, "HLT_noalg_eb_L1All.h5"));
        using var reader = NtupleReader.Open(Path.Combine(TinyWorld.Root, "EB", "EB_475341_ntuples.h5"), []);
        var jets = reader.ReadObjects("HLT_jets", 6);
        var muons = reader.ReadObjects("L1_muons", 3);
        var met = reader.ReadMet("HLT_MET");
        Assert.Equal(TinyWorld.EventsPerRun, sample.Count);
        for (int i = 0; i < sample.Count; i++)
        {
            Assert.Equal(jets.Event(i).ToArray(), sample.Hlt.Event(i)[..18].ToArray());
            Assert.Equal(muons.Event(i).ToArray(), sample.L1.Event(i).Slice(27, 9).ToArray());
            Assert.Equal(met.Event(i).ToArray(), sample.Hlt.Event(i).Slice(45, 3).ToArray());
        }

        Assert.Equal(reader.ReadFloat64("EB_weights"), sample.Weights);
        Assert.Equal(reader.ReadFlags("pass_L1_unprescaled"), sample.PassL1);
        Assert.Equal(reader.ReadInt64("event_number"), sample.EventNumbers);
        Assert.Equal(reader.ReadFloat32("mu"), sample.Pileups);
        Assert.All(sample.RunNumbers!, run => Assert.Equal(PhysicsConstants.NoHltSelectionRun, run));
    }

    [Fact]
    public void Run_McCap_KeepsTheFirstEvents()
    {
        using var full = new TemporaryDirectory();
        using var capped = new TemporaryDirectory();
        Matcher.Run(Options(TinyWorld.Root, full.Path));

        var summary = Matcher.Run(Options(TinyWorld.Root, capped.Path) with { McCap = 7 });

        Assert.All(summary.Tags.Where(t => !t.IsEnhancedBias), tag => Assert.Equal(7, tag.Events));
        var all = MatchedSampleFile.Read(Path.Combine(full.Path, "ZZ4lep.h5"));
        var first = MatchedSampleFile.Read(Path.Combine(capped.Path, "ZZ4lep.h5"));
        Assert.Equal(all.Hlt.Values[..(7 * 48)], first.Hlt.Values);
        Assert.Equal(all.L1adScores[..7], first.L1adScores);
        Assert.All(first.Weights, weight => Assert.Equal(1.0, weight));
    }

    [Fact]
    public void Run_RepeatedRunFile_ReportsRepeatedPairsWithCount()
    {
        // A second copy of run 473255 repeats each of its 400 (run, event) pairs once.
        using var world = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        TinyWorld.CopyTo(world.Path);
        File.Copy(world.File("EB", "EB_473255_ntuples.h5"), world.File("EB", "EB_473255_ntuples_copy.h5"));
        var reports = new List<MatchProgress>();

        var summary = Matcher.Run(Options(world.Path, output.Path), new ListProgress(reports));

        Assert.Equal(TinyWorld.EventsPerRun, summary.RepeatedPairs);
        Assert.Equal(TinyWorld.EventsPerRun, summary.RepeatedEvents);
        var warning = Assert.Single(reports, report => report.Stage == MatchStage.Warning);
        Assert.StartsWith($"{TinyWorld.EventsPerRun} (run, event) pairs occur more than once", warning.Message);
        Assert.Equal(4L * TinyWorld.EventsPerRun, summary.Tags.Where(t => t.IsEnhancedBias).Sum(t => (long)t.Events));
    }

    private static MatchOptions Options(string world, string output) => new(
        Path.Combine(world, "EB"), Path.Combine(world, "MC"), Path.Combine(world, "L1AD_training_events.h5"), Model,
        output);

    private sealed class ListProgress(List<MatchProgress> reports) : IProgress<MatchProgress>
    {
        public void Report(MatchProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
