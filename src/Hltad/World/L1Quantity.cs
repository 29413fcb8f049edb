namespace Hltad.World;

/// <summary>The L1 quantity an emulated L1 item cuts on.</summary>
internal enum L1Quantity
{
    /// <summary>Random trigger: every event passes.</summary>
    Random,
    Jet,
    EGamma,
    Muon,
    Tau,
    Met,
}
