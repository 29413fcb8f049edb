using System.Diagnostics;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Engine;
using Hltad.Io;
using Hltad.Preprocessing;
using Hltad.Tests.Onnx;
using Hltad.Tests.Preprocessing;
using Hltad.Training;

namespace Hltad.Tests.Training;

public sealed class TrainResumeTests
{
    // Large enough that one epoch takes a noticeable time, so the kill lands inside an epoch.
    private const int Copies = 12;

    [Fact]
    public void Train_KilledMidEpochThenResumed_GivesWeightsOfUninterruptedRun()
    {
        using var directory = new TemporaryDirectory();
        string matched = WriteTiledMatched(directory.File("matched"));

        // The reference: the same trial, never interrupted, in this process.
        TrialConfig uninterrupted = Config(matched, directory.File("uninterrupted"));
        TrialTraining.Run(new TrialTrainingRequest(uninterrupted), null, null, CancellationToken.None);

        // The same trial in a child process, killed with SIGKILL in the middle of its third epoch.
        TrialConfig interrupted = Config(matched, directory.File("interrupted"));
        string configFile = directory.File("interrupted.json");
        File.WriteAllText(configFile, interrupted.ToJson());
        var layout = new EnsembleLayout(interrupted.SavePath!);
        KillDuringThirdEpoch(configFile, layout.CheckpointFile(0, ObjectType.Hlt));
        Assert.False(File.Exists(layout.ModelFile(0, ObjectType.Hlt)), "the run finished before it was killed");
        Assert.True(File.Exists(layout.CheckpointFile(0, ObjectType.Hlt)));

        // Resumed, it must end with the same weights, bit for bit.
        var (exitCode, _, error) = HltadProcess.Run("train", "--config", configFile, "--resume");
        Assert.True(exitCode == 0, error);
        var expected = Autoencoder.Load(new EnsembleLayout(uninterrupted.SavePath!).ModelFile(0, ObjectType.Hlt));
        var resumed = Autoencoder.Load(layout.ModelFile(0, ObjectType.Hlt));
        AssertSameTensors(expected, resumed);
        Assert.Equal(expected.History.Select(e => e.ValidationLoss), resumed.History.Select(e => e.ValidationLoss));
    }

    [Fact]
    public void Train_NonEmptySavePathWithoutResume_IsRefused()
    {
        using var directory = new TemporaryDirectory();
        string savePath = directory.File("trial");
        Directory.CreateDirectory(savePath);
        File.WriteAllText(Path.Combine(savePath, "notes.txt"), "earlier work");
        TrialConfig config = Config(MatchedTestData.Folder("matched"), savePath);

        var error = Assert.Throws<HltadException>(
            () => TrialTraining.Run(new TrialTrainingRequest(config), null, null, CancellationToken.None));

        Assert.Contains("is not empty", error.Message);
        Assert.Contains("--resume", error.Message);
        Assert.Single(Directory.GetFileSystemEntries(savePath));
    }

    [Fact]
    public void Train_ResumeWithOtherConfiguration_NamesTheDifferingKeys()
    {
        using var directory = new TemporaryDirectory();
        TrialConfig config = Config(MatchedTestData.Folder("matched"), directory.File("trial")) with { Epochs = 1 };
        TrialTraining.Run(new TrialTrainingRequest(config), null, null, CancellationToken.None);

        var changed = new TrialTrainingRequest(config with { DropoutP = 0.2 }, Resume: true);
        var error = Assert.Throws<HltadException>(
            () => TrialTraining.Run(changed, null, null, CancellationToken.None));

        Assert.Contains("dropout_p", error.Message);
    }

    [Fact]
    public void Train_AfterAnAttemptThatFailedBeforeTraining_RetryIsAccepted()
    {
        using var directory = new TemporaryDirectory();
        TrialConfig config = Config(MatchedTestData.Folder("matched"), directory.File("trial")) with { Epochs = 1 };

        // 1e9 Hz of L1AD rate out of 40 MHz cannot be reached: the attempt fails in preprocessing.
        Assert.Throws<ImpossibleRateException>(() => TrialTraining.Run(
            new TrialTrainingRequest(config with { L1adRateHz = 1e9 }), null, null, CancellationToken.None));

        TrialTrainingResult result = TrialTraining.Run(
            new TrialTrainingRequest(config), null, null, CancellationToken.None);
        Assert.Equal([0], result.FinishedMembers);
    }

    [Fact]
    public void Train_ResumeWithOtherTargetRateOrOneMember_IsTheSameTrial()
    {
        using var directory = new TemporaryDirectory();
        TrialConfig config = Config(MatchedTestData.Folder("matched"), directory.File("trial")) with
        {
            Epochs = 1,
            NumTrainings = 2,
        };
        TrialTraining.Run(new TrialTrainingRequest(config, OnlyMember: 1), null, null, CancellationToken.None);

        // target_rate is read by the evaluation only; --member implies continuing the same trial.
        TrialTrainingResult result = TrialTraining.Run(
            new TrialTrainingRequest(config with { TargetRateHz = 50 }, OnlyMember: 0), null, null,
            CancellationToken.None);

        Assert.Equal([0, 1], result.FinishedMembers);
    }

