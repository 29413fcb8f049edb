namespace Hltad.Physics;

/// <summary>
/// Layout of the (16, 3) per-event arrays fed to the HLT networks (SEMANTICS.md section 3):
/// rows of (pt, eta, phi) for jets, electrons (L1: e/gammas), muons, photons (L1: taus) and MET.
/// </summary>
public static class ObjectLayout
{
    public const int Rows = 16;
    public const int Columns = 3;

    /// <summary>Numbers per flattened event: 16 rows × (pt, eta, phi).</summary>
    public const int Features = Rows * Columns;

    public const int PtColumn = 0;
    public const int EtaColumn = 1;
    public const int PhiColumn = 2;

    public const int FirstJetRow = 0;
    public const int JetCount = 6;
    public const int FirstElectronRow = 6;
    public const int ElectronCount = 3;
    public const int FirstMuonRow = 9;
    public const int MuonCount = 3;
    public const int FirstPhotonRow = 12;
    public const int PhotonCount = 3;
    public const int MetRow = 15;

    /// <summary>Jet pt threshold, GeV, both arrays (section 6 step 7).</summary>
    public const float JetPtThreshold = 50f;

    /// <summary>HLT electron pt threshold, GeV.</summary>
    public const float HltElectronPtThreshold = 8f;

    /// <summary>L1 e/gamma et threshold, GeV.</summary>
    public const float L1EGammaPtThreshold = 5f;

    /// <summary>Muon pt threshold, GeV, both arrays.</summary>
    public const float MuonPtThreshold = 3f;

    /// <summary>HLT photon and L1 tau pt threshold, GeV.</summary>
    public const float PhotonTauPtThreshold = 10f;

    /// <summary>MET pt that stands in for an exact zero (section 6 step 6).</summary>
    public const float ZeroMetReplacement = 0.001f;
}
