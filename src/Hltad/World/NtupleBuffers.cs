using Hltad.Io;

namespace Hltad.World;

/// <summary>
/// Every dataset of one synthetic ntuple file (SEMANTICS.md section 1), allocated for all its events and
/// filled row by row. EB files store e/μ/γ and MET with 3 columns, MC files with 4.
/// </summary>
internal sealed class NtupleBuffers
{
    public const int JetSlots = 10;
    public const int LeptonSlots = 6;

    /// <summary>The object arrays of a file: HLT, LRT and offline jets and leptons, and the L1 objects.</summary>
    public const int ObjectArrays = 16;

    public NtupleBuffers(int events, bool enhancedBias)
    {
        Events = events;
        EnhancedBias = enhancedBias;
        LeptonColumns = enhancedBias ? 3 : 4;
        HltJets = new float[events * JetSlots * 4];
        OfflineJets = new float[events * JetSlots * 4];
        HltElectrons = Leptons();
        HltMuons = Leptons();
        HltPhotons = Leptons();
        LrtElectrons = Leptons();
        LrtMuons = Leptons();
        OfflineElectrons = Leptons();
        OfflineMuons = Leptons();
        OfflinePhotons = Leptons();
        L1SmallRadiusJets = new float[events * JetSlots * 3];
        L1LargeRadiusJets = new float[events * JetSlots * 3];
        L1EGammas = new float[events * LeptonSlots * 3];
        L1Muons = new float[events * LeptonSlots * 3];
        L1EFexTaus = new float[events * LeptonSlots * 3];
        L1JFexTaus = new float[events * LeptonSlots * 3];
        HltMet = new float[events * LeptonColumns];
        L1Met = new float[events * 3];
        FilledSlots = new byte[events * ObjectArrays];
        PassL1 = new long[events];
        PassHlt = new long[events];
        Pileup = new float[events];
        if (enhancedBias)
        {
            Weights = new double[events];
            RunNumbers = new long[events];
            EventNumbers = new long[events];
            LumiblockBads = new bool[events];
        }

        float[] Leptons() => new float[events * LeptonSlots * LeptonColumns];
    }

    public int Events { get; }

    public bool EnhancedBias { get; }

    /// <summary>Columns of the e/μ/γ arrays and of HLT MET: 3 in EB, 4 in MC.</summary>
    public int LeptonColumns { get; }

    public float[] HltJets { get; }
    public float[] OfflineJets { get; }
    public float[] HltElectrons { get; }
    public float[] HltMuons { get; }
    public float[] HltPhotons { get; }
    public float[] LrtElectrons { get; }
    public float[] LrtMuons { get; }
    public float[] OfflineElectrons { get; }
    public float[] OfflineMuons { get; }
    public float[] OfflinePhotons { get; }
    public float[] L1SmallRadiusJets { get; }
    public float[] L1LargeRadiusJets { get; }
    public float[] L1EGammas { get; }
    public float[] L1Muons { get; }
    public float[] L1EFexTaus { get; }
    public float[] L1JFexTaus { get; }
    public float[] HltMet { get; }
    public float[] L1Met { get; }

    /// <summary>
    /// Per event and object array (in <see cref="Detector"/>'s order), how many slots hold objects: a reused
    /// buffer's rows need zeroing only there.
    /// </summary>
    public byte[] FilledSlots { get; }

    public long[] PassL1 { get; }
    public long[] PassHlt { get; }
    public float[] Pileup { get; }
    public double[]? Weights { get; }
    public long[]? RunNumbers { get; }
    public long[]? EventNumbers { get; }
    public bool[]? LumiblockBads { get; }

    /// <summary>The datasets in the fixtures' (ordinal name) order, with their section-1 shapes.</summary>
    public Hdf5Datasets ToDatasets()
    {
        long n = Events;
        var all = new List<(string Name, Action<Hdf5Datasets> Add)>
        {
            (NtupleDatasets.HltJets, d => d.Add(NtupleDatasets.HltJets, HltJets, n, JetSlots, 4)),
            (NtupleDatasets.OfflineJets, d => d.Add(NtupleDatasets.OfflineJets, OfflineJets, n, JetSlots, 4)),
            (NtupleDatasets.HltMet, d => d.Add(NtupleDatasets.HltMet, HltMet, n, LeptonColumns)),
            (NtupleDatasets.L1Met, d => d.Add(NtupleDatasets.L1Met, L1Met, n, 3)),
            (NtupleDatasets.PassL1Unprescaled, d => d.Add(NtupleDatasets.PassL1Unprescaled, PassL1)),
            (NtupleDatasets.PassHltUnprescaled, d => d.Add(NtupleDatasets.PassHltUnprescaled, PassHlt)),
            (NtupleDatasets.Pileup, d => d.Add(NtupleDatasets.Pileup, Pileup)),
        };
        AddObjects(all, NtupleDatasets.HltElectrons, HltElectrons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.HltMuons, HltMuons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.HltPhotons, HltPhotons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.LrtElectrons, LrtElectrons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.LrtMuons, LrtMuons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.OfflineElectrons, OfflineElectrons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.OfflineMuons, OfflineMuons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.OfflinePhotons, OfflinePhotons, LeptonSlots, LeptonColumns);
        AddObjects(all, NtupleDatasets.L1JFexSmallRadiusJets, L1SmallRadiusJets, JetSlots, 3);
        AddObjects(all, NtupleDatasets.L1JFexLargeRadiusJets, L1LargeRadiusJets, JetSlots, 3);
        AddObjects(all, NtupleDatasets.L1EGammas, L1EGammas, LeptonSlots, 3);
        AddObjects(all, NtupleDatasets.L1Muons, L1Muons, LeptonSlots, 3);
        AddObjects(all, NtupleDatasets.L1EFexTaus, L1EFexTaus, LeptonSlots, 3);
        AddObjects(all, NtupleDatasets.L1JFexTaus, L1JFexTaus, LeptonSlots, 3);
        if (EnhancedBias)
        {
            all.Add((NtupleDatasets.EbWeights, d => d.Add(NtupleDatasets.EbWeights, Weights!)));
            all.Add((NtupleDatasets.RunNumber, d => d.Add(NtupleDatasets.RunNumber, RunNumbers!)));
            all.Add((NtupleDatasets.EventNumber, d => d.Add(NtupleDatasets.EventNumber, EventNumbers!)));
            all.Add((NtupleDatasets.LumiblockBads, d => d.Add(NtupleDatasets.LumiblockBads, LumiblockBads!)));
        }

        var datasets = new Hdf5Datasets();
        foreach (var (_, add) in all.OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            add(datasets);
        }

        return datasets;

        void AddObjects(
            List<(string, Action<Hdf5Datasets>)> list, string name, float[] values, int slots, int columns) =>
            list.Add((name, d => d.Add(name, values, n, slots, columns)));
    }
}
