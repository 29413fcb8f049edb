using System.Collections.Concurrent;
using Hltad.Data;
using Hltad.Io;

namespace Hltad.Matching;

/// <summary>
/// The match step (SEMANTICS.md sections 2–4): scores every EB and MC event with the L1AD network, builds
/// the (16, 3) HLT and L1 event arrays, splits EB events into <c>topo2A_train</c>, <c>EB_&lt;run&gt;</c> and
/// <c>HLT_noalg_eb_L1All</c>, caps each MC process, and writes one <c>&lt;tag&gt;.h5</c> per tag.
/// Every input is validated before anything is read in full; all tag files are written under temporary
/// names and renamed only when all are complete, so a failed run leaves no new <c>&lt;tag&gt;.h5</c>.
/// </summary>
public static class Matcher
{
    /// <summary>Runs the match step.</summary>
    /// <exception cref="InputDataException">An input file, dataset, shape, the training list or the model is
    /// unfit.</exception>
    /// <exception cref="OutputFileException">A tag file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; temporary files are removed.</exception>
    public static MatchSummary Run(
        MatchOptions options,
        IProgress<MatchProgress>? progress = null,
        CancellationToken cancellationToken = default,
        TimeProvider? timeProvider = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        long started = clock.GetTimestamp();
        if (options.McCap < 0)
        {
            throw new ConfigurationException("mc-cap", $"must be ≥ 0, got {options.McCap}");
        }

        // Validate every input before reading any data.
        progress?.Report(new MatchProgress(MatchStage.Validating, "checking inputs", 0, 0));
        using var scorer = L1adScorer.Load(options.L1adModelFile, options.ScoreKind, options.OnnxThreads);
        var training = L1adTrainingEvents.Read(options.L1adTrainingFile);
        var inputs = Validate(options, cancellationToken);
        long total = inputs.Sum(input => (long)input.Events);
        progress?.Report(new MatchProgress(MatchStage.Validating,
            $"{inputs.Count} files, {total} events; L1AD training list of {training.Count} events", 0, total));

        // Decide where every row goes, then read, assemble and score every file into place.
        var plan = TagPlan.Build(inputs, training);
        CheckOutputFolder(options.OutputDirectory, plan.Samples.Select(sample => sample.Tag));
        if (plan.RepeatedPairs > 0)
        {
            progress?.Report(new MatchProgress(MatchStage.Warning,
                $"{plan.RepeatedPairs} (run, event) pairs occur more than once "
                + $"({plan.RepeatedEvents} repeated events); every copy is kept with its own score", 0, 0));
        }

        Fill(inputs, plan, options, scorer, total, progress, cancellationToken);
        var samples = plan.Samples.ToList();

        // Write every tag under a temporary name, then rename them all.
        var tags = Write(samples, options, progress, cancellationToken);
        var elapsed = clock.GetElapsedTime(started);
        long ebEvents = inputs.Where(input => input.IsEnhancedBias).Sum(input => (long)input.Events);
        var summary = new MatchSummary(
            tags, ebEvents, total - ebEvents, plan.RepeatedPairs, plan.RepeatedEvents, elapsed);
        progress?.Report(new MatchProgress(MatchStage.Done,
            $"{tags.Count} tags written to {options.OutputDirectory}", total, total));
        return summary;
    }

    /// <summary>
    /// Refuses an output folder that cannot take the tags (<see cref="OutputFolder.Prepare"/>) or that holds
    /// <c>.h5</c> files this run does not write: the later steps read every <c>.h5</c> of the folder as a
    /// matched sample, so a stale tag or a stray ntuple would join the study. Files of this run's tags (an
    /// earlier match of the same inputs) are replaced.
    /// </summary>
    private static void CheckOutputFolder(string directory, IEnumerable<string> tags)
    {
        var written = tags.Select(tag => tag + ".h5").ToHashSet(StringComparer.Ordinal);
        OutputFolder.Prepare(directory, written);
        var others = Directory.EnumerateFiles(directory, "*.h5")
            .Select(Path.GetFileName)
            .Where(name => !written.Contains(name!))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (others.Count > 0)
        {
            string listed = string.Join(", ", others.Take(3)) + (others.Count > 3 ? ", …" : "");
            throw new OutputFileException(directory,
                $"the folder holds {others.Count} .h5 file(s) this match does not write ({listed}), which later "
                + "steps would read as matched samples; choose an empty folder or remove them");
        }
    }

