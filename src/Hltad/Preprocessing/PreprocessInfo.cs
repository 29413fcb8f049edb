using System.Globalization;
using System.Text;
using System.Text.Json;
using Hltad.Configuration;
using Hltad.Data;
using Hltad.Io;

namespace Hltad.Preprocessing;

/// <summary>
/// What preprocessing decided, as written to <c>preprocess_info.json</c>: the options, the L1AD threshold and its
/// rates (section 6 step 1, reused by evaluation), the fitted normalisation constants, the code → tag map of
/// <see cref="PreprocessedSample.SourceTag"/> and the row count of every preprocessed sample.
/// </summary>
/// <remarks>
/// JSON keys: <c>format</c>, <c>train_data_scheme</c>, <c>pt_normalization_type</c>, <c>mask</c>,
/// <c>L1AD_rate</c>, <c>incoming_rate</c> (Hz), <c>L1AD_threshold</c>, <c>L1AD_pure_rate</c>,
/// <c>L1AD_total_rate</c> (Hz), <c>split_seed</c>, <c>train_fraction</c>,
/// <c>scalers</c> (<c>{"HLT": {"mean": [48], "std": [48]}, "L1": …}</c> or null),
/// <c>global_division_means</c> (<c>{"HLT": x, "L1": y}</c> or null),
/// <c>source_tags</c> (<c>{"0": tag, …}</c>), <c>row_counts</c> (<c>{sample: rows}</c>, in output order).
/// </remarks>
public sealed record PreprocessInfo
{
    /// <summary>Value of the <c>format</c> key.</summary>
    public const string Format = "hltad.preprocess_info/1";

    public required TrainDataScheme Scheme { get; init; }

    public required PtNormalization Normalization { get; init; }

    public required LossMaskKind Mask { get; init; }

    /// <summary>The L1AD pure-rate budget asked for, Hz.</summary>
    public required double L1adRateHz { get; init; }

    /// <summary>The L1 input rate, Hz.</summary>
    public required double IncomingRateHz { get; init; }

    /// <summary>L1AD score threshold: an event is L1Seeded when its score is ≥ this.</summary>
    public required float L1adThreshold { get; init; }

    /// <summary>L1AD pure rate at the threshold on topo2A_train, Hz.</summary>
    public required double L1adPureRateHz { get; init; }

    /// <summary>L1AD total rate at the threshold on topo2A_train, Hz: the input rate of L1-seeded HLTAD.</summary>
    public required double L1adTotalRateHz { get; init; }

    public required ulong SplitSeed { get; init; }

    public required double TrainFraction { get; init; }

    /// <summary>Scaler of the HLT inputs; null unless a standard scaler normalisation.</summary>
    public ScalerStatistics? HltScaler { get; init; }

    public ScalerStatistics? L1Scaler { get; init; }

    /// <summary>Mean over EB_train of the per-event HLT Σpt; null unless <c>global_division</c>.</summary>
    public double? HltGlobalDivisionMean { get; init; }

    public double? L1GlobalDivisionMean { get; init; }

    /// <summary>Matched tags by code (index), sorted by ordinal name.</summary>
    public required IReadOnlyList<string> SourceTags { get; init; }

    /// <summary>Rows of every preprocessed sample, in output order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> RowCounts { get; init; }

    public ScalerStatistics? ScalerFor(ObjectType type) => type == ObjectType.Hlt ? HltScaler : L1Scaler;

    public double? GlobalDivisionMeanFor(ObjectType type) =>
        type == ObjectType.Hlt ? HltGlobalDivisionMean : L1GlobalDivisionMean;

    /// <summary>The JSON form (see remarks), indented.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("train_data_scheme", OptionNames.Of(Scheme));
            w.WriteString("pt_normalization_type", OptionNames.Of(Normalization));
            w.WriteString("mask", OptionNames.Of(Mask));
            w.WriteNumber("L1AD_rate", L1adRateHz);
            w.WriteNumber("incoming_rate", IncomingRateHz);
            w.WriteNumber("L1AD_threshold", L1adThreshold);
            w.WriteNumber("L1AD_pure_rate", L1adPureRateHz);
            w.WriteNumber("L1AD_total_rate", L1adTotalRateHz);
            w.WriteNumber("split_seed", SplitSeed);
            w.WriteNumber("train_fraction", TrainFraction);
            WriteScalers(w);
            WriteGlobalDivisionMeans(w);
            w.WriteStartObject("source_tags");
            for (int code = 0; code < SourceTags.Count; code++)
            {
                w.WriteString(code.ToString(CultureInfo.InvariantCulture), SourceTags[code]);
            }

            w.WriteEndObject();
            w.WriteStartObject("row_counts");
            foreach ((string tag, int rows) in RowCounts)
            {
                w.WriteNumber(tag, rows);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the JSON form back.</summary>
    /// <param name="json">The text of a <c>preprocess_info.json</c>.</param>
    /// <param name="source">Names the text in errors (its path).</param>
    /// <exception cref="InputDataException">Not valid JSON, a missing key or a value of the wrong kind.</exception>
    public static PreprocessInfo FromJson(string json, string source = "preprocess_info.json")
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return PreprocessInfoReader.Read(document.RootElement, source);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException
            or KeyNotFoundException)
        {
            throw new InputDataException(source, null, $"not a valid preprocess_info.json: {e.Message}", e);
        }
    }

    /// <summary>Writes <see cref="ToJson"/> to a file, through a temporary name renamed when complete.</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(ToJson()));

    /// <summary>Reads a <c>preprocess_info.json</c> file.</summary>
    /// <exception cref="InputDataException">The file cannot be read or is not valid.</exception>
    public static PreprocessInfo Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputDataException(path, null, $"cannot read: {e.Message}", e);
        }

        return FromJson(json, path);
    }

    private void WriteScalers(Utf8JsonWriter w)
    {
        if (HltScaler is null && L1Scaler is null)
        {
            w.WriteNull("scalers");
            return;
        }

        w.WriteStartObject("scalers");
        foreach ((string name, ScalerStatistics? scaler) in new[] { ("HLT", HltScaler), ("L1", L1Scaler) })
        {
            if (scaler is null)
            {
                continue;
            }

            w.WriteStartObject(name);
            WriteArray(w, "mean", scaler.Mean);
            WriteArray(w, "std", scaler.Std);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private void WriteGlobalDivisionMeans(Utf8JsonWriter w)
    {
        if (HltGlobalDivisionMean is null && L1GlobalDivisionMean is null)
        {
            w.WriteNull("global_division_means");
            return;
        }

        w.WriteStartObject("global_division_means");
        if (HltGlobalDivisionMean is double hlt)
        {
            w.WriteNumber("HLT", hlt);
        }

        if (L1GlobalDivisionMean is double l1)
        {
            w.WriteNumber("L1", l1);
        }

        w.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }
}
