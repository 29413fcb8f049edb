using System.Text.Json.Nodes;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Engine;
using Hltad.Io;
using Hltad.Preprocessing;

namespace Hltad.Training;

/// <summary>
/// <c>hltad train</c>: preprocess (or reuse a preprocessing output), then train the ensemble of a trial into
/// its save_path so that an interrupted trial can be resumed (SEMANTICS.md sections 6–7).
/// </summary>
public static class TrialTraining
{
    /// <summary>Runs the trial.</summary>
    /// <exception cref="ConfigurationException">save_path or matched_path is missing, or the member is out of
    /// range.</exception>
    /// <exception cref="HltadException">The save_path holds another trial, or is not empty without resume.</exception>
    public static TrialTrainingResult Run(
        TrialTrainingRequest request,
        IProgress<PreprocessProgress>? preprocessProgress,
        IProgress<TrainingProgress>? trainingProgress,
        CancellationToken cancellation)
    {
        TrialConfig config = request.Config;
        string savePath = config.SavePath
            ?? throw new ConfigurationException("save_path", "is required: the folder the trial is written to");
        if (request.OnlyMember is int member && (member < 0 || member >= config.NumTrainings))
        {
            throw new ConfigurationException("member",
                $"must be in 0..{config.NumTrainings - 1} (num_trainings = {config.NumTrainings}), got {member}");
        }

        // The save_path belongs to this trial alone.
        var layout = new EnsembleLayout(savePath);
        ClaimSavePath(layout, config, request.Resume || request.OnlyMember is not null);

        // Preprocessed samples: reuse a complete output, or make them.
        PreprocessResult data = LoadOrPreprocess(layout, request, preprocessProgress, cancellation);
        RequireSeededBackground(data, config);

        // The ensemble.
        var plan = Plan(config, request.OnlyMember, data.Info);
        var trainer = new EnsembleTrainer(layout, plan);
        IReadOnlyList<int> trained = trainer.Run(
            data[SampleTags.Train], data[SampleTags.Validation], trainingProgress, cancellation);
        return new TrialTrainingResult(layout, trained, layout.FinishedMembers(config.ObjectTypes));
    }

    /// <summary>The ensemble plan of a trial.</summary>
    public static EnsemblePlan Plan(TrialConfig config, int? onlyMember, PreprocessInfo info)
    {
        var architecture = new AutoencoderArchitecture(
            Large: config.LargeNetwork,
            LatentDim: config.LatentDim,
            DropoutRate: (float)config.DropoutP,
            L2Coupling: (float)config.L2RegCoupling);
        var options = new TrainingOptions(
            MaxEpochs: config.Epochs,
            BatchSize: config.BatchSize,
            EarlyStoppingPatience: config.EarlyStoppingPatience,
            LearningRatePatience: config.LrPatience);
        var metadata = new JsonObject
        {
            ["trial"] = JsonNode.Parse(config.ToJson(indented: false)),
            ["preprocess_info"] = JsonNode.Parse(info.ToJson()),
        };
        return new EnsemblePlan(
            Members: config.NumTrainings,
            ObjectTypes: config.ObjectTypes,
            Architecture: architecture,
            Options: options,
            Seed: (ulong)config.Seed,
            UseTrainingWeights: config.TrainingWeights,
            UseObjectMask: config.Mask == LossMaskKind.Objects,
            OnlyMember: onlyMember,
            DocumentationJson: config.ToJson(indented: false),
            ModelMetadataJson: metadata.ToJsonString());
    }

