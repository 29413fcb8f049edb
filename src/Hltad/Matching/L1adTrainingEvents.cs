using Hltad.Io;

namespace Hltad.Matching;

/// <summary>
/// The (run, event) pairs of the EB events the L1AD network was trained on: an HDF5 file with
/// <c>run_number</c> and <c>event_number</c> (SEMANTICS.md section 4). Matching sends these events to
/// tag <c>topo2A_train</c>.
/// </summary>
public sealed class L1adTrainingEvents
{
    private readonly EventIdSet _pairs;

    private L1adTrainingEvents(EventIdSet pairs, int listed)
    {
        _pairs = pairs;
        Listed = listed;
    }

    /// <summary>Rows in the file (a pair listed twice counts twice).</summary>
    public int Listed { get; }

    /// <summary>Distinct pairs.</summary>
    public int Count => _pairs.Count;

    /// <summary>Reads the list.</summary>
    /// <exception cref="InputDataException">The file or a dataset is missing, or the two have different
    /// lengths.</exception>
    public static L1adTrainingEvents Read(string path)
    {
        using var reader = NtupleReader.Open(path,
        [
            NtupleDatasetSpec.PerEvent(NtupleDatasets.RunNumber),
            NtupleDatasetSpec.PerEvent(NtupleDatasets.EventNumber),
        ]);
        long[] runs = reader.ReadInt64(NtupleDatasets.RunNumber);
        long[] events = reader.ReadInt64(NtupleDatasets.EventNumber);
        var pairs = new EventIdSet();
        for (int i = 0; i < runs.Length; i++)
        {
            pairs.Add(runs[i], events[i]);
        }

        return new L1adTrainingEvents(pairs, runs.Length);
    }

    /// <summary>A list of the given pairs (for tests and callers that build it in memory).</summary>
    public static L1adTrainingEvents FromPairs(IEnumerable<(long Run, long Event)> pairs)
    {
        var set = new EventIdSet();
        int listed = 0;
        foreach (var (run, number) in pairs)
        {
            set.Add(run, number);
            listed++;
        }

        return new L1adTrainingEvents(set, listed);
    }

    /// <summary>Whether the event was in the L1AD training sample.</summary>
    public bool Contains(long run, long eventNumber) => _pairs.Contains(run, eventNumber);
}
