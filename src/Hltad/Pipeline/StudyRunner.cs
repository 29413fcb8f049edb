using System.Globalization;
using System.Text;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Engine;
using Hltad.Matching;
using Hltad.Preprocessing;
using Hltad.Training;
using Hltad.World;

namespace Hltad.Pipeline;

/// <summary>
/// <c>hltad run</c>: the whole study — world → L1AD → match → train → evaluate — into one folder, each step
/// skipped when a previous run finished it, so that re-running resumes:
/// <code>
/// world/         synthetic EB and MC ntuples and L1AD_training_events.h5 (world.done marks it complete)
/// l1ad/          l1ad_topo2A_encoder.onnx, the L1AD network trained on the world
/// matched/       one &lt;tag&gt;.h5 per tag (match.done marks it complete)
/// trial/         the trial's save_path: trial.json, preprocessed/, member_&lt;k&gt;/, evaluation/
/// </code>
/// </summary>
public static class StudyRunner
{
    private const string DoneMarker = "step.done";

    /// <summary>Runs or resumes the study.</summary>
    public static StudyResult Run(
        StudyRequest request,
        IProgress<StudyProgress>? progress,
        CancellationToken cancellation)
    {
        string root = Path.GetFullPath(request.OutputDirectory);
        Directory.CreateDirectory(root);
        StudyPreset preset = request.Preset;
        string matched = Path.Combine(root, "matched");
        TrialConfig config = Trial(request, Path.Combine(root, "trial"), matched);

        // Inputs: the user's data, or a synthetic world and an L1AD network trained on it.
        StudyData data = request.Data ?? new StudyData(
            Path.Combine(root, "world", "EB"), Path.Combine(root, "world", "MC"),
            Path.Combine(root, "world", WorldGenerator.L1adTrainingFileName),
            Path.Combine(root, "l1ad", "l1ad_topo2A_encoder.onnx"));
        if (request.Data is null)
        {
            GenerateWorld(Path.Combine(root, "world"), preset, request.Seed, progress, cancellation);
            TrainL1ad(data, preset, request.Seed, progress, cancellation);
        }

        // Matching.
        Match(data, matched, progress, cancellation);

        // Training, resumed where a previous run stopped.
        var training = new SynchronousProgress<TrainingProgress>(update => progress?.Report(Describe(update)));
        progress?.Report(new StudyProgress("train", $"training {config.NumTrainings} members into {config.SavePath}"));
        string? lastStep = null;
        var preprocessing = new SynchronousProgress<PreprocessProgress>(update =>
        {
            if (update.Step != lastStep)
            {
                lastStep = update.Step;
                progress?.Report(new StudyProgress("preprocess", update.Step));
            }
        });
        TrialTrainingResult trained = TrialTraining.Run(
            new TrialTrainingRequest(config, Resume: true), preprocessing, training, cancellation);

        // Evaluation and the report (scores of an earlier run are reused).
        string evaluation = trained.Layout.EvaluationDirectory;
        progress?.Report(new StudyProgress("evaluate", $"evaluating {trained.FinishedMembers.Count} members"));
        var report = new SynchronousProgress<TrialEvaluationProgress>(update => progress?.Report(
            new StudyProgress("evaluate", update.Message ?? update.Stage.ToString().ToLowerInvariant(),
                update.Message is null ? update.Done : 0, update.Message is null ? update.Total : 0, "steps")));
        TrialEvaluationResult evaluated = TrialEvaluation.Run(
            new TrialEvaluationRequest(config, OutputDirectory: evaluation), report, cancellation);
        return new StudyResult(root, config, evaluated);
    }

    private static void GenerateWorld(
        string directory,
        StudyPreset preset,
        long seed,
        IProgress<StudyProgress>? progress,
        CancellationToken cancellation)
    {
        if (IsDone(directory))
        {
            progress?.Report(new StudyProgress("world", $"synthetic world already in {directory}"));
            return;
        }

        var options = new WorldOptions(directory)
        {
            Seed = seed,
            EventsPerRun = preset.EventsPerRun,
            McEventsPerProcess = preset.McEventsPerProcess,
        };
        var report = new SynchronousProgress<WorldProgress>(update =>
            progress?.Report(new StudyProgress("world", update.Message, update.EventsDone, update.EventsTotal)));
        WorldSummary summary = WorldGenerator.Generate(options, report, cancellation);
        progress?.Report(new StudyProgress("world", string.Format(CultureInfo.InvariantCulture,
            "generated {0:N0} EB and {1:N0} MC events ({2:N0} events/s)",
            summary.EnhancedBiasEvents, summary.McEvents, summary.EventsPerSecond)));
        MarkDone(directory);
    }

