namespace Hltad.Io;

/// <summary>
/// Names of the datasets of an input ntuple (SEMANTICS.md section 1), one file per EB run or MC process.
/// Object arrays are (N, objects, 3 or 4): (pt, eta, phi) or (pt, E, eta, phi); MET arrays (N, 3 or 4).
/// </summary>
public static class NtupleDatasets
{
    /// <summary>HLT jets, (N, 10, 4): pt, E, eta, phi.</summary>
    public const string HltJets = "HLT_jets";

    /// <summary>Offline jets, (N, 10, 4).</summary>
    public const string OfflineJets = "ofl_jets";

    /// <summary>HLT electrons, (N, 6, 3) in EB, (N, 6, 4) in MC.</summary>
    public const string HltElectrons = "HLT_electrons";

    /// <summary>HLT muons, (N, 6, 3) in EB, (N, 6, 4) in MC.</summary>
    public const string HltMuons = "HLT_muons";

    /// <summary>HLT photons, (N, 6, 3) in EB, (N, 6, 4) in MC.</summary>
    public const string HltPhotons = "HLT_photons";

    /// <summary>Large-radius-tracking electrons, as the HLT electrons.</summary>
    public const string LrtElectrons = "LRT_electrons";

    /// <summary>Large-radius-tracking muons, as the HLT muons.</summary>
    public const string LrtMuons = "LRT_muons";

    /// <summary>Offline electrons, as the HLT electrons.</summary>
    public const string OfflineElectrons = "ofl_electrons";

    /// <summary>Offline muons, as the HLT muons.</summary>
    public const string OfflineMuons = "ofl_muons";

    /// <summary>Offline photons, as the HLT photons.</summary>
    public const string OfflinePhotons = "ofl_photons";

    /// <summary>L1 jFex small-radius jets, (N, 10, 3): et, eta, phi.</summary>
    public const string L1JFexSmallRadiusJets = "L1_jFexSR_jets";

    /// <summary>L1 jFex large-radius jets, (N, 10, 3).</summary>
    public const string L1JFexLargeRadiusJets = "L1_jFexLR_jets";

    /// <summary>L1 e/gammas, (N, 6, 3).</summary>
    public const string L1EGammas = "L1_egammas";

    /// <summary>L1 muons, (N, 6, 3); et stored in units of 1000 GeV (a thousand times smaller).</summary>
    public const string L1Muons = "L1_muons";

    /// <summary>L1 eFex taus, (N, 6, 3).</summary>
    public const string L1EFexTaus = "L1_eFex_taus";

    /// <summary>L1 jFex taus, (N, 6, 3).</summary>
    public const string L1JFexTaus = "L1_jFex_taus";

    /// <summary>HLT MET, (N, 3) in EB (met, 0, phi), (N, 4) in MC (met, ?, ?, phi); −999 when not computed.</summary>
    public const string HltMet = "HLT_MET";

    /// <summary>L1 MET, (N, 3): met, 0, phi.</summary>
    public const string L1Met = "L1_MET";

    /// <summary>Integer 0/1: the event passed an unprescaled L1 trigger.</summary>
    public const string PassL1Unprescaled = "pass_L1_unprescaled";

    /// <summary>Integer 0/1: the event passed an unprescaled HLT trigger.</summary>
    public const string PassHltUnprescaled = "pass_HLT_unprescaled";

    /// <summary>Enhanced-Bias weight, float64, EB only.</summary>
    public const string EbWeights = "EB_weights";

    /// <summary>Event number, integer, EB only.</summary>
    public const string EventNumber = "event_number";

    /// <summary>Run number, integer, EB only.</summary>
    public const string RunNumber = "run_number";

    /// <summary>
    /// Pileup (mean interactions per crossing), EB only in the specification; the MC fixtures carry it too.
    /// </summary>
    public const string Pileup = "mu";

    /// <summary>Bool, EB only, informational.</summary>
    public const string LumiblockBads = "lumiblock_bads";

    /// <summary>Object datasets stored with 10 objects per event.</summary>
    public static IReadOnlyList<string> TenObjectArrays { get; } =
        [HltJets, OfflineJets, L1JFexSmallRadiusJets, L1JFexLargeRadiusJets];

    /// <summary>Object datasets stored with 6 objects per event.</summary>
    public static IReadOnlyList<string> SixObjectArrays { get; } =
    [
        HltElectrons, HltMuons, HltPhotons, LrtElectrons, LrtMuons, OfflineElectrons, OfflineMuons,
        OfflinePhotons, L1EGammas, L1Muons, L1EFexTaus, L1JFexTaus,
    ];
}
