namespace Hltad.Matching;

/// <summary>
/// A set of (run, event) pairs kept as one set of event numbers per run: EB files hold one run each, so lookups
/// hit the same small dictionary entry and a set of 64-bit integers, several times faster than a set of tuples.
/// </summary>
internal sealed class EventIdSet
{
    private readonly Dictionary<long, HashSet<long>> _byRun = [];
    private long _lastRun = long.MinValue;
    private HashSet<long>? _lastSet;

    /// <summary>Distinct pairs.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a pair; false when it was already there.</summary>
    public bool Add(long run, long eventNumber)
    {
        var set = SetOf(run, create: true)!;
        bool added = set.Add(eventNumber);
        Count += added ? 1 : 0;
        return added;
    }

    public bool Contains(long run, long eventNumber) => SetOf(run, create: false)?.Contains(eventNumber) == true;

    private HashSet<long>? SetOf(long run, bool create)
    {
        if (run == _lastRun && _lastSet is not null)
        {
            return _lastSet;
        }

        if (!_byRun.TryGetValue(run, out var set))
        {
            if (!create)
            {
                return null;
            }

            _byRun[run] = set = [];
        }

        _lastRun = run;
        _lastSet = set;
        return set;
    }
}
