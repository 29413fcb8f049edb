namespace Hltad.Io;

/// <summary>A dataset an ntuple reader needs, with the shape it must have.</summary>
/// <param name="Name">Dataset name (see <see cref="NtupleDatasets"/>).</param>
/// <param name="Role">Expected shape.</param>
/// <param name="LeadingObjects">For <see cref="NtupleDatasetRole.Objects"/>: how many leading objects are read;
/// the dataset must store at least that many per event.</param>
public sealed record NtupleDatasetSpec(string Name, NtupleDatasetRole Role, int LeadingObjects = 0)
{
    /// <summary>An object array of which the leading <paramref name="leading"/> objects are read.</summary>
    public static NtupleDatasetSpec Objects(string name, int leading) => new(name, NtupleDatasetRole.Objects, leading);

    /// <summary>A MET array.</summary>
    public static NtupleDatasetSpec Met(string name) => new(name, NtupleDatasetRole.Met);

    /// <summary>A one-number-per-event array.</summary>
    public static NtupleDatasetSpec PerEvent(string name) => new(name, NtupleDatasetRole.PerEvent);
}
