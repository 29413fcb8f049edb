using Hltad.Io;
using Hltad.Physics;

namespace Hltad.Matching;

/// <summary>One input ntuple of the match step and the datasets it must provide.</summary>
/// <param name="Path">The ntuple.</param>
/// <param name="IsEnhancedBias">An EB run file (else MC).</param>
/// <param name="McTag">The MC tag (null for EB).</param>
/// <param name="Events">Events matched from it (MC: after the cap).</param>
internal sealed record MatchInputFile(string Path, bool IsEnhancedBias, string? McTag, int Events)
{
    /// <summary>EB: the run number of every row (read while validating).</summary>
    public long[]? Runs { get; init; }

    /// <summary>EB: the event number of every row.</summary>
    public long[]? EventNumbers { get; init; }

    /// <summary>Datasets read from every ntuple (section 2 and 3), with the leading objects used.</summary>
    public static IReadOnlyList<NtupleDatasetSpec> CommonDatasets { get; } =
    [
        NtupleDatasetSpec.Objects(NtupleDatasets.HltJets, ObjectLayout.JetCount),
        NtupleDatasetSpec.Objects(NtupleDatasets.HltElectrons, ObjectLayout.ElectronCount),
        NtupleDatasetSpec.Objects(NtupleDatasets.HltMuons, ObjectLayout.MuonCount),
        NtupleDatasetSpec.Objects(NtupleDatasets.HltPhotons, ObjectLayout.PhotonCount),
        NtupleDatasetSpec.Met(NtupleDatasets.HltMet),
        NtupleDatasetSpec.Objects(NtupleDatasets.L1JFexSmallRadiusJets, Math.Max(ObjectLayout.JetCount, Topo2A.Jets)),
        NtupleDatasetSpec.Objects(NtupleDatasets.L1EGammas, ObjectLayout.ElectronCount),
        NtupleDatasetSpec.Objects(NtupleDatasets.L1Muons, Math.Max(ObjectLayout.MuonCount, Topo2A.Muons)),
        NtupleDatasetSpec.Objects(NtupleDatasets.L1EFexTaus, Math.Max(ObjectLayout.PhotonCount, Topo2A.Taus)),
        NtupleDatasetSpec.Met(NtupleDatasets.L1Met),
        NtupleDatasetSpec.PerEvent(NtupleDatasets.PassL1Unprescaled),
        NtupleDatasetSpec.PerEvent(NtupleDatasets.PassHltUnprescaled),
    ];

    /// <summary>Datasets read from EB ntuples only.</summary>
    public static IReadOnlyList<NtupleDatasetSpec> EnhancedBiasDatasets { get; } =
    [
        NtupleDatasetSpec.PerEvent(NtupleDatasets.EbWeights),
        NtupleDatasetSpec.PerEvent(NtupleDatasets.RunNumber),
        NtupleDatasetSpec.PerEvent(NtupleDatasets.EventNumber),
        NtupleDatasetSpec.PerEvent(NtupleDatasets.Pileup),
    ];

    /// <summary>The datasets this file must provide.</summary>
    public IEnumerable<NtupleDatasetSpec> Required =>
        IsEnhancedBias ? CommonDatasets.Concat(EnhancedBiasDatasets) : CommonDatasets;

    /// <summary>
    /// The MC tag of a file: its name up to the first '_' (<c>ZZ4lep_ntuples.h5</c> → <c>ZZ4lep</c>);
    /// a name without '_' gives the name without its extension.
    /// </summary>
    public static string McTagOf(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        return underscore >= 0 ? name[..underscore] : System.IO.Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>The <c>*.h5</c> files of a folder in ordinal name order.</summary>
    public static IReadOnlyList<string> List(string directory, string what)
    {
        if (File.Exists(directory))
        {
            throw new InputDataException(directory, null, $"is a file; the {what} input must be a folder of ntuples");
        }

        if (!Directory.Exists(directory))
        {
            throw new InputDataException(directory, null, $"{what} directory not found");
        }

        var files = Directory.GetFiles(directory, "*.h5")
            .Where(path => path.EndsWith(".h5", StringComparison.Ordinal))
            .OrderBy(path => System.IO.Path.GetFileName(path), StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new InputDataException(directory, null, $"no *.h5 files in the {what} directory");
    }
}
