using System.Globalization;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Evaluation;
using Hltad.Io;
using Hltad.Preprocessing;
using Hltad.Reports;
using Hltad.Training;

namespace Hltad.Pipeline;

/// <summary>
/// <c>hltad evaluate</c>: scores the preprocessed samples of a trained trial with every finished ensemble member
/// (SEMANTICS.md section 8), evaluates them (section 9) and writes, into the output folder
/// (default <c>&lt;save_path&gt;/evaluation</c>):
/// <code>
/// scores/member_&lt;k&gt;/&lt;tag&gt;.h5     HLT_AD_scores, L1_AD_scores, row-aligned with preprocessed/&lt;tag&gt;.h5
/// results.json                   docs/results-format.md
/// stability_EG_results.json, stability_E_results.json
/// plots/&lt;obj&gt;/ensemble/*.png, plots/&lt;obj&gt;/member_&lt;k&gt;/*.png
/// report.html                    one self-contained page
/// </code>
/// Everything is computed before anything is written; then every file is written under a temporary name and all
/// are renamed together, so a failed run leaves no output.
/// </summary>
public static class TrialEvaluation
{
    public const string ResultsFileName = "results.json";
    public const string ReportFileName = "report.html";
    public const string PlotsDirectoryName = "plots";

    /// <summary>Evaluates the finished members of a trial and writes the outputs.</summary>
    /// <exception cref="ConfigurationException">
    /// No save_path, a target rate that is not positive, or an <c>L1AD_rate</c> other than the preprocessed one.
    /// </exception>
    /// <exception cref="InputDataException">
    /// The save_path or its preprocessed samples are missing, or a sample or model file is bad.
    /// </exception>
    /// <exception cref="HltadException">No finished member, or the preprocessing does not fit the trial.</exception>
    /// <exception cref="ImpossibleRateException">
    /// The target rate cannot be reached (or the seeded background is empty); names the reachable rate.
    /// </exception>
    public static TrialEvaluationResult Run(
        TrialEvaluationRequest request,
        IProgress<TrialEvaluationProgress>? progress,
        CancellationToken cancellation)
    {
        // The trial, its finished members and its preprocessed samples.
        TrialConfig config = request.Config;
        var layout = new EnsembleLayout(config.SavePath
            ?? throw new ConfigurationException("save_path", "is required: the folder of the trained trial"));
        IReadOnlyList<int> members = FindMembers(layout, config, progress);
        string preprocessedDirectory = Path.GetFullPath(
            request.PreprocessedPath ?? layout.RecordedPreprocessedDirectory() ?? layout.PreprocessedDirectory);
        PreprocessInfo info = ReadInfo(preprocessedDirectory);
        double targetRateHz = CheckRates(request, info, preprocessedDirectory);
        CheckMask(config, info, preprocessedDirectory);
        IReadOnlyList<PreprocessedSample> samples = ReadSamples(preprocessedDirectory, progress);
        string output = Path.GetFullPath(request.OutputDirectory ?? layout.EvaluationDirectory);

        // Scores of every member and object type, reused where an earlier run left valid ones.
        EnsembleScoring scoring = new EnsembleScorer(layout, config.ObjectTypes, config.Mask).Score(
            members, samples, output, preprocessedDirectory, request.ReuseScores, progress, cancellation);

        // Section 9.
        var evaluationProgress = progress is null ? null : new Forward<EvaluationProgress>(p => progress.Report(
            new TrialEvaluationProgress(TrialEvaluationStage.Evaluating, p.Done, p.Total)));
        EvaluationResults results = Evaluate(info, samples, scoring.Members, targetRateHz, evaluationProgress,
            cancellation);

        // Plots and the report page.
        IReadOnlyList<RenderedPlot> plots = RenderPlots(results, request, progress, cancellation);
        var content = new ReportContent(
            $"Trial {Path.GetFileName(layout.SavePath)}",
            EvaluationReportRows.Configuration(config with { TargetRateHz = targetRateHz }, info, samples),
            results,
            plots,
            $"hltad {Version} · save_path {layout.SavePath}");

        // Every file under a temporary name, then all renamed together.
        WriteOutputs(output, scoring, results, plots, content, progress, cancellation);
        return new TrialEvaluationResult(results, output, members, scoring.NewFiles.Count, scoring.Reused, plots.Count);
    }

