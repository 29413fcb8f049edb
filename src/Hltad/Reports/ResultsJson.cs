using System.Text.Json;
using Hltad.Evaluation;
using Hltad.Io;

namespace Hltad.Reports;

/// <summary>
/// Reads and writes <c>results.json</c> (docs/results-format.md): settings, per member and object type the
/// thresholds, rates, efficiencies, ROC figures and pileup efficiency, and the ensemble summary.
/// The text is deterministic: fixed key order, tags in ordinal order, numbers in shortest round-trip form,
/// missing values as <c>null</c>.
/// </summary>
public static class ResultsJson
{
    /// <summary>Version written to <c>format_version</c>; the reader accepts only this.</summary>
    public const int FormatVersion = 1;

    /// <summary>The UTF-8 text of <c>results.json</c> for <paramref name="results"/>.</summary>
    public static byte[] Serialize(EvaluationResults results)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            ResultsJsonWriter.WriteResults(writer, results);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Writes <c>results.json</c> atomically (temporary name, then rename).</summary>
    public static void Write(string path, EvaluationResults results) =>
        AtomicFile.WriteAllBytes(path, Serialize(results));

    /// <summary>
    /// Reads a <c>results.json</c>; ROC curves are not stored, so every <see cref="SampleRoc.Curve"/> is null.
    /// </summary>
    /// <exception cref="InputDataException">The file is missing, not JSON, or lacks a key or value.</exception>
    public static EvaluationResults Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new InputDataException(path, null, $"cannot read: {e.Message}", e);
        }

        return Parse(content, path);
    }

    /// <summary>Parses the text of a <c>results.json</c>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InputDataException">Not JSON, another format version, or a key or value is missing.</exception>
    public static EvaluationResults Parse(ReadOnlySpan<byte> content, string source = "results.json")
    {
        try
        {
            var reader = new Utf8JsonReader(content);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            return new ResultsJsonReader(source).ReadResults(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InputDataException(source, null, $"not valid JSON: {e.Message}", e);
        }
    }
}
