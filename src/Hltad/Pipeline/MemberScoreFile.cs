using System.Globalization;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Io;

namespace Hltad.Pipeline;

/// <summary>
/// One member's HLTAD scores of one sample, <c>scores/member_&lt;k&gt;/&lt;tag&gt;.h5</c> under the evaluation
/// folder: <c>HLT_AD_scores</c> and <c>L1_AD_scores</c>, (N,) float32, row i the score (SEMANTICS.md section 8)
/// of row i of the preprocessed <c>&lt;tag&gt;.h5</c>; attributes <c>tag</c> and <c>member</c>. A trial trained
/// for one object type only has only that dataset.
/// </summary>
public static class MemberScoreFile
{
    /// <summary>Folder of the score files under the evaluation folder.</summary>
    public const string DirectoryName = "scores";

    public const string TagAttribute = "tag";

    public const string MemberAttribute = "member";

    /// <summary>Name of the score dataset of an object type: <c>HLT_AD_scores</c> or <c>L1_AD_scores</c>.</summary>
    public static string DatasetName(ObjectType objectType) => $"{OptionNames.Of(objectType)}_AD_scores";

    /// <summary><c>&lt;evaluation&gt;/scores/member_&lt;k&gt;/&lt;tag&gt;.h5</c>.</summary>
    public static string PathOf(string evaluationDirectory, int member, string tag) =>
        Path.Combine(evaluationDirectory, DirectoryName,
            $"member_{member.ToString(CultureInfo.InvariantCulture)}", tag + ".h5");

    /// <summary>The datasets of one score file, ready for <see cref="Hdf5Writer"/>.</summary>
    /// <param name="member">Member index k.</param>
    /// <param name="tag">Sample tag.</param>
    /// <param name="scores">Scores per object type, in the order to write them; all of one length.</param>
    public static Hdf5Datasets Contents(int member, string tag, IReadOnlyList<(ObjectType Type, float[] Scores)> scores)
    {
        var contents = new Hdf5Datasets();
        foreach ((ObjectType type, float[] values) in scores)
        {
            contents.Add(DatasetName(type), values, values.Length);
        }

        return contents.AddAttribute(TagAttribute, tag).AddAttribute(MemberAttribute, member);
    }

    /// <summary>Reads the scores of the given object types from a score file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="objectTypes">Which datasets to read.</param>
    /// <param name="rows">The row count of the preprocessed sample; null to accept any (all datasets equal).</param>
    /// <exception cref="InputDataException">The file or a dataset is missing, or a row count differs.</exception>
    public static IReadOnlyDictionary<ObjectType, float[]> Read(
        string path,
        IReadOnlyList<ObjectType> objectTypes,
        int? rows = null)
    {
        if (!File.Exists(path))
        {
            throw new InputDataException(path, null, "score file not found");
        }

        using Hdf5Reader reader = Hdf5Reader.Open(path);
        var scores = new Dictionary<ObjectType, float[]>();
        foreach (ObjectType type in objectTypes)
        {
            string name = DatasetName(type);
            if (!reader.Contains(name))
            {
                throw new InputDataException(path, name, "no such dataset");
            }

            float[] values = reader.ReadFloat32(name);
            int expected = rows ?? scores.Values.FirstOrDefault()?.Length ?? values.Length;
            if (values.Length != expected)
            {
                throw new InputDataException(path, name,
                    $"has {values.Length} rows, the preprocessed sample has {expected}");
            }

            scores[type] = values;
        }

        return scores;
    }

    /// <summary>
    /// Whether a score file can be reused: it exists, was written after every file in
    /// <paramref name="inputs"/> (the member's models and the preprocessed sample), and holds every wanted dataset
    /// with <paramref name="rows"/> rows. Returns the scores, or null when the file must be made again.
    /// </summary>
    public static IReadOnlyDictionary<ObjectType, float[]>? TryReuse(
        string path,
        IReadOnlyList<ObjectType> objectTypes,
        int rows,
        IEnumerable<string> inputs)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        DateTime written = File.GetLastWriteTimeUtc(path);
        if (inputs.Any(input => !File.Exists(input) || File.GetLastWriteTimeUtc(input) >= written))
        {
            return null;
        }

        try
        {
            return Read(path, objectTypes, rows);
        }
        catch (HltadException)
        {
            return null;
        }
    }
}