    private static void TrainL1ad(
        StudyData data,
        StudyPreset preset,
        long seed,
        IProgress<StudyProgress>? progress,
        CancellationToken cancellation)
    {
        if (File.Exists(data.L1adModelFile))
        {
            progress?.Report(new StudyProgress("l1ad", $"L1AD network already in {data.L1adModelFile}"));
            return;
        }

        var options = L1adTrainingOptions.Default with
        {
            Training = L1adTrainingOptions.Default.Training with { MaxEpochs = preset.L1adEpochs },
            Seed = (ulong)seed,
        };
        var report = new SynchronousProgress<EpochReport>(epoch => progress?.Report(new StudyProgress("l1ad",
            string.Format(CultureInfo.InvariantCulture, "L1AD VAE epoch {0}/{1}  loss {2:G5}  val {3:G5}",
                epoch.Epoch, preset.L1adEpochs, epoch.TrainLoss, epoch.ValidationLoss))));
        Directory.CreateDirectory(Path.GetDirectoryName(data.L1adModelFile)!);
        (int events, double loss) = L1adTraining.Run(
            data.EbDirectory, data.L1adTrainingFile, data.L1adModelFile, options, report, cancellation);
        progress?.Report(new StudyProgress("l1ad", string.Format(CultureInfo.InvariantCulture,
            "L1AD VAE trained on {0:N0} events (validation loss {1:G5})", events, loss)));
    }

    private static void Match(StudyData data, string directory, IProgress<StudyProgress>? progress,
        CancellationToken cancellation)
    {
        if (IsDone(directory))
        {
            progress?.Report(new StudyProgress("match", $"matched datasets already in {directory}"));
            return;
        }

        var options = new MatchOptions(
            data.EbDirectory, data.McDirectory, data.L1adTrainingFile, data.L1adModelFile, directory);
        var report = new SynchronousProgress<MatchProgress>(update => progress?.Report(
            new StudyProgress("match", update.Message, update.EventsDone, update.EventsTotal)));
        MatchSummary summary = Matcher.Run(options, report, cancellation);
        progress?.Report(new StudyProgress("match", string.Format(CultureInfo.InvariantCulture,
            "matched {0:N0} EB and {1:N0} MC events into {2} tags",
            summary.EbEvents, summary.McEvents, summary.Tags.Count)));
        MarkDone(directory);
    }

    /// <summary>The trial: the preset's settings (trial 8 of the reference otherwise), or the user's file.</summary>
    private static TrialConfig Trial(StudyRequest request, string savePath, string matched)
    {
        StudyPreset preset = request.Preset;
        TrialConfig config = request.ConfigFile is not null
            ? TrialConfig.Load(request.ConfigFile)
            : new TrialConfig
            {
                TrainDataScheme = TrainDataScheme.Topo2ATrainPlusOverlap,
                PtNormalization = PtNormalization.StandardScaler,
                L1adRateHz = preset.L1adRateHz,
                DropoutP = 0.1,
                L2RegCoupling = 0.01,
                LatentDim = 4,
                LargeNetwork = true,
                NumTrainings = preset.Members,
                TrainingWeights = true,
                Epochs = preset.Epochs,
                Seed = request.Seed,
            };
        return (config with
        {
            SavePath = savePath,
            MatchedPath = matched,
            L1adRateHz = request.L1adRateHz ?? config.L1adRateHz,
            TargetRateHz = request.TargetRateHz ?? config.TargetRateHz,
        }).Validate();
    }

    private static StudyProgress Describe(TrainingProgress update)
    {
        string who = string.Format(CultureInfo.InvariantCulture, "member {0}/{1} {2}",
            update.Member + 1, update.Members, OptionNames.Of(update.ObjectType));
        if (update.Epoch is not EpochReport epoch)
        {
            return new StudyProgress("train", who + " finished earlier, kept");
        }

        string eta = update.EstimatedRemaining is TimeSpan left ? $"  ETA {left.TotalMinutes:F1} min" : "";
        return new StudyProgress("train", string.Format(CultureInfo.InvariantCulture,
            "{0} epoch {1}/{2}  loss {3:G5}  val {4:G5}  {5:N0} events/s{6}",
            who, epoch.Epoch, update.MaxEpochs, epoch.TrainLoss, epoch.ValidationLoss, epoch.EventsPerSecond, eta));
    }

    private static bool IsDone(string directory) => File.Exists(Path.Combine(directory, DoneMarker));

    private static void MarkDone(string directory) =>
        File.WriteAllText(Path.Combine(directory, DoneMarker), DateTime.UtcNow.ToString("O") + "\n", Encoding.UTF8);
}
