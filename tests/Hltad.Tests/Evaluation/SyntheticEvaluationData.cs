using System.Text.Json;
using Hltad.Evaluation;

namespace Hltad.Tests.Evaluation;

/// <summary>
/// The seeded synthetic data set of tools/reference/evaluation_reference.py (TestData/evaluation/
/// synthetic_dataset.json), decoded as the script decodes it: score = float32(k / 1000),
/// pileup = float32(k / 100), flags as '0'/'1' strings.
/// </summary>
internal static class SyntheticEvaluationData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "evaluation");

    public static string ExpectedPath => Path.Combine(Folder, "synthetic_expected.json");

    private static readonly Lazy<(IReadOnlyList<EvaluationSample>, IReadOnlyList<MemberScores>, EvaluationOptions)>
        Cache = new(Decode);

    public static IReadOnlyList<EvaluationSample> Samples => Cache.Value.Item1;

    public static IReadOnlyList<MemberScores> Members => Cache.Value.Item2;

    public static EvaluationOptions Options => Cache.Value.Item3;

    private static (IReadOnlyList<EvaluationSample>, IReadOnlyList<MemberScores>, EvaluationOptions) Decode()
    {
        byte[] text = File.ReadAllBytes(Path.Combine(Folder, "synthetic_dataset.json"));
        using JsonDocument document = JsonDocument.Parse(text);
        JsonElement root = document.RootElement;
        JsonElement o = root.GetProperty("options");
        var options = new EvaluationOptions(
            o.GetProperty("l1ad_rate_hz").GetDouble(),
            (float)o.GetProperty("l1ad_threshold").GetDouble(),
            o.GetProperty("l1ad_total_rate_hz").GetDouble(),
            o.GetProperty("target_rate_hz").GetDouble(),
            o.GetProperty("l1all_incoming_rate_hz").GetDouble(),
            o.GetProperty("background_tag").GetString()!);

        var samples = new List<EvaluationSample>();
        foreach (JsonElement s in root.GetProperty("samples").EnumerateArray())
        {
            float[]? pileups = s.TryGetProperty("pileups_centi", out JsonElement centi)
                ? centi.EnumerateArray().Select(k => (float)(k.GetInt64() / 100.0)).ToArray()
                : null;
            samples.Add(new EvaluationSample(
                s.GetProperty("tag").GetString()!,
                s.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray(),
                Flags(s, "passL1"),
                Flags(s, "passHLT"),
                Flags(s, "L1Seeded"),
                pileups));
        }

        var members = new List<MemberScores>();
        foreach (JsonElement m in root.GetProperty("members").EnumerateArray())
        {
            var objectTypes = new List<ObjectTypeScores>();
            foreach (JsonProperty obj in m.GetProperty("scores_milli").EnumerateObject())
            {
                var perTag = obj.Value.EnumerateObject().ToDictionary(
                    t => t.Name,
                    t => t.Value.EnumerateArray().Select(k => (float)(k.GetInt64() / 1000.0)).ToArray());
                objectTypes.Add(new ObjectTypeScores(obj.Name, perTag));
            }

            members.Add(new MemberScores(m.GetProperty("member").GetInt32(), objectTypes));
        }

        return (samples, members, options);
    }

    private static bool[] Flags(JsonElement sample, string name) =>
        sample.GetProperty(name).GetString()!.Select(c => c == '1').ToArray();
}