    private static List<MatchInputFile> Validate(MatchOptions options, CancellationToken cancellationToken)
    {
        // File lists and MC tags first, so that a name problem is reported before any file is opened.
        var inputs = MatchInputFile.List(options.EbDirectory, "EB")
            .Select(path => new MatchInputFile(path, true, null, 0))
            .ToList();
        var tagSources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in MatchInputFile.List(options.McDirectory, "MC"))
        {
            string tag = MatchInputFile.McTagOf(path);
            if (tag.Length == 0)
            {
                throw new InputDataException(path, null, "the file name gives an empty MC tag (it starts with '_')");
            }

            if (tagSources.TryGetValue(tag, out string? other))
            {
                throw new InputDataException(
                    path, null, $"gives MC tag '{tag}', which {Path.GetFileName(other)} gives too");
            }

            tagSources[tag] = path;
            inputs.Add(new MatchInputFile(path, false, tag, 0));
        }

        // Then every file's datasets, in parallel; the first bad file in list order is the one reported.
        var checkedInputs = new MatchInputFile[inputs.Count];
        var errors = new Exception?[inputs.Count];
        ParallelWork.For(inputs.Count, options.Parallelism, cancellationToken, index =>
        {
            try
            {
                var input = inputs[index];
                checkedInputs[index] = Check(input, input.IsEnhancedBias ? int.MaxValue : options.McCap);
            }
            catch (HltadException error)
            {
                errors[index] = error;
            }
        });
        if (errors.FirstOrDefault(error => error is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return [.. checkedInputs];
    }

    private static MatchInputFile Check(MatchInputFile input, int cap)
    {
        using var reader = NtupleReader.Open(input.Path, input.Required);
        int events = Math.Min(reader.EventCount, cap);
        return input.IsEnhancedBias
            ? input with
            {
                Events = events,
                Runs = reader.ReadInt64(NtupleDatasets.RunNumber),
                EventNumbers = reader.ReadInt64(NtupleDatasets.EventNumber),
            }
            : input with { Events = events };
    }

    private static void Fill(
        List<MatchInputFile> inputs,
        TagPlan plan,
        MatchOptions options,
        L1adScorer scorer,
        long total,
        IProgress<MatchProgress>? progress,
        CancellationToken cancellationToken)
    {
        long done = 0;
        ParallelWork.For(inputs.Count, options.Parallelism, cancellationToken, index =>
        {
            var input = inputs[index];
            FileFill.Fill(index, input, plan, scorer, cancellationToken);
            long now = Interlocked.Add(ref done, input.Events);
            progress?.Report(new MatchProgress(MatchStage.Scoring,
                $"{Path.GetFileName(input.Path)}: {input.Events} events", now, total));
        });
    }

    private static List<MatchedTagSummary> Write(
        List<MatchedSample> samples,
        MatchOptions options,
        IProgress<MatchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var pending = new ConcurrentDictionary<int, PendingFile>();
        long total = samples.Sum(sample => (long)sample.Count);
        long done = 0;
        try
        {
            ParallelWork.For(samples.Count, options.Parallelism, cancellationToken, index =>
            {
                var sample = samples[index];
                string path = Path.Combine(options.OutputDirectory, sample.Tag + ".h5");
                pending[index] = MatchedSampleFile.WritePending(path, sample);
                long now = Interlocked.Add(ref done, sample.Count);
                progress?.Report(
                    new MatchProgress(MatchStage.Writing, $"{sample.Tag}: {sample.Count} events", now, total));
            });
            cancellationToken.ThrowIfCancellationRequested();
            PendingFile.CommitAll(Enumerable.Range(0, samples.Count).Select(index => pending[index]).ToList());
        }
        finally
        {
            foreach (var file in pending.Values)
            {
                file.Dispose();
            }
        }

        return samples
            .Select((sample, index) => new MatchedTagSummary(
                sample.Tag, sample.Count, pending[index].FinalPath, sample.RunNumbers is not null))
            .ToList();
    }
}
