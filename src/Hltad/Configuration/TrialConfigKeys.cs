using System.Globalization;
using System.Text.Json;
using Hltad.Data;
using Hltad.Preprocessing;

namespace Hltad.Configuration;

/// <summary>The table of <see cref="TrialConfig"/> keys: names as in the reference study, allowed values.</summary>
internal static class TrialConfigKeys
{
    public static IReadOnlyList<TrialConfigKey> All { get; } =
    [
        Enumerated<TrainDataScheme>(
            "train_data_scheme", OptionNames.TrainDataSchemeNames, OptionNames.TryParse, OptionNames.Of,
            c => c.TrainDataScheme, (c, v) => c with { TrainDataScheme = v }),
        Enumerated<PtNormalization>(
            "pt_normalization_type", OptionNames.PtNormalizationNames, OptionNames.TryParse, OptionNames.Of,
            c => c.PtNormalization, (c, v) => c with { PtNormalization = v }, nullIsNone: true),
        Number("L1AD_rate", "a number of Hz > 0", c => c.L1adRateHz, (c, v) => c with { L1adRateHz = v }, IsRate),
        Path("save_path", c => c.SavePath, (c, v) => c with { SavePath = v }),
        Number(
            "dropout_p", "a number p with 0 ≤ p < 1", c => c.DropoutP, (c, v) => c with { DropoutP = v },
            v => v >= 0 && v < 1),
        Number(
            "L2_reg_coupling", "a number ≥ 0", c => c.L2RegCoupling, (c, v) => c with { L2RegCoupling = v },
            v => v >= 0 && double.IsFinite(v)),
        Integer("latent_dim", 1, c => c.LatentDim, (c, v) => c with { LatentDim = v }),
        Boolean("large_network", c => c.LargeNetwork, (c, v) => c with { LargeNetwork = v }),
        Integer("num_trainings", 1, c => c.NumTrainings, (c, v) => c with { NumTrainings = v }),
        Boolean("training_weights", c => c.TrainingWeights, (c, v) => c with { TrainingWeights = v }),
        Path("matched_path", c => c.MatchedPath, (c, v) => c with { MatchedPath = v }),
        SeedKey(),
        Integer("epochs", 1, c => c.Epochs, (c, v) => c with { Epochs = v }),
        Integer("batch_size", 1, c => c.BatchSize, (c, v) => c with { BatchSize = v }),
        Integer(
            "early_stopping_patience", 0, c => c.EarlyStoppingPatience, (c, v) => c with { EarlyStoppingPatience = v }),
        Integer("lr_patience", 0, c => c.LrPatience, (c, v) => c with { LrPatience = v }),
        ObjectTypesKey(),
        Enumerated<LossMaskKind>(
            "mask", OptionNames.MaskNames, OptionNames.TryParse, OptionNames.Of,
            c => c.Mask, (c, v) => c with { Mask = v }),
        Number("target_rate", "a number of Hz > 0", c => c.TargetRateHz, (c, v) => c with { TargetRateHz = v }, IsRate),
        Number(
            "incoming_rate", "a number of Hz > 0 (the L1 input rate)", c => c.IncomingRateHz,
            (c, v) => c with { IncomingRateHz = v }, IsRate),
    ];

    /// <summary>The key of that name; unknown names are errors listing the known keys.</summary>
    public static TrialConfigKey Find(string name)
    {
        foreach (TrialConfigKey key in All)
        {
            if (key.Name == name)
            {
                return key;
            }
        }

        string? nearly = All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;
        string hint = nearly is null ? "" : $" (did you mean '{nearly}'?)";
        throw new ConfigurationException(
            name, $"is not a known key{hint}; known keys: {string.Join(", ", All.Select(k => k.Name))}");
    }

    private static bool IsRate(double hz) => hz > 0 && double.IsFinite(hz);

