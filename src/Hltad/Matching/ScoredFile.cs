using Hltad.Data;
using Hltad.Io;
using Hltad.Physics;

namespace Hltad.Matching;

/// <summary>The matched arrays of one input file, row-aligned, before they are split into tags.</summary>
internal sealed class ScoredFile
{
    public required MatchInputFile Input { get; init; }

    public required EventArrays Hlt { get; init; }

    public required EventArrays L1 { get; init; }

    public required bool[] PassL1 { get; init; }

    public required bool[] PassHlt { get; init; }

    public required double[] Weights { get; init; }

    public required float[] Scores { get; init; }

    public long[]? Runs { get; init; }

    public long[]? Events { get; init; }

    public float[]? Pileups { get; init; }

    public int Count => Weights.Length;

    /// <summary>
    /// Reads one ntuple, keeps the first <paramref name="cap"/> events, assembles the section-3 arrays and
    /// scores each event with the L1AD network on its own L1 objects (section 2).
    /// </summary>
    public static ScoredFile Read(MatchInputFile input, int cap, L1adScorer scorer, CancellationToken cancellationToken)
    {
        using var reader = NtupleReader.Open(input.Path, input.Required);
        int n = Math.Min(reader.EventCount, cap);
        ObjectArray Objects(string dataset, int leading) => reader.ReadObjects(dataset, leading).Take(n);

        // Section 3: the HLT arrays.
        var hlt = EventArrayAssembly.Assemble(
            Objects(NtupleDatasets.HltJets, ObjectLayout.JetCount),
            Objects(NtupleDatasets.HltElectrons, ObjectLayout.ElectronCount),
            Objects(NtupleDatasets.HltMuons, ObjectLayout.MuonCount),
            Objects(NtupleDatasets.HltPhotons, ObjectLayout.PhotonCount),
            reader.ReadMet(NtupleDatasets.HltMet).Take(n));

        // Sections 2 and 3: the L1 objects feed both the L1 arrays and the Topo2A vector.
        var l1Jets = Objects(NtupleDatasets.L1JFexSmallRadiusJets, Topo2A.Jets);
        var l1Muons = Objects(NtupleDatasets.L1Muons, Topo2A.Muons);
        var l1Taus = Objects(NtupleDatasets.L1EFexTaus, Topo2A.Taus);
        var l1Met = reader.ReadMet(NtupleDatasets.L1Met).Take(n);
        var l1 = EventArrayAssembly.Assemble(
            l1Jets, Objects(NtupleDatasets.L1EGammas, ObjectLayout.ElectronCount), l1Muons, l1Taus, l1Met);
        cancellationToken.ThrowIfCancellationRequested();
        float[] scores = scorer.Score(Topo2AInputs.Build(l1Jets, l1Taus, l1Muons, l1Met), n, cancellationToken);

        // Menu decisions, and for EB the weights and event identity.
        return new ScoredFile
        {
            Input = input,
            Hlt = hlt,
            L1 = l1,
            PassL1 = reader.ReadFlags(NtupleDatasets.PassL1Unprescaled)[..n],
            PassHlt = reader.ReadFlags(NtupleDatasets.PassHltUnprescaled)[..n],
            Weights = input.IsEnhancedBias ? reader.ReadFloat64(NtupleDatasets.EbWeights) : Ones(n),
            Scores = scores,
            Runs = input.IsEnhancedBias ? reader.ReadInt64(NtupleDatasets.RunNumber) : null,
            Events = input.IsEnhancedBias ? reader.ReadInt64(NtupleDatasets.EventNumber) : null,
            Pileups = input.IsEnhancedBias ? reader.ReadFloat32(NtupleDatasets.Pileup) : null,
        };
    }

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