    /// <summary>
    /// Section 9 on preprocessed samples and member scores: every sample except <c>EB_train</c>/<c>EB_val</c>,
    /// with the L1AD threshold, rate budget and total rate of <paramref name="info"/> and the given target rate.
    /// </summary>
    /// <exception cref="ImpossibleRateException">The target rate cannot be reached.</exception>
    /// <exception cref="HltadException">Scores missing or misaligned, no background, bad values.</exception>
    public static EvaluationResults Evaluate(
        PreprocessInfo info,
        IReadOnlyList<PreprocessedSample> samples,
        IReadOnlyList<MemberScores> members,
        double targetRateHz,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var options = new EvaluationOptions(info.L1adRateHz, info.L1adThreshold, info.L1adTotalRateHz, targetRateHz);
        EvaluationSample[] evaluated = samples
            .Where(s => !EvaluationOptions.ExcludedTags.Contains(s.Tag))
            .Select(ToEvaluationSample)
            .ToArray();
        return EnsembleEvaluator.Evaluate(evaluated, members, options, progress, cancellation);
    }

    /// <summary>The columns of a preprocessed sample that the evaluation needs.</summary>
    public static EvaluationSample ToEvaluationSample(PreprocessedSample sample) =>
        new(sample.Tag, sample.Weights, sample.PassL1, sample.PassHlt, sample.L1Seeded, sample.Pileups);

    private static IReadOnlyList<int> FindMembers(
        EnsembleLayout layout,
        TrialConfig config,
        IProgress<TrialEvaluationProgress>? progress)
    {
        if (!Directory.Exists(layout.SavePath))
        {
            throw new InputDataException(layout.SavePath, null,
                "the trial's save_path does not exist; train the trial first (hltad train)");
        }

        IReadOnlyList<int> members = layout.FinishedMembers(config.ObjectTypes);
        string models = string.Join(" and ", config.ObjectTypes.Select(t => $"{OptionNames.Of(t)}/model.hltad"));
        if (members.Count == 0)
        {
            throw new HltadException($"{layout.SavePath}: no finished ensemble member (member_<k>/ with {models}); " +
                "train the trial first (hltad train)");
        }

        string list = string.Join(", ", members.Select(m => m.ToString(CultureInfo.InvariantCulture)));
        string missing = members.Count < config.NumTrainings
            ? $" of num_trainings = {config.NumTrainings}; the others are not finished and are left out" : "";
        progress?.Report(new TrialEvaluationProgress(TrialEvaluationStage.Members, members.Count, config.NumTrainings,
            $"found {members.Count} finished member{(members.Count == 1 ? "" : "s")} ({list}){missing}"));
        return members;
    }

    private static PreprocessInfo ReadInfo(string directory)
    {
        if (!PreprocessedDirectory.IsComplete(directory))
        {
            throw new InputDataException(directory, null,
                $"holds no complete preprocessing output ({PreprocessedDirectory.InfoFileName} is missing)");
        }

        return PreprocessInfo.Load(Path.Combine(directory, PreprocessedDirectory.InfoFileName));
    }

    /// <summary>The target rate; and the L1AD rate, which is fixed when preprocessing, must be that one.</summary>
    private static double CheckRates(TrialEvaluationRequest request, PreprocessInfo info, string directory)
    {
        double targetRateHz = request.TargetRateHz ?? request.Config.TargetRateHz;
        if (!(targetRateHz > 0) || double.IsInfinity(targetRateHz))
        {
            throw new ConfigurationException("target_rate", $"must be a positive number of Hz, got {targetRateHz}");
        }

        double l1adRateHz = request.L1adRateHz ?? request.Config.L1adRateHz;
        if (l1adRateHz != info.L1adRateHz)
        {
            throw new ConfigurationException("L1AD_rate",
                $"is fixed when preprocessing: {directory} was made with L1AD_rate = {Number(info.L1adRateHz)} Hz " +
                $"(L1AD threshold {Number(info.L1adThreshold)}), not {Number(l1adRateHz)} Hz; to evaluate at " +
                $"{Number(l1adRateHz)} Hz, preprocess and train the trial again with L1AD_rate = {Number(l1adRateHz)}");
        }

        return targetRateHz;
    }

