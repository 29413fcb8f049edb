namespace Hltad.Matching;

/// <summary>What <see cref="IoThroughput.Measure"/> runs.</summary>
/// <param name="WorkDirectory">Scratch folder for the generated world and the matched output (emptied per
/// repetition).</param>
/// <param name="L1adModelFile">The L1AD network used by the match step.</param>
public sealed record IoThroughputOptions(string WorkDirectory, string L1adModelFile)
{
    /// <summary>Events per EB run (three runs); default 100 000, as <c>hltad generate</c>.</summary>
    public int EventsPerRun { get; init; } = 100_000;

    /// <summary>Events per MC process (nine); default 20 000.</summary>
    public int McEventsPerProcess { get; init; } = 20_000;

    /// <summary>Timed repetitions of each step; the medians are reported. Default 3.</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>Threads for generate, read and match; default the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
