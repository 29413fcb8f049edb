using System.Runtime.CompilerServices;
using Hltad.Data;
using Hltad.Io;
using Hltad.Physics;

namespace Hltad.Matching;

/// <summary>
/// Reads one input ntuple and writes its rows into their tag samples (<see cref="TagPlan"/>): the section-3 event
/// arrays, the L1AD score of each row from its own L1 objects (section 2), the menu flags, and for EB the weights
/// and event identity; MC rows get weight 1.
/// </summary>
internal static class FileFill
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(
        int file, MatchInputFile input, TagPlan plan, L1adScorer scorer, CancellationToken cancellationToken)
    {
        using var reader = NtupleReader.Open(input.Path, input.Required);
        int n = input.Events;
        ObjectArray Objects(string dataset, int leading) => reader.ReadObjects(dataset, leading, n);

        // Section 3: HLT rows.
        Scatter(file, plan, n, sample => sample.Hlt,
            Objects(NtupleDatasets.HltJets, ObjectLayout.JetCount),
            Objects(NtupleDatasets.HltElectrons, ObjectLayout.ElectronCount),
            Objects(NtupleDatasets.HltMuons, ObjectLayout.MuonCount),
            Objects(NtupleDatasets.HltPhotons, ObjectLayout.PhotonCount),
            reader.ReadMet(NtupleDatasets.HltMet, n));

        // Sections 2 and 3: the L1 objects feed both the L1 rows and the Topo2A vector of the score.
        var jets = Objects(NtupleDatasets.L1JFexSmallRadiusJets, Topo2A.Jets);
        var muons = Objects(NtupleDatasets.L1Muons, Topo2A.Muons);
        var taus = Objects(NtupleDatasets.L1EFexTaus, Topo2A.Taus);
        var met = reader.ReadMet(NtupleDatasets.L1Met, n);
        Scatter(file, plan, n, sample => sample.L1,
            jets, Objects(NtupleDatasets.L1EGammas, ObjectLayout.ElectronCount), muons, taus, met);
        cancellationToken.ThrowIfCancellationRequested();
        float[] scores = scorer.Score(Topo2AInputs.Build(jets, taus, muons, met), n, cancellationToken);

        // Scores, menu decisions, and for EB the weights and identities.
        bool[] passL1 = reader.ReadFlags(NtupleDatasets.PassL1Unprescaled);
        bool[] passHlt = reader.ReadFlags(NtupleDatasets.PassHltUnprescaled);
        double[]? weights = input.IsEnhancedBias ? reader.ReadFloat64(NtupleDatasets.EbWeights) : null;
        float[]? pileups = input.IsEnhancedBias ? reader.ReadFloat32(NtupleDatasets.Pileup) : null;
        for (int i = 0; i < n; i++)
        {
            var (sample, row) = plan.Target(file, i);
            sample.L1adScores[row] = scores[i];
            sample.PassL1[row] = passL1[i];
            sample.PassHlt[row] = passHlt[i];
            sample.Weights[row] = weights?[i] ?? 1.0;
            if (input.IsEnhancedBias)
            {
                sample.RunNumbers![row] = input.Runs![i];
                sample.EventNumbers![row] = input.EventNumbers![i];
                sample.Pileups![row] = pileups![i];
            }
        }
    }

    /// <summary>
    /// Copies rows 0–5 jets, 6–8, 9–11, 12–14 three objects each and row 15 MET into each row's target.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter(
        int file,
        TagPlan plan,
        int n,
        Func<MatchedSample, EventArrays> arrays,
        ObjectArray jets,
        ObjectArray electrons,
        ObjectArray muons,
        ObjectArray photons,
        ObjectArray met)
    {
        for (int i = 0; i < n; i++)
        {
            var (sample, row) = plan.Target(file, i);
            Span<float> target = arrays(sample).Event(row);
            jets.Event(i)[..18].CopyTo(target);
            electrons.Event(i)[..9].CopyTo(target[(ObjectLayout.FirstElectronRow * 3)..]);
            muons.Event(i)[..9].CopyTo(target[(ObjectLayout.FirstMuonRow * 3)..]);
            photons.Event(i)[..9].CopyTo(target[(ObjectLayout.FirstPhotonRow * 3)..]);
            met.Event(i).CopyTo(target[(ObjectLayout.MetRow * 3)..]);
        }
    }
}
