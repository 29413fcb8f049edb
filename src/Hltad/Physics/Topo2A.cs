namespace Hltad.Physics;

/// <summary>
/// The 44-number "Topo2A" input of the L1AD network (SEMANTICS.md section 2): leading 6 jFex SR jets,
/// leading 4 eFex taus, leading 4 muons, each (et, eta, phi), then L1 MET as (met, phi).
/// Scales are applied to the raw stored values.
/// </summary>
public static class Topo2A
{
    public const int Inputs = 44;
    public const int Jets = 6;
    public const int Taus = 4;
    public const int Muons = 4;

    public const float EtScale = 10f / 1024f;
    public const float EtaScale = 10f / 16f;
    public const float PhiScale = 10f / 8f;
    public const float MuonEtScale = 10000f / 64f;
    public const float MetEtScale = 10f / 8192f;
    public const float MetPhiScale = 10f / 8f;
}
