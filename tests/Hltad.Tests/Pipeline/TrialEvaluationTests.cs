using System.Text.RegularExpressions;
using Hltad.Data;
using Hltad.Engine;
using Hltad.Io;
using Hltad.Pipeline;
using Hltad.Preprocessing;
using Hltad.Training;

namespace Hltad.Tests.Pipeline;

/// <summary>
/// <see cref="TrialEvaluation.Run"/> on copies of the trained tiny trial: the files it writes, the score files'
/// alignment and values, reuse of score files, partial ensembles, and errors that leave nothing behind.
/// </summary>
[Collection(TrainedTrialCollection.Name)]
public sealed class TrialEvaluationTests(TrainedTrial trial) : IDisposable
{
    private static readonly ObjectType[] Both = [ObjectType.Hlt, ObjectType.L1];
    private readonly string _folder = Directory.CreateTempSubdirectory("hltad-evaluate-").FullName;

    [Fact]
    public void Run_TrainedTrial_WritesRowAlignedScoresResultsPlotsAndReport()
    {
        (string savePath, var config) = trial.CopyTo(_folder);

        TrialEvaluationResult result = TrialEvaluation.Run(
            new TrialEvaluationRequest(config, PlotScale: 0.25), null, CancellationToken.None);

        // Every evaluated sample of preprocess_info.json, both members, row counts as preprocessed.
        string output = Path.Combine(savePath, "evaluation");
        Assert.Equal(output, result.OutputDirectory);
        PreprocessInfo info = PreprocessInfo.Load(Path.Combine(savePath, "preprocessed", "preprocess_info.json"));
        var evaluated = info.RowCounts
            .Where(p => p.Key is not SampleTags.Train and not SampleTags.Validation).ToArray();
        Assert.Equal(11, evaluated.Length);
        foreach (int member in new[] { 0, 1 })
        {
            foreach ((string tag, int rows) in evaluated)
            {
                var scores = MemberScoreFile.Read(MemberScoreFile.PathOf(output, member, tag), Both);
                Assert.Equal(rows, scores[ObjectType.Hlt].Length);
                Assert.Equal(rows, scores[ObjectType.L1].Length);
            }
        }

        Assert.Equal(22, result.ScoreFilesWritten);
        foreach (string name in new[] { "results.json", "stability_EG_results.json", "stability_E_results.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        }

        // 7 ensemble plots per object type + 8 per member and object type = 2 × (7 + 2 × 8) = 46.
        Assert.Equal(46, result.Plots);
        Assert.Equal(46,
            Directory.GetFiles(Path.Combine(output, "plots"), "*.png", SearchOption.AllDirectories).Length);
        string page = File.ReadAllText(result.ReportFile);
        string[] sources = Regex.Matches(page, "<img [^>]*src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(46, sources.Length);
        Assert.All(sources, source => Assert.StartsWith("data:image/png;base64,", source));
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Run_TrainedTrial_ScoreFilesHoldMaskedMseOfReconstruction()
    {
        // Independent of the engine's scoring path: the reconstruction from Autoencoder.Reconstruct, then
        // section 8 by hand, Σ m (y − x)² / max(Σ m, 1) with m = (x ≠ 0) ∧ (x ≠ −999), in double.
        (string savePath, var config) = trial.CopyTo(_folder);
        TrialEvaluation.Run(new TrialEvaluationRequest(config, PlotScale: 0.25), null, CancellationToken.None);
        PreprocessedSample sample = PreprocessedSampleFile.Read(Path.Combine(savePath, "preprocessed", "ZZ4lep.h5"));
        var layout = new EnsembleLayout(savePath);

        foreach (ObjectType type in Both)
        {
            float[] inputs = type == ObjectType.Hlt ? sample.Hlt : sample.L1;
            var reconstruction = new float[inputs.Length];
            Autoencoder.Load(layout.ModelFile(1, type)).Reconstruct(inputs, sample.Count, reconstruction);
            float[] written = MemberScoreFile.Read(
                MemberScoreFile.PathOf(Path.Combine(savePath, "evaluation"), 1, "ZZ4lep"), Both)[type];
            for (int i = 0; i < sample.Count; i++)
            {
                double sum = 0;
                int count = 0;
                for (int j = i * 48; j < (i + 1) * 48; j++)
                {
                    if (inputs[j] != 0 && inputs[j] != -999)
                    {
                        sum += ((double)reconstruction[j] - inputs[j]) * ((double)reconstruction[j] - inputs[j]);
                        count++;
                    }
                }

                double expected = sum / Math.Max(count, 1);
                Assert.True(Math.Abs(written[i] - expected) <= 1e-6 * Math.Max(expected, 1e-3),
                    $"{type} event {i}: expected {expected:R}, wrote {written[i]:R}");
            }
        }
    }

    [Fact]
    public void Run_SecondRun_ReusesScoreFilesUntilAModelIsNewer()
    {
        (string savePath, var config) = trial.CopyTo(_folder);
        var request = new TrialEvaluationRequest(config, PlotScale: 0.25);
        TrialEvaluation.Run(request, null, CancellationToken.None);
        byte[] first = File.ReadAllBytes(Path.Combine(savePath, "evaluation", "results.json"));
        byte[] firstReport = File.ReadAllBytes(Path.Combine(savePath, "evaluation", "report.html"));

        TrialEvaluationResult again = TrialEvaluation.Run(request, null, CancellationToken.None);
        byte[] againReport = File.ReadAllBytes(Path.Combine(savePath, "evaluation", "report.html"));
        string model = new EnsembleLayout(savePath).ModelFile(0, ObjectType.L1);
        File.SetLastWriteTimeUtc(model, DateTime.UtcNow.AddMinutes(1));
        TrialEvaluationResult afterRetraining = TrialEvaluation.Run(request, null, CancellationToken.None);
        TrialEvaluationResult rescored = TrialEvaluation.Run(
            request with { ReuseScores = false }, null, CancellationToken.None);

        Assert.Equal((0, 22), (again.ScoreFilesWritten, again.ScoreFilesReused));
        Assert.Equal((11, 11), (afterRetraining.ScoreFilesWritten, afterRetraining.ScoreFilesReused));
        Assert.Equal((22, 0), (rescored.ScoreFilesWritten, rescored.ScoreFilesReused));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(savePath, "evaluation", "results.json")));
        Assert.Equal(firstReport, againReport);   // plots drawn in parallel, the same bytes
    }

    [Fact]
    public void Run_MemberZeroMissing_EvaluatesMemberOneAndSaysOneFound()
    {
        (string savePath, var config) = trial.CopyTo(_folder);
        Directory.Delete(Path.Combine(savePath, "member_0"), recursive: true);
        var messages = new List<string>();
        var progress = new Collect(p =>
        {
            if (p.Stage == TrialEvaluationStage.Members)
            {
                messages.Add(p.Message!);
            }
        });

        TrialEvaluationResult result = TrialEvaluation.Run(
            new TrialEvaluationRequest(config, PlotScale: 0.25), progress, CancellationToken.None);

        Assert.Equal(["found 1 finished member (1) of num_trainings = 2; the others are not finished and are left out"],
            messages);
        Assert.Equal([1], result.Members);
        Assert.Equal([1], result.Results.Members.Select(m => m.Member));
        Assert.False(Directory.Exists(Path.Combine(savePath, "evaluation", "scores", "member_0")));
        Assert.Equal(2 * (7 + 8), result.Plots);
    }

    [Fact]
    public void Run_UnreachableTargetRate_NamesReachableRateAndWritesNothing()
    {
        (string savePath, var config) = trial.CopyTo(_folder);

        var error = Assert.Throws<ImpossibleRateException>(() => TrialEvaluation.Run(
            new TrialEvaluationRequest(config, TargetRateHz: 1e9), null, CancellationToken.None));

        // The L1-seeded scheme's input is the L1AD total rate (about 649 kHz here): no pure rate beyond it.
        Assert.Contains("member 0 HLT L1-seeded HLTAD threshold", error.Message);
        Assert.Contains("the largest reachable is", error.Message);
        Assert.InRange(error.ReachableHz, 1, 649_395);
        Assert.False(Directory.Exists(Path.Combine(savePath, "evaluation")));
    }

    [Fact]
    public void Run_OtherL1adRate_ErrorSaysTheRateIsFixedWhenPreprocessing()
    {
        (string savePath, var config) = trial.CopyTo(_folder);

        var error = Assert.Throws<ConfigurationException>(() => TrialEvaluation.Run(
            new TrialEvaluationRequest(config, L1adRateHz: 1000), null, CancellationToken.None));

        Assert.Equal("L1AD_rate", error.Key);
        Assert.Contains("is fixed when preprocessing", error.Message);
        Assert.Contains("L1AD_rate = 500000 Hz", error.Message);
        Assert.Contains("preprocess and train the trial again with L1AD_rate = 1000", error.Message);
        Assert.False(Directory.Exists(Path.Combine(savePath, "evaluation")));
    }

    [Fact]
    public void Run_NoFinishedMember_ErrorAndNoOutput()
    {
        (string savePath, var config) = trial.CopyTo(_folder);
        var layout = new EnsembleLayout(savePath);
        File.Delete(layout.ModelFile(0, ObjectType.Hlt));
        File.Delete(layout.ModelFile(1, ObjectType.L1));

        var error = Assert.Throws<HltadException>(() => TrialEvaluation.Run(
            new TrialEvaluationRequest(config), null, CancellationToken.None));

        Assert.Contains("no finished ensemble member", error.Message);
        Assert.False(Directory.Exists(Path.Combine(savePath, "evaluation")));
    }

    [Fact]
    public void Run_MissingSavePathOrPreprocessing_InputDataError()
    {
        (string savePath, var config) = trial.CopyTo(_folder);
        string absent = Path.Combine(_folder, "absent");

        var noTrial = Assert.Throws<InputDataException>(() => TrialEvaluation.Run(
            new TrialEvaluationRequest(config with { SavePath = absent }), null, CancellationToken.None));
        File.Delete(Path.Combine(savePath, "preprocessed", "preprocess_info.json"));
        var noData = Assert.Throws<InputDataException>(() => TrialEvaluation.Run(
            new TrialEvaluationRequest(config), null, CancellationToken.None));

        Assert.Contains("save_path does not exist", noTrial.Message);
        Assert.False(Directory.Exists(absent));
        Assert.Contains("preprocess_info.json is missing", noData.Message);
        Assert.False(Directory.Exists(Path.Combine(savePath, "evaluation")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class Collect(Action<TrialEvaluationProgress> handler) : IProgress<TrialEvaluationProgress>
    {
        public void Report(TrialEvaluationProgress value) => handler(value);
    }
}
