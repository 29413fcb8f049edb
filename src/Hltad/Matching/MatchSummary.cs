namespace Hltad.Matching;

/// <summary>What a match run wrote.</summary>
/// <param name="Tags">Tag files: <c>topo2A_train</c>, then EB tags in order of first appearance, then MC in file
/// order.</param>
/// <param name="EbEvents">EB events read.</param>
/// <param name="McEvents">MC events kept (after the cap).</param>
/// <param name="RepeatedPairs">Distinct EB (run, event) pairs that occur more than once.</param>
/// <param name="RepeatedEvents">EB events beyond the first of each repeated pair.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record MatchSummary(
    IReadOnlyList<MatchedTagSummary> Tags,
    long EbEvents,
    long McEvents,
    int RepeatedPairs,
    long RepeatedEvents,
    TimeSpan Elapsed)
{
    /// <summary>Events (EB + MC) per second of wall time, end to end.</summary>
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? (EbEvents + McEvents) / Elapsed.TotalSeconds : 0;
}
