using System.Globalization;
using System.Text.Json;
using Hltad.Configuration;
using Hltad.Physics;

namespace Hltad.Preprocessing;

/// <summary>Reads the JSON form of <see cref="PreprocessInfo"/>; every problem names the key.</summary>
internal static class PreprocessInfoReader
{
    public static PreprocessInfo Read(JsonElement root, string source)
    {
        string format = Text(root, source, "format");
        if (format != PreprocessInfo.Format)
        {
            throw Bad(source, "format", $"is '{format}', expected '{PreprocessInfo.Format}'");
        }

        return new PreprocessInfo
        {
            Scheme = OptionNames.TryParse(Text(root, source, "train_data_scheme"), out TrainDataScheme scheme)
                ? scheme
                : throw Bad(source, "train_data_scheme", "is not a known scheme"),
            Normalization = OptionNames.TryParse(Text(root, source, "pt_normalization_type"), out PtNormalization norm)
                ? norm
                : throw Bad(source, "pt_normalization_type", "is not a known normalisation"),
            Mask = OptionNames.TryParse(Text(root, source, "mask"), out LossMaskKind mask)
                ? mask
                : throw Bad(source, "mask", "is not a known mask"),
            L1adRateHz = Get(root, "L1AD_rate", source).GetDouble(),
            IncomingRateHz = Get(root, "incoming_rate", source).GetDouble(),
            L1adThreshold = Get(root, "L1AD_threshold", source).GetSingle(),
            L1adPureRateHz = Get(root, "L1AD_pure_rate", source).GetDouble(),
            L1adTotalRateHz = Get(root, "L1AD_total_rate", source).GetDouble(),
            SplitSeed = Get(root, "split_seed", source).GetUInt64(),
            TrainFraction = Get(root, "train_fraction", source).GetDouble(),
            HltScaler = Scaler(root, "HLT", source),
            L1Scaler = Scaler(root, "L1", source),
            HltGlobalDivisionMean = Mean(root, "HLT", source),
            L1GlobalDivisionMean = Mean(root, "L1", source),
            SourceTags = SourceTags(root, source),
            RowCounts = Get(root, "row_counts", source).EnumerateObject()
                .Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt32()))
                .ToArray(),
        };
    }

    private static JsonElement Get(JsonElement root, string key, string source) =>
        root.TryGetProperty(key, out JsonElement value) ? value : throw Bad(source, key, "is missing");

    private static string Text(JsonElement root, string source, string key) =>
        Get(root, key, source).GetString() ?? throw Bad(source, key, "is null");

    private static ScalerStatistics? Scaler(JsonElement root, string type, string source)
    {
        JsonElement scalers = Get(root, "scalers", source);
        if (scalers.ValueKind == JsonValueKind.Null || !scalers.TryGetProperty(type, out JsonElement scaler))
        {
            return null;
        }

        double[] Column(string name)
        {
            double[] values = Get(scaler, name, source).EnumerateArray().Select(v => v.GetDouble()).ToArray();
            return values.Length == ObjectLayout.Features
                ? values
                : throw Bad(source, $"scalers.{type}.{name}", $"has {values.Length} values, expected 48");
        }

        bool zeroAware = Get(root, "pt_normalization_type", source).GetString()
            == OptionNames.Of(PtNormalization.ZeroAwareStandardScaler);
        return new ScalerStatistics(Column("mean"), Column("std"), zeroAware);
    }

    private static double? Mean(JsonElement root, string type, string source)
    {
        JsonElement means = Get(root, "global_division_means", source);
        return means.ValueKind != JsonValueKind.Null && means.TryGetProperty(type, out JsonElement mean)
            ? mean.GetDouble()
            : null;
    }

    private static string[] SourceTags(JsonElement root, string source)
    {
        var tags = Get(root, "source_tags", source).EnumerateObject().ToArray();
        var byCode = new string[tags.Length];
        foreach (JsonProperty tag in tags)
        {
            if (!int.TryParse(tag.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                || code >= byCode.Length || byCode[code] is not null)
            {
                throw Bad(source, "source_tags",
                    $"codes must be 0 … {byCode.Length - 1}, each once; got '{tag.Name}'");
            }

            byCode[code] = tag.Value.GetString() ?? throw Bad(source, "source_tags", $"code {code} has no tag");
        }

        return byCode;
    }

    private static InputDataException Bad(string source, string key, string problem) =>
        new(source, null, $"'{key}' {problem}");
}
