using Hltad.Io;

namespace Hltad.World;

/// <summary>
/// Writes the deterministic synthetic world in the ntuple layout of SEMANTICS.md section 1:
/// <c>EB/EB_&lt;run&gt;_ntuples.h5</c> per run, <c>MC/&lt;tag&gt;_ntuples.h5</c> for the nine processes and
/// <c>L1AD_training_events.h5</c> (a random 30 % of the EB events outside run 475341). The physics is
/// described in <see cref="ProcessCatalog"/>. Files are generated in blocks on several threads, each block
/// from its own random stream, so the same seed gives byte-identical files whatever the thread count.
/// All files are written under temporary names and renamed when every one is complete.
/// </summary>
public static class WorldGenerator
{
    /// <summary>
    /// Events per unit of parallel work unless <see cref="WorldOptions.BlockEvents"/> says otherwise.
    /// </summary>
    public const int DefaultBlockEvents = 25_000;

    /// <summary>File name of the L1AD training list.</summary>
    public const string L1adTrainingFileName = "L1AD_training_events.h5";

    /// <summary>Generates the world.</summary>
    /// <exception cref="ConfigurationException">A count is negative or the run list is empty or repeats a
    /// run.</exception>
    /// <exception cref="OutputFileException">A file or its folder cannot be written (checked before the
    /// work where possible).</exception>
    public static WorldSummary Generate(
        WorldOptions options,
        IProgress<WorldProgress>? progress = null,
        CancellationToken cancellationToken = default,
        TimeProvider? timeProvider = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        long started = clock.GetTimestamp();
        Validate(options);
        var files = Plan(options);
        OutputFolder.Prepare(options.OutputDirectory, [L1adTrainingFileName]);
        foreach (var folder in files.GroupBy(file => Path.GetDirectoryName(file.Path)!))
        {
            OutputFolder.Prepare(folder.Key, folder.Select(file => file.Name));
        }

        var blocks = Schedule(files).SelectMany(file => file.Blocks()).ToList();
        long total = files.Sum(file => (long)file.Events);
        long done = 0;
        var pending = new PendingFile?[files.Count + 1];
        var pool = new BufferPool();
        try
        {
            // Generate every block; the thread finishing a file's last block writes the file.
            ParallelWork.For(blocks.Count, options.Parallelism, cancellationToken, index =>
            {
                var (file, start, end) = blocks[index];
                file.Generate(start, end, (ulong)options.Seed, pool);
                if (file.CompleteBlock())
                {
                    pending[file.Index] = file.Write(options.Storage, (ulong)options.Seed, pool);
                }

                long now = Interlocked.Add(ref done, end - start);
                progress?.Report(new WorldProgress($"{file.Name}: rows {start}–{end}", now, total));
            });

            // The L1AD training list, then every file into place.
            var pairs = files.SelectMany(file => file.TrainingPairs).ToList();
            pending[files.Count] = Hdf5Writer.WritePending(
                Path.Combine(options.OutputDirectory, L1adTrainingFileName), TrainingList(pairs));
            cancellationToken.ThrowIfCancellationRequested();
            PendingFile.CommitAll(pending.Select(file => file!).ToList());
            var summary = Summarize(files, pairs.Count, clock.GetElapsedTime(started), pending[files.Count]!.FinalPath);
            progress?.Report(new WorldProgress($"world written to {options.OutputDirectory}", total, total));
            return summary;
        }
        finally
        {
            foreach (var file in pending)
            {
                file?.Dispose();
            }
        }
    }

    private static void Validate(WorldOptions options)
    {
        if (options.EventsPerRun < 0)
        {
            throw new ConfigurationException("events-per-run", $"must be ≥ 0, got {options.EventsPerRun}");
        }

        if (options.McEventsPerProcess < 0)
        {
            throw new ConfigurationException("mc-events", $"must be ≥ 0, got {options.McEventsPerProcess}");
        }

        if (options.BlockEvents < 1)
        {
            throw new ConfigurationException("block-events", $"must be ≥ 1, got {options.BlockEvents}");
        }

        var runs = options.Runs;
        if (runs.Count == 0 || runs.Distinct().Count() != runs.Count || runs.Any(run => run <= 0))
        {
            throw new ConfigurationException("runs", "needs at least one run, each positive and listed once");
        }
    }

    private static List<WorldFile> Plan(WorldOptions options)
    {
        var files = new List<WorldFile>();
        for (int r = 0; r < options.Runs.Count; r++)
        {
            string path = Path.Combine(options.OutputDirectory, "EB", $"EB_{options.Runs[r]}_ntuples.h5");
            files.Add(WorldFile.EnhancedBias(
                files.Count, path, options.Runs[r], r, options.EventsPerRun, options.BlockEvents));
        }

        foreach (var process in Enum.GetValues<McProcess>())
        {
            string path = Path.Combine(options.OutputDirectory, "MC", $"{ProcessCatalog.Tag(process)}_ntuples.h5");
            files.Add(WorldFile.Mc(files.Count, path, process, options.McEventsPerProcess, options.BlockEvents));
        }

        return files;
    }

    /// <summary>
    /// The order files are generated in: each EB file followed by an equal share of the MC files, so that while
    /// one thread writes an EB file the others generate small files, and the next EB file finds the written
    /// file's buffers free instead of allocating (and page-faulting) a second set.
    /// </summary>
    private static List<WorldFile> Schedule(List<WorldFile> files)
    {
        var enhancedBias = files.Where(file => file.IsEnhancedBias).ToList();
        var mc = files.Where(file => !file.IsEnhancedBias).ToList();
        if (enhancedBias.Count == 0)
        {
            return mc;
        }

        var order = new List<WorldFile>(files.Count);
        for (int i = 0; i < enhancedBias.Count; i++)
        {
            order.Add(enhancedBias[i]);
            order.AddRange(mc.Take((i + 1) * mc.Count / enhancedBias.Count).Skip(i * mc.Count / enhancedBias.Count));
        }

        return order;
    }

    private static Hdf5Datasets TrainingList(List<(long Run, long Event)> pairs) => new Hdf5Datasets()
        .Add(NtupleDatasets.EventNumber, pairs.Select(pair => pair.Event).ToArray())
        .Add(NtupleDatasets.RunNumber, pairs.Select(pair => pair.Run).ToArray());

    private static WorldSummary Summarize(
        List<WorldFile> files, int trainingPairs, TimeSpan elapsed, string trainingPath) => new(
        files.Where(file => file.IsEnhancedBias).Select(file => file.Path).ToList(),
        files.Where(file => !file.IsEnhancedBias).Select(file => file.Path).ToList(),
        trainingPath,
        files.Where(file => file.IsEnhancedBias).Sum(file => (long)file.Events),
        files.Where(file => !file.IsEnhancedBias).Sum(file => (long)file.Events),
        trainingPairs,
        elapsed);
}
