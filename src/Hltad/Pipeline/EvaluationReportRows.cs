using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Evaluation;
using Hltad.Preprocessing;

namespace Hltad.Pipeline;

/// <summary>The configuration table of the report: the trial's keys, then what preprocessing decided.</summary>
internal static class EvaluationReportRows
{
    /// <summary>
    /// Every key of the trial JSON with its value (strings unquoted, lists comma-separated), then the
    /// preprocessing's L1AD threshold and rates, split, and the events of the training, validation and
    /// evaluated samples.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Configuration(
        TrialConfig config,
        PreprocessInfo info,
        IReadOnlyList<PreprocessedSample> samples)
    {
        var rows = new List<KeyValuePair<string, string>>();
        JsonObject trial = JsonNode.Parse(config.ToJson(indented: false))!.AsObject();
        foreach ((string key, JsonNode? value) in trial)
        {
            rows.Add(new(key, Text(value)));
        }

        var culture = CultureInfo.InvariantCulture;
        rows.Add(new("preprocessing: L1AD threshold", info.L1adThreshold.ToString("R", culture)));
        rows.Add(new("preprocessing: L1AD pure rate on topo2A_train",
            string.Format(culture, "{0:G6} Hz", info.L1adPureRateHz)));
        rows.Add(new("preprocessing: L1AD total rate on topo2A_train",
            string.Format(culture, "{0:G6} Hz", info.L1adTotalRateHz)));
        rows.Add(new("preprocessing: train fraction, split seed",
            string.Format(culture, "{0}, {1}", info.TrainFraction, info.SplitSeed)));
        foreach (string tag in new[] { SampleTags.Train, SampleTags.Validation })
        {
            int events = info.RowCounts.FirstOrDefault(p => p.Key == tag).Value;
            rows.Add(new($"preprocessing: {tag} events", events.ToString("N0", culture)));
        }

        rows.Add(new("evaluated samples (events)", string.Join(", ", samples
            .Where(s => !EvaluationOptions.ExcludedTags.Contains(s.Tag))
            .Select(s => string.Format(culture, "{0} ({1:N0})", s.Tag, s.Count)))));
        return rows;
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray array => string.Join(", ", array.Select(Text)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