    /// <summary>
    /// The save_path belongs to one trial. A folder holding only the trial file of an attempt that failed
    /// before training started is taken over; otherwise a non-empty folder needs --resume or --member and the
    /// same trial. Keys that only the evaluation reads (target_rate) may change.
    /// </summary>
    private static void ClaimSavePath(EnsembleLayout layout, TrialConfig config, bool resume)
    {
        string[] entries = Directory.Exists(layout.SavePath)
            ? Directory.GetFileSystemEntries(layout.SavePath)
            : [];
        bool onlyTrialFile = entries.Length == 1 && File.Exists(layout.TrialFile);
        if (entries.Length > 0 && !onlyTrialFile)
        {
            if (!resume)
            {
                throw new HltadException(
                    $"save_path '{layout.SavePath}' is not empty; pass --resume to continue the trial there, " +
                    "or choose another save_path");
            }

            if (File.Exists(layout.TrialFile))
            {
                TrialConfig existing = TrialConfig.Load(layout.TrialFile);
                TrialConfig comparable = config with
                {
                    SavePath = existing.SavePath,
                    TargetRateHz = existing.TargetRateHz,
                };
                if (!existing.Equals(comparable))
                {
                    throw new HltadException(
                        $"save_path '{layout.SavePath}' holds another trial ({layout.TrialFile} differs in: " +
                        $"{string.Join(", ", DifferingKeys(existing, comparable))}); resume it with the same " +
                        "configuration or choose another save_path");
                }

                return;
            }
        }

        Directory.CreateDirectory(layout.SavePath);
        AtomicFile.Write(layout.TrialFile,
            stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(config.ToJson() + "\n")));
    }

    /// <summary>
    /// The L1-seeded evaluation needs EB_test events that pass the L1AD threshold; say so before hours of training
    /// rather than after.
    /// </summary>
    private static void RequireSeededBackground(PreprocessResult data, TrialConfig config)
    {
        PreprocessedSample? background = data.Samples.FirstOrDefault(sample => sample.Tag == SampleTags.Test);
        if (background is not null && !background.L1Seeded.Contains(true))
        {
            throw new HltadException(
                $"no {SampleTags.Test} event passes the L1AD threshold at L1AD_rate = {config.L1adRateHz:G6} Hz, so " +
                "the L1-seeded evaluation would have no background; raise L1AD_rate (small samples need " +
                "1e5–1e6 Hz) or use more EB events");
        }
    }

    private static IEnumerable<string> DifferingKeys(TrialConfig a, TrialConfig b)
    {
        JsonObject left = JsonNode.Parse(a.ToJson(false))!.AsObject();
        JsonObject right = JsonNode.Parse(b.ToJson(false))!.AsObject();
        return left.Select(pair => pair.Key)
            .Where(key => key != "save_path" && !JsonNode.DeepEquals(left[key], right[key]));
    }

    private static PreprocessResult LoadOrPreprocess(
        EnsembleLayout layout,
        TrialTrainingRequest request,
        IProgress<PreprocessProgress>? progress,
        CancellationToken cancellation)
    {
        TrialConfig config = request.Config;
        string directory = request.PreprocessedPath ?? layout.PreprocessedDirectory;
        if (PreprocessedDirectory.IsComplete(directory))
        {
            if (request.PreprocessedPath is not null)
            {
                AtomicFile.WriteAllBytes(layout.PreprocessedLinkFile,
                    System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(directory) + "\n"));
            }

            PreprocessResult stored = PreprocessedDirectory.Read(directory,
                tag => tag is SampleTags.Train or SampleTags.Validation);
            CheckMatches(stored.Info, config, directory);
            return stored;
        }

        if (request.PreprocessedPath is not null)
        {
            throw new InputDataException(directory, null,
                $"is not a complete preprocessing output ({PreprocessedDirectory.InfoFileName} is missing)");
        }

        string matched = config.MatchedPath
            ?? throw new ConfigurationException(
                "matched_path", "is required: the folder of the matched <tag>.h5 files");
        PreprocessResult result = Preprocessor.Run(
            MatchedDirectory.ReadAll(matched), config.ToPreprocessOptions(), progress, cancellation);
        PreprocessedDirectory.Write(directory, result, cancellation);
        return result;
    }

    private static void CheckMatches(PreprocessInfo info, TrialConfig config, string directory)
    {
        PreprocessOptions wanted = config.ToPreprocessOptions();
        if (info.Scheme != wanted.Scheme || info.Normalization != wanted.Normalization || info.Mask != wanted.Mask
            || info.L1adRateHz != wanted.L1adRateHz || info.IncomingRateHz != wanted.IncomingRateHz
            || info.SplitSeed != wanted.SplitSeed)
        {
            throw new HltadException(
                $"{directory}: the preprocessed data were made with other options " +
                $"({OptionNames.Of(info.Scheme)}, {OptionNames.Of(info.Normalization)}, " +
                $"mask {OptionNames.Of(info.Mask)}, " +
                $"L1AD rate {info.L1adRateHz} Hz, seed {info.SplitSeed}) than the trial asks for");
        }
    }
}
