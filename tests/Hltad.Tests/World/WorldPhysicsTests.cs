using Hltad.Io;
using Hltad.Physics;
using Hltad.World;

namespace Hltad.Tests.World;

/// <summary>
/// Properties the synthetic world promises (World/ProcessCatalog.cs), on one moderately sized world
/// (3 runs × 6000 EB events, 9 × 1500 MC events).
/// </summary>
public sealed class WorldPhysicsTests : IClassFixture<WorldPhysicsTests.MediumWorld>
{
    private readonly MediumWorld _world;

    public WorldPhysicsTests(MediumWorld world)
    {
        _world = world;
    }

    [Fact]
    public void EnhancedBias_Weights_UndoPrescalesAndFallWithActivity()
    {
        using var reader = _world.Eb("EB_473255");
        double[] weights = reader.ReadFloat64("EB_weights");
        bool[] passL1 = reader.ReadFlags("pass_L1_unprescaled");

        // An unprescaled item gives weight 1; random-trigger events that fire nothing else weigh the RD prescale
        // (6000 × run factor 1.0 in run 473255), the others at most about the prescale of a low item (≤ 40).
        Assert.All(weights.Where((_, i) => passL1[i]), weight => Assert.Equal(1.0, weight, 12));
        Assert.All(weights.Where((_, i) => !passL1[i]), weight => Assert.True(weight > 1));
        Assert.Equal(6000, weights.Max(), 6);
        double median = weights.Order().ElementAt(weights.Length / 2);
        Assert.InRange(median, 2, 40);
        Assert.InRange(passL1.Count(p => p) / (double)weights.Length, 0.15, 0.45);

        // Weighted, soft QCD dominates: events firing unprescaled L1 items are a tiny share of the weight.
        double share = weights.Where((_, i) => passL1[i]).Sum() / weights.Sum();
        Assert.InRange(share, 1e-4, 1e-2);
    }

    [Fact]
    public void EnhancedBias_Pileup_AroundFiftyAndRaisesJetMultiplicityAndMet()
    {
        using var reader = _world.Eb("EB_476083");
        float[] mu = reader.ReadFloat32("mu");
        var jets = reader.ReadObjects("HLT_jets", 10);
        var met = reader.ReadMet("HLT_MET");
        double[] weights = reader.ReadFloat64("EB_weights");
        double Mean(Func<int, bool> select, Func<int, double> value) =>
            Enumerable.Range(0, mu.Length).Where(select).Average(value);

        // 0.04 μ pileup jets, one in six above 20 GeV ((20/12)^−3.5): about 0.17 more jets at μ > 60 (≈ 65)
        // than at μ < 45 (≈ 40).
        double high = Mean(i => mu[i] > 60, i => Count(jets, i, 0));
        double low = Mean(i => mu[i] < 45, i => Count(jets, i, 0));
        Assert.InRange(mu.Average(), 42, 58);
        Assert.True(high > low + 0.08, $"pileup should add jets: {high:F2} at μ > 60, {low:F2} at μ < 45");

        // Soft events (randomly triggered, weight > 300): MET resolution 0.5 √(20 + 6 μ), ~2 GeV more MET at high
        // μ.
        bool Soft(int i) => weights[i] > 300 && met.Event(i)[0] >= 0;
        double highMet = Mean(i => Soft(i) && mu[i] > 60, i => met.Event(i)[0]);
        double lowMet = Mean(i => Soft(i) && mu[i] < 45, i => met.Event(i)[0]);
        Assert.True(highMet > lowMet + 1,
            $"pileup should raise MET: {highMet:F1} GeV at μ > 60, {lowMet:F1} at μ < 45");
    }

    [Fact]
    public void EnhancedBias_Met_SometimesNotComputedOrNaN()
    {
        int notComputed = 0, nan = 0;
        foreach (string run in new[] { "EB_473255", "EB_475341", "EB_476083" })
        {
            using var reader = _world.Eb(run);
            var hlt = reader.ReadMet("HLT_MET");
            var l1 = reader.ReadMet("L1_MET");
            notComputed += Enumerable.Range(0, hlt.Count)
                .Count(i => hlt.Event(i)[0] == PhysicsConstants.MetNotComputed);
            nan += Enumerable.Range(0, l1.Count).Count(i => float.IsNaN(l1.Event(i)[2]));
        }

        // 0.2 % and 0.1 % of 18 000 events: about 36 and 18.
        Assert.InRange(notComputed, 10, 80);
        Assert.InRange(nan, 4, 50);
    }

