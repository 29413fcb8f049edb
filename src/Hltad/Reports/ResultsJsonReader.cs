using System.Text.Json;
using Hltad.Evaluation;
using Hltad.Rates;

namespace Hltad.Reports;

/// <summary>The reading half of <see cref="ResultsJson"/>: every missing key is an error naming its path.</summary>
internal sealed class ResultsJsonReader(string source)
{
    private static readonly string[] SchemeKeys = ["l1Seeded", "l1All"];

    public EvaluationResults ReadResults(JsonElement root)
    {
        int version = (int)Number(root, "format_version", "");
        if (version != ResultsJson.FormatVersion)
        {
            throw Problem("format_version", $"is {version}; this hltad reads version {ResultsJson.FormatVersion}");
        }

        JsonElement l1ad = Child(root, "l1ad", "");
        var options = new EvaluationOptions(
            L1adRateHz: Number(root, "l1ad_rate_hz", ""),
            L1adThreshold: (float)Number(l1ad, "threshold", "l1ad"),
            L1adTotalRateHz: Number(l1ad, "total_rate_hz", "l1ad"),
            TargetRateHz: Number(root, "target_rate_hz", ""),
            L1AllIncomingRateHz: Number(root, "l1all_incoming_rate_hz", ""),
            BackgroundTag: Child(root, "background_tag", "").GetString() ?? throw Problem("background_tag", "is null"));

        var members = new List<MemberResult>();
        int index = 0;
        foreach (JsonElement member in Child(root, "members", "").EnumerateArray())
        {
            members.Add(ReadMember(member, $"members[{index++}]"));
        }

        var summaries = new List<ObjectTypeSummary>();
        foreach (JsonProperty objectType in Child(root, "summary", "").EnumerateObject())
        {
            summaries.Add(ReadSummary(objectType.Name, objectType.Value, $"summary.{objectType.Name}"));
        }

        var summary = new EnsembleSummary(members.Select(m => m.Member).Order().ToArray(), summaries);
        return new EvaluationResults(options, members, summary);
    }

    private MemberResult ReadMember(JsonElement element, string path)
    {
        int member = (int)Number(element, "member", path);
        var objectTypes = new List<ObjectTypeResult>();
        foreach (JsonProperty property in element.EnumerateObject().Where(p => p.Name != "member"))
        {
            string where = $"{path}.{property.Name}";
            SchemeResult l1Seeded = ReadScheme(SeedingScheme.L1Seeded, Child(property.Value, "l1Seeded", where),
                where + ".l1Seeded");
            SchemeResult l1All = ReadScheme(
                SeedingScheme.L1All, Child(property.Value, "l1All", where), where + ".l1All");
            JsonElement pileup = Child(property.Value, "pileup", where);
            string[] tags = l1Seeded.Efficiencies[EfficiencyKind.Ase].Keys.ToArray();
            objectTypes.Add(new ObjectTypeResult(property.Name, tags, l1Seeded, l1All,
                pileup.ValueKind == JsonValueKind.Null ? null : ReadPileup(pileup, where + ".pileup")));
        }

        return new MemberResult(member, objectTypes);
    }

    private SchemeResult ReadScheme(SeedingScheme seeding, JsonElement element, string path)
    {
        var threshold = new RateThreshold(
            (float)Number(element, "threshold", path),
            Number(element, "pure_rate_hz", path),
            Number(element, "total_rate_hz", path),
            Number(element, "incoming_rate_hz", path));
        var efficiencies = new Dictionary<EfficiencyKind, IReadOnlyDictionary<string, SampleEfficiency>>();
        foreach (EfficiencyKind kind in EfficiencyScheme.KindsOf(seeding))
        {
            string key = SchemeNames.Key(kind);
            var perTag = new SortedDictionary<string, SampleEfficiency>(StringComparer.Ordinal);
            foreach (JsonProperty tag in Child(element, key, path).EnumerateObject())
            {
                string where = $"{path}.{key}.{tag.Name}";
                perTag[tag.Name] = new SampleEfficiency(
                    NumberOrNull(tag.Value, "HLT_efficiency", where),
                    NumberOrNull(tag.Value, "Combined_efficiency", where),
                    NumberOrNull(tag.Value, "gain_percent", where));
            }

            efficiencies[kind] = perTag;
        }

        var roc = new SortedDictionary<string, SampleRoc>(StringComparer.Ordinal);
        foreach (JsonProperty tag in Child(element, "roc", path).EnumerateObject())
        {
            string where = $"{path}.roc.{tag.Name}";
            roc[tag.Name] = new SampleRoc(
                NumberOrNull(tag.Value, "auc", where), NumberOrNull(tag.Value, "signal_efficiency", where), null);
        }

        return new SchemeResult(seeding, threshold, Number(element, "target_fpr", path), efficiencies, roc);
    }