    private static TrialConfigKey Number(
        string name,
        string allowed,
        Func<TrialConfig, double> get,
        Func<TrialConfig, double, TrialConfig> set,
        Func<double, bool> isAllowed) => new()
        {
            Name = name,
            Allowed = allowed,
            FromJson = (c, e) => set(c, e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v)
                ? v
                : throw Wrong(name, allowed, Describe(e))),
            FromText = (c, t) => set(
                c,
                double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                    ? v
                    : throw Wrong(name, allowed, $"'{t}'")),
            Write = (w, c) => w.WriteNumber(name, get(c)),
            Problem = c => isAllowed(get(c)) ? null : get(c).ToString("R", CultureInfo.InvariantCulture),
        };

    private static TrialConfigKey Integer(
        string name,
        int minimum,
        Func<TrialConfig, int> get,
        Func<TrialConfig, int, TrialConfig> set)
    {
        string allowed = $"an integer ≥ {minimum}";
        return new TrialConfigKey
        {
            Name = name,
            Allowed = allowed,
            FromJson = (c, e) => set(c, e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v)
                ? v
                : throw Wrong(name, allowed, Describe(e))),
            FromText = (c, t) => set(c, int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
                ? v
                : throw Wrong(name, allowed, $"'{t}'")),
            Write = (w, c) => w.WriteNumber(name, get(c)),
            Problem = c => get(c) >= minimum ? null : get(c).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static TrialConfigKey SeedKey()
    {
        const string name = "seed";
        const string allowed = "an integer from 0 to 9223372036854775807";
        return new TrialConfigKey
        {
            Name = name,
            Allowed = allowed,
            FromJson = (c, e) => c with
            {
                Seed = e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long v)
                    ? v
                    : throw Wrong(name, allowed, Describe(e)),
            },
            FromText = (c, t) => c with
            {
                Seed = long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)
                    ? v
                    : throw Wrong(name, allowed, $"'{t}'"),
            },
            Write = (w, c) => w.WriteNumber(name, c.Seed),
            Problem = c => c.Seed >= 0 ? null : c.Seed.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static TrialConfigKey Boolean(
        string name,
        Func<TrialConfig, bool> get,
        Func<TrialConfig, bool, TrialConfig> set)
    {
        const string allowed = "true or false";
        return new TrialConfigKey
        {
            Name = name,
            Allowed = allowed,
            FromJson = (c, e) => set(c, e.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Wrong(name, allowed, Describe(e)),
            }),
            FromText = (c, t) => set(c, bool.TryParse(t, out bool v) ? v : throw Wrong(name, allowed, $"'{t}'")),
            Write = (w, c) => w.WriteBoolean(name, get(c)),
            Problem = _ => null,
        };
    }

    private static TrialConfigKey Path(
        string name,
        Func<TrialConfig, string?> get,
        Func<TrialConfig, string?, TrialConfig> set)
    {
        const string allowed = "a non-empty path (or null)";
        return new TrialConfigKey
        {
            Name = name,
            Allowed = allowed,
            FromJson = (c, e) => set(c, e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Null => null,
                _ => throw Wrong(name, allowed, Describe(e)),
            }),
            FromText = set,
            Write = (w, c) =>
            {
                if (get(c) is string path)
                {
                    w.WriteString(name, path);
                }
                else
                {
                    w.WriteNull(name);
                }
            },
            Problem = c => get(c) is { } path && string.IsNullOrWhiteSpace(path) ? $"'{path}'" : null,
        };
    }

    private delegate bool NameParser<T>(string name, out T value);

    /// <summary>A string key with a fixed set of names (<see cref="OptionNames"/>).</summary>
    private static TrialConfigKey Enumerated<T>(
        string name,
        IReadOnlyList<string> names,
        NameParser<T> tryParse,
        Func<T, string> nameOf,
        Func<TrialConfig, T> get,
        Func<TrialConfig, T, TrialConfig> set,
        bool nullIsNone = false)
        where T : struct, Enum
    {
        string allowed = OptionNames.OneOf(names) + (nullIsNone ? " (or null for 'none')" : "");
        TrialConfig FromName(TrialConfig c, string text) =>
            tryParse(text, out T value) ? set(c, value) : throw Wrong(name, allowed, $"'{text}'");
        return new TrialConfigKey
        {
            Name = name,
            Allowed = allowed,
            FromJson = (c, e) => e.ValueKind switch
            {
                JsonValueKind.String => FromName(c, e.GetString()!),
                JsonValueKind.Null when nullIsNone => FromName(c, "none"),
                _ => throw Wrong(name, allowed, Describe(e)),
            },
            FromText = FromName,
            Write = (w, c) => w.WriteString(name, NameOrNumber(get(c), nameOf)),
            Problem = c => Enum.IsDefined(get(c)) ? null : NameOrNumber(get(c), nameOf),
        };
    }

    private static string NameOrNumber<T>(T value, Func<T, string> nameOf)
        where T : struct, Enum => Enum.IsDefined(value) ? nameOf(value) : value.ToString();

    private static TrialConfigKey ObjectTypesKey()
    {
        const string name = "object_types";
        string allowed = "a non-empty list of distinct entries, each " + OptionNames.OneOf(OptionNames.ObjectTypeNames);

        ObjectType Entry(string text) =>
            OptionNames.TryParse(text, out ObjectType type) ? type : throw Wrong(name, allowed, $"an entry '{text}'");

        return new TrialConfigKey
        {
            Name = name,
            Allowed = allowed,
            FromJson = (c, e) => c with
            {
                ObjectTypes = e.ValueKind == JsonValueKind.Array
                    ? e.EnumerateArray()
                        .Select(x => x.ValueKind == JsonValueKind.String
                            ? Entry(x.GetString()!)
                            : throw Wrong(name, allowed, $"an entry {Describe(x)}"))
                        .ToArray()
                    : throw Wrong(name, allowed, Describe(e)),
            },
            FromText = (c, t) => c with
            {
                ObjectTypes = t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(Entry)
                    .ToArray(),
            },
            Write = (w, c) =>
            {
                w.WriteStartArray(name);
                foreach (ObjectType type in c.ObjectTypes)
                {
                    w.WriteStringValue(NameOrNumber(type, OptionNames.Of));
                }

                w.WriteEndArray();
            },
            Problem = c => c.ObjectTypes.Count > 0
                && c.ObjectTypes.All(Enum.IsDefined)
                && c.ObjectTypes.Distinct().Count() == c.ObjectTypes.Count
                    ? null
                    : "[" + string.Join(", ", c.ObjectTypes.Select(t => NameOrNumber(t, OptionNames.Of))) + "]",
        };
    }

    private static ConfigurationException Wrong(string name, string allowed, string got) =>
        new(name, $"must be {allowed}; got {got}");

    /// <summary>A JSON value in words, for error messages.</summary>
    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };
}