    [Fact]
    public void L1Objects_MuonEtStoredThousandTimesSmaller()
    {
        using var reader = _world.Mc("ZZ4lep");
        var l1 = reader.ReadObjects("L1_muons", 6);
        var hlt = reader.ReadObjects("HLT_muons", 1);

        // L1 muons carry the highest muon-trigger threshold passed (4 … 20 GeV), stored in TeV.
        float maxL1 = Enumerable.Range(0, l1.Count).Max(i => l1.Event(i)[0]);
        float maxHlt = Enumerable.Range(0, hlt.Count).Max(i => hlt.Event(i)[0]);
        Assert.Equal(0.020f, maxL1, 1e-6f);
        Assert.True(maxHlt > 20);
        float[] thresholds = [0, 4, 6, 8, 10, 14, 20];
        Assert.All(Enumerable.Range(0, l1.Count).SelectMany(i => l1.Event(i).ToArray().Where((_, k) => k % 3 == 0)),
            et => Assert.Contains(thresholds, t => Math.Abs(t - et * 1000) < 1e-3));
    }

    [Fact]
    public void Mc_ProcessesHaveTheirSignatures()
    {
        // ZZ4lep: four leptons, the second pair mostly from a 4–30 GeV γ*/Z*, so one of them is often below the
        // reconstruction thresholds (4 GeV e, 3 GeV μ) or outside the acceptance: about three reconstructed.
        Assert.InRange(Mean("ZZ4lep", r => Count(r.E, r.I, 4) + Count(r.Mu, r.I, 3)), 2.6, 3.6);
        Assert.True(Mean("qqa", r => r.Ph.Event(r.I)[0] > 45 ? 1 : 0) > 0.9, "qqa: a hard photon");
        Assert.True(Mean("Zprime2EJs", r => r.J.Event(r.I)[0]) > 400, "Zprime2EJs: very hard jets");
        Assert.True(Mean("A14N23LO", r => r.Met.Event(r.I)[0]) > 150, "A14N23LO: large MET");
        Assert.InRange(Mean("jjJZ1", r => r.J.Event(r.I)[0]), 20, 80);
        Assert.InRange(Mean("jjJZ4", r => r.J.Event(r.I)[0]), 380, 800);
        Assert.True(Mean("jjJZ2", r => r.J.Event(r.I)[0]) > Mean("jjJZ1", r => r.J.Event(r.I)[0]));
    }

    [Theory]
    [InlineData("ZZ4lep")]
    [InlineData("HAHMggfZdZd2l2nu")]
    [InlineData("qqa")]
    public void Mc_Signals_SometimesFailTheHltMenu(string tag)
    {
        using var reader = _world.Mc(tag);
        bool[] passHlt = reader.ReadFlags("pass_HLT_unprescaled");

        Assert.InRange(passHlt.Count(p => !p) / (double)passHlt.Length, 0.1, 0.97);
    }

    [Fact]
    public void TrainingList_ThirtyPercentOfEbOutsideTheNoHltRun()
    {
        using var list = Hdf5Reader.Open(Path.Combine(_world.Root, "L1AD_training_events.h5"));
        long[] runs = list.ReadInt64("run_number");
        long[] events = list.ReadInt64("event_number");
        using var eb = _world.Eb("EB_473255");
        var known = eb.ReadInt64("event_number").ToHashSet();

        Assert.DoesNotContain(PhysicsConstants.NoHltSelectionRun, runs);
        Assert.InRange(runs.Length / (2.0 * MediumWorld.EventsPerRun), 0.25, 0.35);
        Assert.All(events.Where((_, i) => runs[i] == 473255), number => Assert.Contains(number, known));
    }

    private double Mean(string tag, Func<McRow, double> value)
    {
        using var reader = _world.Mc(tag);
        var row = new McRow(reader.ReadObjects("HLT_jets", 1), reader.ReadObjects("HLT_electrons", 6),
            reader.ReadObjects("HLT_muons", 6), reader.ReadObjects("HLT_photons", 1), reader.ReadMet("HLT_MET"), 0);
        return Enumerable.Range(0, row.J.Count).Average(i => value(row with { I = i }));
    }

    private static int Count(ObjectArray objects, int index, float minimum)
    {
        var values = objects.Event(index);
        int count = 0;
        for (int k = 0; k < objects.Objects; k++)
        {
            count += values[k * 3] > minimum ? 1 : 0;
        }

        return count;
    }

    private sealed record McRow(ObjectArray J, ObjectArray E, ObjectArray Mu, ObjectArray Ph, ObjectArray Met, int I);

    public sealed class MediumWorld : IDisposable
    {
        public const int EventsPerRun = 6000;
        private readonly TemporaryDirectory _directory = new();

        public MediumWorld()
        {
            WorldGenerator.Generate(new WorldOptions(_directory.Path)
            {
                Seed = 5,
                EventsPerRun = EventsPerRun,
                McEventsPerProcess = 1500,
            });
        }

        public string Root => _directory.Path;

        public NtupleReader Eb(string name) => NtupleReader.Open(Path.Combine(Root, "EB", name + "_ntuples.h5"), []);

        public NtupleReader Mc(string tag) => NtupleReader.Open(Path.Combine(Root, "MC", tag + "_ntuples.h5"), []);

        public void Dispose() => _directory.Dispose();
    }
}
