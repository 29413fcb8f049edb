using System.Text.RegularExpressions;
using Hltad.Data;
using Hltad.Pipeline;
using Hltad.Reports;
using Hltad.Tests.Onnx;

namespace Hltad.Tests.Pipeline;

/// <summary><c>hltad evaluate</c>, run as a process on copies of the trained tiny trial.</summary>
[Collection(TrainedTrialCollection.Name)]
public sealed class EvaluateCommandTests(TrainedTrial trial) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hltad-evaluate-cli-").FullName;

    [Fact]
    public void Evaluate_TrainedTrial_WritesOutputsAndPrintsSummary()
    {
        (string savePath, _) = trial.CopyTo(_folder);
        string config = Path.Combine(TrainedTrial.DataFolder, "trial.json");

        var (exitCode, stdout, error) = HltadProcess.Run(
            "evaluate", "--config", config, "--save-path", savePath, "--plot-scale", "0.3");

        Assert.True(exitCode == 0, error);
        string output = Path.Combine(savePath, "evaluation");
        Assert.Contains("found 2 finished members (0, 1)", stdout);
        Assert.Contains("HLTAD thresholds and rates", stdout);
        Assert.Contains("L1-seeded TSE gain over HLT", stdout);
        Assert.Contains("ZZ4lep", stdout);
        Assert.Contains($"wrote {Path.Combine(output, "results.json")}", stdout);

        // Every output, the score files row-aligned with the preprocessed files.
        EvaluationResultsFiles(output);
        foreach (string sample in Directory.GetFiles(Path.Combine(savePath, "preprocessed"), "*.h5"))
        {
            string tag = Path.GetFileNameWithoutExtension(sample);
            if (tag is SampleTags.Train or SampleTags.Validation)
            {
                continue;
            }

            int rows = Hltad.Io.PreprocessedSampleFile.Read(sample).Count;
            foreach (int member in new[] { 0, 1 })
            {
                var scores = MemberScoreFile.Read(MemberScoreFile.PathOf(output, member, tag),
                    [ObjectType.Hlt, ObjectType.L1]);
                Assert.Equal([rows, rows], scores.Values.Select(v => v.Length));
            }
        }
    }

    [Fact]
    public void Evaluate_MemberZeroMissingOtherFolderNoDijets_SaysOneMemberFound()
    {
        (string savePath, _) = trial.CopyTo(_folder);
        Directory.Delete(Path.Combine(savePath, "member_0"), recursive: true);
        string output = Path.Combine(_folder, "elsewhere");

        var (exitCode, stdout, error) = HltadProcess.Run("evaluate", "--save-path", savePath, "--out", output,
            "--no-dijets", "--target-rate", "3000", "--plot-scale", "0.3");

        Assert.True(exitCode == 0, error);
        Assert.Contains("found 1 finished member (1) of num_trainings = 2", stdout);
        Assert.Equal(3000, ResultsJson.Read(Path.Combine(output, "results.json")).Options.TargetRateHz);
        Assert.Equal([1], ResultsJson.Read(Path.Combine(output, "results.json")).Members.Select(m => m.Member));
        Assert.False(Directory.Exists(Path.Combine(savePath, "evaluation")));
        EvaluationResultsFiles(output);
    }

    public static TheoryData<string, string[], string> BadTrials => new()
    {
        // case, arguments after the save_path, words the one-line error must contain
        { "no save_path", ["--save-path", "{absent}"], "trial.json: not found" },
        { "config, absent save_path", ["--config", "{config}", "--save-path", "{absent}"], "does not exist" },
        {
            "no finished member", ["--config", "{config}", "--save-path", "{unfinished}"],
            "no finished ensemble member"
        },
        { "other L1AD rate", ["--save-path", "{trial}", "--l1ad-rate", "1000"], "is fixed when preprocessing" },
        { "unreachable target", ["--save-path", "{trial}", "--target-rate", "1e9"], "the largest reachable is" },
    };

    [Theory]
    [MemberData(nameof(BadTrials))]
    public void Evaluate_BadTrial_OneLineErrorExitOneNoOutput(string name, string[] arguments, string words)
    {
        (string savePath, _) = trial.CopyTo(_folder);
        string unfinished = Path.Combine(_folder, "unfinished");
        Directory.CreateDirectory(Path.Combine(unfinished, "member_0", "HLT"));
        string absent = Path.Combine(_folder, "absent");
        string[] args = arguments.Select(a => a
            .Replace("{absent}", absent).Replace("{unfinished}", unfinished).Replace("{trial}", savePath)
            .Replace("{config}", Path.Combine(TrainedTrial.DataFolder, "trial.json"))).ToArray();

        var (exitCode, _, error) = HltadProcess.Run(["evaluate", .. args]);

        Assert.True(exitCode == 1, $"{name}: exit {exitCode}, {error}");
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("hltad: error: ", error);
        Assert.Contains(words, error);
        Assert.False(Directory.Exists(absent));
        Assert.False(Directory.Exists(Path.Combine(unfinished, "evaluation")));
        Assert.False(Directory.Exists(Path.Combine(savePath, "evaluation")));
    }

    private static void EvaluationResultsFiles(string output)
    {
        foreach (string name in new[] { "results.json", "stability_EG_results.json", "stability_E_results.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        }

        string page = File.ReadAllText(Path.Combine(output, "report.html"));
        string[] sources = Regex.Matches(page, "<img [^>]*src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.StartsWith("data:image/png;base64,", source));
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
}
