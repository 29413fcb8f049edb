using System.Globalization;
using Hltad.Configuration;
using Hltad.Data;

namespace Hltad.Training;

/// <summary>
/// Where a trial's files live under its <c>save_path</c>:
/// <code>
/// trial.json                          the resolved configuration of the trial
/// training_documentation.jsonl        one line per finished member: trial and data options
/// preprocessed/                       the preprocessed samples and preprocess_info.json
/// member_&lt;k&gt;/&lt;HLT|L1&gt;/model.hltad      best weights of member k (written last: its presence = done)
/// member_&lt;k&gt;/&lt;HLT|L1&gt;/checkpoint.hltad full training state after the last finished epoch
/// member_&lt;k&gt;/&lt;HLT|L1&gt;/history.csv      per-epoch losses
/// member_&lt;k&gt;/&lt;HLT|L1&gt;/&lt;obj&gt;_AE_&lt;k&gt;.onnx, &lt;obj&gt;_AE_&lt;k&gt;_score.onnx   ONNX exports
/// evaluation/                         output of <c>hltad evaluate</c>
/// </code>
/// </summary>
public sealed class EnsembleLayout
{
    public const string ModelFileName = "model.hltad";
    public const string CheckpointFileName = "checkpoint.hltad";
    public const string HistoryFileName = "history.csv";
    public const string DocumentationFileName = "training_documentation.jsonl";
    public const string TrialFileName = "trial.json";

    public EnsembleLayout(string savePath)
    {
        SavePath = Path.GetFullPath(savePath);
    }

    public string SavePath { get; }

    public string TrialFile => Path.Combine(SavePath, TrialFileName);

    public string DocumentationFile => Path.Combine(SavePath, DocumentationFileName);

    public string PreprocessedDirectory => Path.Combine(SavePath, "preprocessed");

    public string EvaluationDirectory => Path.Combine(SavePath, "evaluation");

    /// <summary>Names the preprocessed samples a trial trained on when they are not in <see
    /// cref="PreprocessedDirectory"/>.</summary>
    public string PreprocessedLinkFile => Path.Combine(SavePath, "preprocessed_path.txt");

    /// <summary>The folder recorded in <see cref="PreprocessedLinkFile"/>, or null.</summary>
    public string? RecordedPreprocessedDirectory() =>
        File.Exists(PreprocessedLinkFile) ? File.ReadAllText(PreprocessedLinkFile).Trim() : null;

    public string MemberDirectory(int member, ObjectType objectType) =>
        Path.Combine(SavePath, $"member_{member.ToString(CultureInfo.InvariantCulture)}", OptionNames.Of(objectType));

    public string ModelFile(int member, ObjectType objectType) =>
        Path.Combine(MemberDirectory(member, objectType), ModelFileName);

    public string CheckpointFile(int member, ObjectType objectType) =>
        Path.Combine(MemberDirectory(member, objectType), CheckpointFileName);

    public string HistoryFile(int member, ObjectType objectType) =>
        Path.Combine(MemberDirectory(member, objectType), HistoryFileName);

    public string OnnxFile(int member, ObjectType objectType, bool scoreOutput) =>
        Path.Combine(MemberDirectory(member, objectType),
            string.Create(CultureInfo.InvariantCulture,
                $"{OptionNames.Of(objectType)}_AE_{member}{(scoreOutput ? "_score" : "")}.onnx"));

    /// <summary>Members k for which every given object type has a finished model, in increasing k.</summary>
    public IReadOnlyList<int> FinishedMembers(IReadOnlyList<ObjectType> objectTypes)
    {
        if (!Directory.Exists(SavePath))
        {
            return [];
        }

        var members = new List<int>();
        foreach (string directory in Directory.EnumerateDirectories(SavePath, "member_*"))
        {
            string suffix = Path.GetFileName(directory)["member_".Length..];
            if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int member)
                && objectTypes.All(objectType => File.Exists(ModelFile(member, objectType))))
            {
                members.Add(member);
            }
        }

        members.Sort();
        return members;
    }
}
