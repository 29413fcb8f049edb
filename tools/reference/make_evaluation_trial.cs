#:project ../../src/Hltad/Hltad.csproj
#:property PublishAot=false
// Trains the tiny trial of the evaluation tests with the product (2 members x HLT, L1, 2 epochs, small network)
// on the committed matched test data, evaluates it, and copies what the tests need into
// tests/Hltad.Tests/TestData/evaluation/trial/: trial.json and scores/member_<k>/<tag>.h5.
// The preprocessed folder is left in WORK/trial/preprocessed for tools/reference/evaluation_reference.py.
// Run from the repository root: dotnet run tools/reference/make_evaluation_trial.cs -- WORK
// (tools/reference/make_evaluation_trial.sh does this and the Python step).
using Hltad.Configuration;
using Hltad.Pipeline;
using Hltad.Training;

string work = Path.GetFullPath(
    args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "hltad-evaluation-trial"));
string root = Directory.GetCurrentDirectory();
string testData = Path.Combine(root, "tests", "Hltad.Tests", "TestData");
string savePath = Path.Combine(work, "trial");
if (Directory.Exists(savePath))
{
    Directory.Delete(savePath, recursive: true);
}

string trialJson = File.ReadAllText(Path.Combine(testData, "evaluation", "trial", "trial.json"));
TrialConfig config = TrialConfig.Parse(trialJson) with
{
    SavePath = savePath,
    MatchedPath = Path.Combine(testData, "preprocessing", "matched"),
};
TrialTraining.Run(new TrialTrainingRequest(config.Validate()), null, null, CancellationToken.None);
TrialEvaluationResult result = TrialEvaluation.Run(new TrialEvaluationRequest(config), null, CancellationToken.None);

string scores = Path.Combine(testData, "evaluation", "trial", MemberScoreFile.DirectoryName);
if (Directory.Exists(scores))
{
    Directory.Delete(scores, recursive: true);
}

string made = Path.Combine(result.OutputDirectory, MemberScoreFile.DirectoryName);
foreach (string file in Directory.EnumerateFiles(made, "*.h5", SearchOption.AllDirectories))
{
    string target = Path.Combine(scores, Path.GetRelativePath(made, file));
    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    File.Copy(file, target);
}

Console.WriteLine($"members {string.Join(", ", result.Members)}; scores in {scores}; " +
    $"preprocessed in {savePath}/preprocessed");
