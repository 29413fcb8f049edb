using System.Text.Json;
using Hltad.Evaluation;
using Hltad.Io;

namespace Hltad.Reports;

/// <summary>
/// The reference study's two ensemble files, kept for continuity (SEMANTICS.md section 9, "Ensemble summary"):
/// <c>stability_EG_results.json</c> = {object type: {l1SeededASE, l1SeededTSE, l1SeededMiSE, l1AllASE, l1AllTSE:
/// [per member {tag: {HLT_efficiency, Combined_efficiency}}]}} and <c>stability_E_results.json</c> =
/// {HLT_l1Seeded, L1_l1Seeded, HLT_l1All, L1_l1All: [per member {tag: signal efficiency at FPR*}]}.
/// Members in ascending order, tags in ordinal order; a missing value is <c>null</c>.
/// </summary>
public static class StabilityFiles
{
    /// <summary>File name of the efficiency-gain file.</summary>
    public const string EfficiencyGainFileName = "stability_EG_results.json";

    /// <summary>File name of the signal-efficiency file.</summary>
    public const string EfficiencyFileName = "stability_E_results.json";

    /// <summary>Writes both files into <paramref name="directory"/>, each atomically.</summary>
    public static void Write(string directory, EvaluationResults results)
    {
        AtomicFile.WriteAllBytes(Path.Combine(directory, EfficiencyGainFileName), SerializeEfficiencyGains(results));
        AtomicFile.WriteAllBytes(Path.Combine(directory, EfficiencyFileName), SerializeEfficiencies(results));
    }

    /// <summary>The text of <c>stability_EG_results.json</c>.</summary>
    public static byte[] SerializeEfficiencyGains(EvaluationResults results) => Serialize(writer =>
    {
        writer.WriteStartObject();
        foreach (string objectType in results.ObjectTypes)
        {
            writer.WriteStartObject(objectType);
            foreach (EfficiencyScheme scheme in EfficiencyScheme.All)
            {
                writer.WriteStartArray(scheme.Key);
                foreach (ObjectTypeResult result in PerMember(results, objectType))
                {
                    writer.WriteStartObject();
                    foreach (string tag in ResultsJsonWriter.Ordered(result.Tags))
                    {
                        SampleEfficiency e =
                            result.Efficiencies(scheme).GetValueOrDefault(tag) ?? SampleEfficiency.Empty;
                        writer.WriteStartObject(tag);
                        WriteNumberOrNull(writer, "HLT_efficiency", e.HltEfficiency);
                        WriteNumberOrNull(writer, "Combined_efficiency", e.CombinedEfficiency);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    /// <summary>The text of <c>stability_E_results.json</c>.</summary>
    public static byte[] SerializeEfficiencies(EvaluationResults results) => Serialize(writer =>
    {
        writer.WriteStartObject();
        foreach (SeedingScheme seeding in new[] { SeedingScheme.L1Seeded, SeedingScheme.L1All })
        {
            foreach (string objectType in results.ObjectTypes)
            {
                writer.WriteStartArray($"{objectType}_{SchemeNames.Key(seeding)}");
                foreach (ObjectTypeResult result in PerMember(results, objectType))
                {
                    writer.WriteStartObject();
                    foreach (string tag in ResultsJsonWriter.Ordered(result.Tags))
                    {
                        double? efficiency = result.Scheme(seeding).Roc.GetValueOrDefault(tag)?.SignalEfficiency;
                        WriteNumberOrNull(writer, tag, efficiency);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    });

    private static IEnumerable<ObjectTypeResult> PerMember(EvaluationResults results, string objectType) =>
        results.Members.OrderBy(m => m.Member).Select(m => m.Find(objectType)).OfType<ObjectTypeResult>();

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
