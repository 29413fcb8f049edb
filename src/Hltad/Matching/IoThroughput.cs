using System.Runtime.InteropServices;
using Hltad.Io;
using Hltad.World;

namespace Hltad.Matching;

/// <summary>
/// Measures the data steps end to end for <c>hltad bench</c>: generate a synthetic world, read the datasets the
/// match step needs from it, and match it, each repeated; reports medians of events per second. Every timed step
/// starts after the outputs of the earlier ones are flushed to disk (untimed), so that their deferred writeback
/// does not fall into its time; a timed step includes writing its outputs, not flushing them.
/// </summary>
public static partial class IoThroughput
{
    /// <summary>Runs the measurement; <paramref name="progress"/> gets one line per timed step.</summary>
    public static IoThroughputResult Measure(
        IoThroughputOptions options,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default,
        TimeProvider? timeProvider = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        string world = Path.Combine(options.WorkDirectory, "world");
        string matched = Path.Combine(options.WorkDirectory, "matched");
        var generate = new List<double>();
        var read = new List<double>();
        var match = new List<double>();
        long events = 0;
        for (int repetition = 0; repetition < Math.Max(1, options.Repetitions); repetition++)
        {
            // Generate: a fresh world each time.
            Clear(world);
            var worldOptions = new WorldOptions(world)
            {
                EventsPerRun = options.EventsPerRun,
                McEventsPerProcess = options.McEventsPerProcess,
                Parallelism = options.Parallelism,
            };
            var summary = Time(clock, generate, () => WorldGenerator.Generate(worldOptions, null, cancellationToken));
            events = summary.EnhancedBiasEvents + summary.McEvents;
            progress?.Report($"generate: {events} events in {generate[^1]:F3} s");

            // Read what match reads.
            Time(clock, read, () => ReadAll(world, options.Parallelism, cancellationToken));
            progress?.Report($"read: {events} events in {read[^1]:F3} s");

            // Match end to end.
            Clear(matched);
            var matchOptions = new MatchOptions(Path.Combine(world, "EB"), Path.Combine(world, "MC"),
                Path.Combine(world, WorldGenerator.L1adTrainingFileName), options.L1adModelFile, matched)
            {
                Parallelism = options.Parallelism,
            };
            Time(clock, match, () => Matcher.Run(matchOptions, null, cancellationToken));
            progress?.Report($"match: {events} events in {match[^1]:F3} s");
        }

        return new IoThroughputResult(events, events / Median(generate), events / Median(read), events / Median(match),
            generate, read, match);
    }

    /// <summary>Reads, from every ntuple of a world, every dataset the match step reads.</summary>
    public static void ReadAll(string world, int parallelism, CancellationToken cancellationToken)
    {
        var eb = MatchInputFile.List(Path.Combine(world, "EB"), "EB")
            .Select(path => new MatchInputFile(path, true, null, 0));
        var mc = MatchInputFile.List(Path.Combine(world, "MC"), "MC")
            .Select(path => new MatchInputFile(path, false, "", 0));
        var files = eb.Concat(mc).ToList();
        ParallelWork.For(files.Count, parallelism, cancellationToken, index =>
        {
            using var reader = NtupleReader.Open(files[index].Path, files[index].Required);
            foreach (var spec in files[index].Required)
            {
                _ = spec.Role switch
                {
                    NtupleDatasetRole.Objects => reader.ReadObjects(spec.Name, spec.LeadingObjects).Values.Length,
                    NtupleDatasetRole.Met => reader.ReadMet(spec.Name).Values.Length,
                    _ => reader.ReadFloat64(spec.Name).Length,
                };
            }
        });
    }

    private static T Time<T>(TimeProvider clock, List<double> samples, Func<T> step)
    {
        if (OperatingSystem.IsLinux())
        {
            Sync();
        }

        long start = clock.GetTimestamp();
        T result = step();
        samples.Add(clock.GetElapsedTime(start).TotalSeconds);
        return result;
    }

    private static void Time(TimeProvider clock, List<double> samples, Action step) =>
        Time(clock, samples, () =>
        {
            step();
            return 0;
        });

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void Clear(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Flushes every file system's dirty pages (POSIX <c>sync</c>).</summary>
    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void Sync();
}
