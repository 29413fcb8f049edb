namespace Hltad.Io;

/// <summary>The shape a dataset of an ntuple must have.</summary>
public enum NtupleDatasetRole
{
    /// <summary>(N, objects, 3 or 4).</summary>
    Objects,

    /// <summary>(N, 3 or 4): met, …, phi.</summary>
    Met,

    /// <summary>(N,): one number per event.</summary>
    PerEvent,
}
