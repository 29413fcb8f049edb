using Hltad.Io;
using Hltad.Physics;

namespace Hltad.World;

/// <summary>
/// One file of the synthetic world while it is generated: its buffers, its blocks, its random streams.
/// </summary>
internal sealed class WorldFile
{
    private const ulong BlockStream = 1;
    private const ulong IdentityStream = 2;
    private const int LumiblocksPerRun = 800;
    private const double BadLumiblockShare = 0.01;

    private readonly object _lock = new();
    private NtupleBuffers? _buffers;
    private int _remainingBlocks;

    private readonly int _blockEvents;

    private WorldFile(int index, string path, int events, ulong streamId, int blockEvents)
    {
        Index = index;
        Path = path;
        Events = events;
        StreamId = streamId;
        _blockEvents = blockEvents;
        _remainingBlocks = Math.Max(1, (events + blockEvents - 1) / blockEvents);
    }

    public int Index { get; }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public int Events { get; }

    public bool IsEnhancedBias { get; private init; }

    public int Run { get; private init; }

    public int RunIndex { get; private init; }

    public McProcess Process { get; private init; }

    /// <summary>Base of this file's random streams: the run number, or 10⁷ + the process number.</summary>
    public ulong StreamId { get; }

    /// <summary>
    /// (run, event) pairs chosen for the L1AD training list, in row order (empty for MC and run 475341).
    /// </summary>
    public List<(long Run, long Event)> TrainingPairs { get; } = [];

    public static WorldFile EnhancedBias(int index, string path, int run, int runIndex, int events, int blockEvents) =>
        new(index, path, events, (ulong)run, blockEvents) { IsEnhancedBias = true, Run = run, RunIndex = runIndex };

    public static WorldFile Mc(int index, string path, McProcess process, int events, int blockEvents) =>
        new(index, path, events, 10_000_000UL + (ulong)process, blockEvents) { Process = process };

    /// <summary>The row ranges generated as separate units of work (one empty range for an empty file).</summary>
    public IEnumerable<(WorldFile File, int Start, int End)> Blocks()
    {
        if (Events == 0)
        {
            yield return (this, 0, 0);
        }

        for (int start = 0; start < Events; start += _blockEvents)
        {
            yield return (this, start, Math.Min(Events, start + _blockEvents));
        }
    }

    /// <summary>
    /// Generates rows [<paramref name="start"/>, <paramref name="end"/>) from the block's own random stream.
    /// </summary>
    public void Generate(int start, int end, ulong seed, BufferPool pool)
    {
        var buffers = Buffers(pool);
        var random = new WorldRandom(seed, WorldRandom.Stream(StreamId, BlockStream, (ulong)start));
        var synthesizer = new EventSynthesizer();
        if (IsEnhancedBias)
        {
            synthesizer.EnhancedBias(buffers, RunIndex, start, end, random);
        }
        else
        {
            synthesizer.Mc(buffers, Process, start, end, random);
        }
    }

    /// <summary>Marks one block done; true for the last one.</summary>
    public bool CompleteBlock() => Interlocked.Decrement(ref _remainingBlocks) == 0;

    /// <summary>Adds the event identities (EB), writes the file under a temporary name and frees the buffers.</summary>
    public PendingFile Write(Hdf5Storage storage, ulong seed, BufferPool pool)
    {
        var buffers = Buffers(pool);
        if (IsEnhancedBias)
        {
            AssignIdentities(buffers, new WorldRandom(seed, WorldRandom.Stream(StreamId, IdentityStream)));
        }

        var pending = Hdf5Writer.WritePending(Path, buffers.ToDatasets(), storage);
        lock (_lock)
        {
            _buffers = null;
        }

        pool.Return(buffers);
        return pending;
    }

    private NtupleBuffers Buffers(BufferPool pool)
    {
        lock (_lock)
        {
            return _buffers ??= pool.Rent(Events, IsEnhancedBias);
        }
    }

    /// <summary>
    /// Run and increasing event numbers, bad lumiblocks, and the L1AD training draw (not for run 475341).
    /// </summary>
    private void AssignIdentities(NtupleBuffers buffers, WorldRandom random)
    {
        var bad = new bool[LumiblocksPerRun + 1];
        for (int lumiblock = 0; lumiblock <= LumiblocksPerRun; lumiblock++)
        {
            bad[lumiblock] = random.Bernoulli(BadLumiblockShare);
        }

        long eventNumber = 1_000_000 + random.Index(50_000_000);
        bool training = Run != PhysicsConstants.NoHltSelectionRun;
        for (int row = 0; row < Events; row++)
        {
            eventNumber += 1 + random.Index(3000);
            buffers.RunNumbers![row] = Run;
            buffers.EventNumbers![row] = eventNumber;
            buffers.LumiblockBads![row] = bad[(int)((long)row * LumiblocksPerRun / Math.Max(1, Events))];
            if (random.Bernoulli(ProcessCatalog.L1adTrainingShare) && training)
            {
                TrainingPairs.Add((Run, eventNumber));
            }
        }
    }
}