    [Fact]
    public void Train_NoBackgroundEventPassesL1ad_FailsBeforeTrainingWithAHint()
    {
        // topo2A_train scores 0.1 … 1.0 (weights 1, none passing L1): at 1 MHz of 40 MHz only the 1.0 event is
        // above the threshold, while the EB_<run> tags' highest score is 0.91, so EB_test has no seeded event.
        using var directory = new TemporaryDirectory();
        string matched = directory.File("matched");
        Directory.CreateDirectory(matched);
        foreach ((string tag, MatchedSample sample) in SyntheticMatched.Complete())
        {
            MatchedSampleFile.Write(Path.Combine(matched, tag + ".h5"), sample);
        }

        TrialConfig config = Config(matched, directory.File("trial")) with { L1adRateHz = 1e6 };

        var error = Assert.Throws<HltadException>(
            () => TrialTraining.Run(new TrialTrainingRequest(config), null, null, CancellationToken.None));

        Assert.Contains("raise L1AD_rate", error.Message);
        Assert.False(Directory.Exists(Path.Combine(directory.File("trial"), "member_0")));
    }

    [Fact]
    public void Train_OnlyMemberOutOfRange_NamesTheRange()
    {
        TrialConfig config = Config(MatchedTestData.Folder("matched"), Path.GetTempPath());

        var error = Assert.Throws<ConfigurationException>(() => TrialTraining.Run(
            new TrialTrainingRequest(config, OnlyMember: 3), null, null, CancellationToken.None));

        Assert.Contains("0..0", error.Message);
    }

    private static TrialConfig Config(string matched, string savePath) => new TrialConfig
    {
        TrainDataScheme = TrainDataScheme.Topo2ATrain,
        PtNormalization = PtNormalization.StandardScaler,
        L1adRateHz = 5e5,
        SavePath = savePath,
        MatchedPath = matched,
        NumTrainings = 1,
        Epochs = 5,
        ObjectTypes = [ObjectType.Hlt],
        Seed = 11,
    }.Validate();

    /// <summary>The committed fixture-derived matched tags, topo2A_train repeated <see cref="Copies"/> times.</summary>
    private static string WriteTiledMatched(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach ((string tag, MatchedSample sample) in MatchedTestData.Fixture)
        {
            MatchedSample written = tag == SampleTags.Topo2ATrain ? Tile(sample, Copies) : sample;
            MatchedSampleFile.Write(Path.Combine(folder, tag + ".h5"), written);
        }

        return folder;
    }

    private static MatchedSample Tile(MatchedSample sample, int copies)
    {
        int[] rows = Enumerable.Range(0, copies * sample.Count).Select(i => i % sample.Count).ToArray();
        return new MatchedSample
        {
            Tag = sample.Tag,
            Hlt = sample.Hlt.Select(rows),
            L1 = sample.L1.Select(rows),
            PassL1 = rows.Select(i => sample.PassL1[i]).ToArray(),
            PassHlt = rows.Select(i => sample.PassHlt[i]).ToArray(),
            Weights = rows.Select(i => sample.Weights[i]).ToArray(),
            L1adScores = rows.Select(i => sample.L1adScores[i]).ToArray(),
            RunNumbers = sample.RunNumbers is null ? null : rows.Select(i => sample.RunNumbers[i]).ToArray(),
            EventNumbers = sample.EventNumbers is null ? null : rows.Select(i => sample.EventNumbers[i] + i).ToArray(),
            Pileups = sample.Pileups is null ? null : rows.Select(i => sample.Pileups[i]).ToArray(),
        };
    }

    /// <summary>Starts <c>hltad train</c>, waits for the checkpoints of epochs 1 and 2, then kills it halfway
    /// through epoch 3 (by the time epoch 2 took).</summary>
    private static void KillDuringThirdEpoch(string configFile, string checkpoint)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hltad.Cli.dll"));
        foreach (string arg in new[] { "train", "--config", configFile })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            DateTime first = WaitForChange(checkpoint, DateTime.MinValue, process);
            var epochWatch = Stopwatch.StartNew();
            WaitForChange(checkpoint, first, process);
            Thread.Sleep(TimeSpan.FromTicks(epochWatch.Elapsed.Ticks / 2));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static DateTime WaitForChange(string path, DateTime previous, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (File.Exists(path))
            {
                DateTime written = File.GetLastWriteTimeUtc(path);
                if (written != previous)
                {
                    return written;
                }
            }

            Assert.False(process.HasExited, "hltad train ended before it could be killed");
            Thread.Sleep(5);
        }

        throw new TimeoutException($"{path} did not change within two minutes");
    }

    private static void AssertSameTensors(Autoencoder expected, Autoencoder actual)
    {
        IReadOnlyDictionary<string, float[]> left = expected.Tensors();
        IReadOnlyDictionary<string, float[]> right = actual.Tensors();
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        foreach ((string name, float[] values) in left)
        {
            Assert.True(values.AsSpan().SequenceEqual(right[name]), $"tensor {name} differs");
        }
    }
}
