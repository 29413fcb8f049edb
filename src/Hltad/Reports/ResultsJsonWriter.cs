using System.Text.Json;
using Hltad.Evaluation;

namespace Hltad.Reports;

/// <summary>
/// The writing half of <see cref="ResultsJson"/>; key names and order are those of docs/results-format.md.
/// </summary>
internal static class ResultsJsonWriter
{
    public static void WriteResults(Utf8JsonWriter writer, EvaluationResults results)
    {
        EvaluationOptions options = results.Options;
        writer.WriteStartObject();
        writer.WriteNumber("format_version", ResultsJson.FormatVersion);
        writer.WriteNumber("target_rate_hz", options.TargetRateHz);
        writer.WriteNumber("l1ad_rate_hz", options.L1adRateHz);
        writer.WriteNumber("l1all_incoming_rate_hz", options.L1AllIncomingRateHz);
        writer.WriteString("background_tag", options.BackgroundTag);
        writer.WriteStartObject("l1ad");
        writer.WriteNumber("threshold", (double)options.L1adThreshold);
        writer.WriteNumber("total_rate_hz", options.L1adTotalRateHz);
        writer.WriteEndObject();

        // Members.
        writer.WriteStartArray("members");
        foreach (MemberResult member in results.Members)
        {
            writer.WriteStartObject();
            writer.WriteNumber("member", member.Member);
            foreach (ObjectTypeResult objectType in member.ObjectTypes)
            {
                writer.WritePropertyName(objectType.ObjectType);
                WriteObjectType(writer, objectType);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        // Summary.
        writer.WriteStartObject("summary");
        foreach (ObjectTypeSummary summary in results.Summary.ObjectTypes)
        {
            writer.WritePropertyName(summary.ObjectType);
            WriteSummary(writer, summary);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteObjectType(Utf8JsonWriter writer, ObjectTypeResult result)
    {
        writer.WriteStartObject();
        foreach (SeedingScheme seeding in new[] { SeedingScheme.L1Seeded, SeedingScheme.L1All })
        {
            writer.WritePropertyName(SchemeNames.Key(seeding));
            WriteScheme(writer, result.Scheme(seeding), result.Tags);
        }

        writer.WritePropertyName("pileup");
        if (result.Pileup is { } pileup)
        {
            writer.WriteStartObject();
            writer.WriteNumber("confidence_level", Physics.PhysicsConstants.PileupConfidenceLevel);
            WriteArray(writer, "edges", pileup.Edges.Select(e => (double?)e));
            WriteArray(writer, "efficiency", pileup.Efficiency);
            WriteArray(writer, "lower", pileup.Lower);
            WriteArray(writer, "upper", pileup.Upper);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    private static void WriteScheme(Utf8JsonWriter writer, SchemeResult scheme, IReadOnlyList<string> tags)
    {
        writer.WriteStartObject();
        writer.WriteNumber("threshold", (double)scheme.Threshold.Threshold);
        writer.WriteNumber("pure_rate_hz", scheme.Threshold.PureRateHz);
        writer.WriteNumber("total_rate_hz", scheme.Threshold.TotalRateHz);
        writer.WriteNumber("incoming_rate_hz", scheme.Threshold.IncomingRateHz);
        writer.WriteNumber("target_fpr", scheme.TargetFpr);
        foreach (EfficiencyKind kind in EfficiencyScheme.KindsOf(scheme.Seeding))
        {
            writer.WriteStartObject(SchemeNames.Key(kind));
            foreach (string tag in Ordered(tags))
            {
                SampleEfficiency efficiency =
                    scheme.Efficiencies[kind].GetValueOrDefault(tag) ?? SampleEfficiency.Empty;
                writer.WriteStartObject(tag);
                WriteNumberOrNull(writer, "HLT_efficiency", efficiency.HltEfficiency);
                WriteNumberOrNull(writer, "Combined_efficiency", efficiency.CombinedEfficiency);
                WriteNumberOrNull(writer, "gain_percent", efficiency.GainPercent);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("roc");
        foreach (string tag in Ordered(tags))
        {
            SampleRoc roc = scheme.Roc.GetValueOrDefault(tag) ?? SampleRoc.Empty;
            writer.WriteStartObject(tag);
            WriteNumberOrNull(writer, "auc", roc.Auc);
            WriteNumberOrNull(writer, "signal_efficiency", roc.SignalEfficiency);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, ObjectTypeSummary summary)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("members");
        foreach (int member in summary.Members)
        {
            writer.WriteNumberValue(member);
        }

        writer.WriteEndArray();
        foreach (SeedingScheme seeding in new[] { SeedingScheme.L1Seeded, SeedingScheme.L1All })
        {
            writer.WriteStartObject(SchemeNames.Key(seeding));
            foreach (EfficiencyKind kind in EfficiencyScheme.KindsOf(seeding))
            {
                writer.WriteStartObject(SchemeNames.Key(kind));
                foreach (string tag in Ordered(summary.Tags))
                {
                    SampleEfficiencySummary s = summary.Efficiencies[new EfficiencyScheme(seeding, kind)][tag];
                    writer.WriteStartObject(tag);
                    WriteStatistic(writer, "HLT_efficiency", s.HltEfficiency);
                    WriteStatistic(writer, "Combined_efficiency", s.CombinedEfficiency);
                    WriteStatistic(writer, "gain_percent", s.GainPercent);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteStartObject("roc");
            foreach (string tag in Ordered(summary.Tags))
            {
                SampleRocSummary s = summary.Roc[seeding][tag];
                writer.WriteStartObject(tag);
                WriteStatistic(writer, "auc", s.Auc);
                WriteStatistic(writer, "signal_efficiency", s.SignalEfficiency);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStatistic(Utf8JsonWriter writer, string name, SummaryStatistic statistic)
    {
        writer.WriteStartObject(name);
        WriteNumberOrNull(writer, "mean", statistic.Mean);
        WriteNumberOrNull(writer, "std", statistic.StandardDeviation);
        writer.WriteNumber("count", statistic.Count);
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<double?> values)
    {
        writer.WriteStartArray(name);
        foreach (double? value in values)
        {
            WriteValueOrNull(writer, value);
        }

        writer.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        WriteValueOrNull(writer, value);
    }

    /// <summary>A finite number as is; null, NaN and ±∞ (which JSON cannot hold) as null.</summary>
    private static void WriteValueOrNull(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    internal static IEnumerable<string> Ordered(IEnumerable<string> tags) => tags.Order(StringComparer.Ordinal);
}