    private PileupEfficiency ReadPileup(JsonElement element, string path) => new(
        Array(element, "edges", path).Select(v => v ?? throw Problem(path + ".edges", "holds a null")).ToArray(),
        Array(element, "efficiency", path),
        Array(element, "lower", path),
        Array(element, "upper", path));

    private ObjectTypeSummary ReadSummary(string objectType, JsonElement element, string path)
    {
        int[] members = Child(element, "members", path).EnumerateArray().Select(m => m.GetInt32()).ToArray();
        var efficiencies = new Dictionary<EfficiencyScheme, IReadOnlyDictionary<string, SampleEfficiencySummary>>();
        var roc = new Dictionary<SeedingScheme, IReadOnlyDictionary<string, SampleRocSummary>>();
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string seedingKey in SchemeKeys)
        {
            SeedingScheme seeding = SchemeNames.ParseSeeding(seedingKey);
            JsonElement block = Child(element, seedingKey, path);
            string where = $"{path}.{seedingKey}";
            foreach (EfficiencyKind kind in EfficiencyScheme.KindsOf(seeding))
            {
                var perTag = new SortedDictionary<string, SampleEfficiencySummary>(StringComparer.Ordinal);
                foreach (JsonProperty tag in Child(block, SchemeNames.Key(kind), where).EnumerateObject())
                {
                    string at = $"{where}.{SchemeNames.Key(kind)}.{tag.Name}";
                    tags.Add(tag.Name);
                    perTag[tag.Name] = new SampleEfficiencySummary(
                        Statistic(tag.Value, "HLT_efficiency", at),
                        Statistic(tag.Value, "Combined_efficiency", at),
                        Statistic(tag.Value, "gain_percent", at));
                }

                efficiencies[new EfficiencyScheme(seeding, kind)] = perTag;
            }

            var rocPerTag = new SortedDictionary<string, SampleRocSummary>(StringComparer.Ordinal);
            foreach (JsonProperty tag in Child(block, "roc", where).EnumerateObject())
            {
                string at = $"{where}.roc.{tag.Name}";
                rocPerTag[tag.Name] = new SampleRocSummary(
                    Statistic(tag.Value, "auc", at), Statistic(tag.Value, "signal_efficiency", at));
            }

            roc[seeding] = rocPerTag;
        }

        return new ObjectTypeSummary(objectType, members, tags.ToArray(), efficiencies, roc);
    }

    private SummaryStatistic Statistic(JsonElement parent, string key, string path)
    {
        JsonElement element = Child(parent, key, path);
        string where = $"{path}.{key}";
        return new SummaryStatistic(
            NumberOrNull(element, "mean", where),
            NumberOrNull(element, "std", where),
            (int)Number(element, "count", where));
    }

    private double?[] Array(JsonElement parent, string key, string path) =>
        Child(parent, key, path).EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())
            .ToArray();

    private double Number(JsonElement parent, string key, string path) =>
        NumberOrNull(parent, key, path) ?? throw Problem(Join(path, key), "is null");

    private double? NumberOrNull(JsonElement parent, string key, string path)
    {
        JsonElement element = Child(parent, key, path);
        return element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => element.GetDouble(),
            _ => throw Problem(Join(path, key), $"is {element.ValueKind}, not a number"),
        };
    }

    private JsonElement Child(JsonElement parent, string key, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(key, out JsonElement child))
        {
            throw Problem(Join(path, key), "is missing");
        }

        return child;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private InputDataException Problem(string key, string problem) => new(source, null, $"'{key}' {problem}");
}