    private static void CheckMask(TrialConfig config, PreprocessInfo info, string directory)
    {
        if (config.Mask != info.Mask)
        {
            throw new HltadException($"{directory}: the preprocessed data were made for mask = " +
                $"{OptionNames.Of(info.Mask)}, the trial asks for mask = {OptionNames.Of(config.Mask)}");
        }
    }

    private static IReadOnlyList<PreprocessedSample> ReadSamples(
        string directory,
        IProgress<TrialEvaluationProgress>? progress)
    {
        IReadOnlyList<PreprocessedSample> samples = PreprocessedDirectory
            .Read(directory, tag => !EvaluationOptions.ExcludedTags.Contains(tag)).Samples;
        long events = samples.Sum(s => (long)s.Count);
        progress?.Report(new TrialEvaluationProgress(TrialEvaluationStage.Reading, samples.Count, samples.Count,
            string.Format(CultureInfo.InvariantCulture, "read {0} preprocessed samples, {1:N0} events, from {2}",
                samples.Count, events, directory)));
        return samples;
    }

    private static IReadOnlyList<RenderedPlot> RenderPlots(
        EvaluationResults results,
        TrialEvaluationRequest request,
        IProgress<TrialEvaluationProgress>? progress,
        CancellationToken cancellation)
    {
        int expected = results.ObjectTypes.Sum(o => 7 + 8 * results.Members.Count(m => m.Find(o) is not null));
        int done = 0;
        var plotProgress = progress is null ? null : new Forward<RenderedPlot>(_ =>
        {
            int now = Interlocked.Increment(ref done);
            progress.Report(new TrialEvaluationProgress(TrialEvaluationStage.Plotting, now, Math.Max(now, expected)));
        });
        return PlotSet.RenderAll(results, new PlotOptions(request.IncludeDijets, request.PlotScale), plotProgress,
            cancellation);
    }

    private static void WriteOutputs(
        string output,
        EnsembleScoring scoring,
        EvaluationResults results,
        IReadOnlyList<RenderedPlot> plots,
        ReportContent content,
        IProgress<TrialEvaluationProgress>? progress,
        CancellationToken cancellation)
    {
        int total = scoring.NewFiles.Count + plots.Count + 4;
        using var batch = new OutputBatch();
        void Written() =>
            progress?.Report(new TrialEvaluationProgress(TrialEvaluationStage.Writing, batch.Count, total));

        foreach ((string path, Hdf5Datasets contents) in scoring.NewFiles)
        {
            cancellation.ThrowIfCancellationRequested();
            batch.Add(path, contents);
            Written();
        }

        string plotDirectory = Path.Combine(output, PlotsDirectoryName);
        foreach (RenderedPlot plot in plots)
        {
            batch.Add(Path.Combine(plotDirectory, plot.RelativePath), plot.Png);
            Written();
        }

        batch.Add(Path.Combine(output, StabilityFiles.EfficiencyGainFileName),
            StabilityFiles.SerializeEfficiencyGains(results));
        batch.Add(Path.Combine(output, StabilityFiles.EfficiencyFileName),
            StabilityFiles.SerializeEfficiencies(results));
        batch.Add(Path.Combine(output, ResultsFileName), ResultsJson.Serialize(results));
        batch.Add(Path.Combine(output, ReportFileName),
            new System.Text.UTF8Encoding(false).GetBytes(ReportWriter.Render(content)));
        Written();
        cancellation.ThrowIfCancellationRequested();
        batch.CommitAll();
        RemoveStalePlots(plotDirectory, plots);
    }

    /// <summary>Deletes PNG files under the plots folder that this run did not write (members now gone).</summary>
    private static void RemoveStalePlots(string plotDirectory, IReadOnlyList<RenderedPlot> plots)
    {
        if (!Directory.Exists(plotDirectory))
        {
            return;
        }

        var current = plots.Select(p => Path.GetFullPath(Path.Combine(plotDirectory, p.RelativePath)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(plotDirectory, "*.png", SearchOption.AllDirectories))
        {
            if (!current.Contains(Path.GetFullPath(file)))
            {
                File.Delete(file);
            }
        }
    }

    private static string Number(double value) => value.ToString("G9", CultureInfo.InvariantCulture);

    private static string Version =>
        typeof(TrialEvaluation).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>An <see cref="IProgress{T}"/> that calls its handler at once, on the reporting thread.</summary>
    private sealed class Forward<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
