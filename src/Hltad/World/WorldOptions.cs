using Hltad.Io;

namespace Hltad.World;

/// <summary>Options of the synthetic world (<c>hltad generate</c>).</summary>
/// <param name="OutputDirectory">Root folder: <c>EB/</c>, <c>MC/</c> and <c>L1AD_training_events.h5</c> go below
/// it.</param>
public sealed record WorldOptions(string OutputDirectory)
{
    /// <summary>Seed of every random choice; the same seed gives byte-identical files.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Events per EB run file; default 100 000.</summary>
    public int EventsPerRun { get; init; } = 100_000;

    /// <summary>Events per MC process file; default 20 000.</summary>
    public int McEventsPerProcess { get; init; } = 20_000;

    /// <summary>EB runs, one file each; default 473255, 475341 (no HLT selection), 476083.</summary>
    public IReadOnlyList<int> Runs { get; init; } = ProcessCatalog.DefaultRuns;

    /// <summary>Threads; default the processor count. The output does not depend on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Dataset storage; default contiguous and uncompressed (fastest).</summary>
    public Hdf5Storage Storage { get; init; } = Hdf5Storage.Contiguous;

    /// <summary>
    /// Events per unit of parallel work; default 25 000. Each block draws from its own random stream, so the block
    /// size is part of what a seed reproduces (the thread count is not).
    /// </summary>
    public int BlockEvents { get; init; } = WorldGenerator.DefaultBlockEvents;
}
