namespace Hltad.Preprocessing;

/// <summary>
/// Fixed-size chunks of events, worked on in parallel. Chunk boundaries depend only on the event count, and
/// every reduction combines per-chunk results in chunk order, so results never depend on the thread count.
/// </summary>
internal static class EventChunks
{
    public const int EventsPerChunk = 8192;

    public static int Count(int events) => (events + EventsPerChunk - 1) / EventsPerChunk;

    /// <summary>Runs <paramref name="body"/>(chunk, firstEvent, endEvent) for every chunk.</summary>
    public static void ForEach(
        int events,
        int maxDegreeOfParallelism,
        CancellationToken cancellationToken,
        Action<int, int, int> body)
    {
        int chunks = Count(events);
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, chunks, options, chunk =>
        {
            int first = chunk * EventsPerChunk;
            body(chunk, first, Math.Min(events, first + EventsPerChunk));
        });
    }
}
