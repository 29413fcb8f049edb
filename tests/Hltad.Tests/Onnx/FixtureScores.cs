using System.Text.Json;

namespace Hltad.Tests.Onnx;

/// <summary>
/// TestData/onnx/fixture_scores.json, written by tools/reference/onnx_fixture_scores.py: per fixture model the
/// input file and dataset and the scores from evaluating the graph node by node in numpy; and a few input rows.
/// </summary>
internal static class FixtureScores
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(DataFile("fixture_scores.json"))));

    /// <summary>Path of a file in TestData/onnx.</summary>
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "onnx", name);

    /// <summary>Model path below shared/fixtures, data file, objects, kind and expected scores of a model.</summary>
    public static (string Model, string Data, string Objects, string Kind, float[] Scores) Model(string name)
    {
        JsonElement model = Document.Value.RootElement.GetProperty("models").GetProperty(name);
        float[] scores = model.GetProperty("scores").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        return (model.GetProperty("model").GetString()!, model.GetProperty("data").GetString()!,
            model.GetProperty("objects").GetString()!, model.GetProperty("kind").GetString()!, scores);
    }

    /// <summary>Row indices and their 48 flattened values of one dataset of one data file.</summary>
    public static (int[] Indices, float[][] Rows) Rows(string dataFile, string dataset)
    {
        JsonElement rows = Document.Value.RootElement.GetProperty("rows");
        int[] indices = rows.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        float[][] values = rows.GetProperty("files").GetProperty(dataFile).GetProperty(dataset).EnumerateArray()
            .Select(r => r.EnumerateArray().Select(e => e.GetSingle()).ToArray())
            .ToArray();
        return (indices, values);
    }

    /// <summary>Asserts |actual − expected| ≤ tolerance · |expected| for every event.</summary>
    public static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs((double)actual[i] - expected[i]);
            Assert.True(difference <= tolerance * Math.Abs(expected[i]),
                $"event {i}: expected {expected[i]:R}, got {actual[i]:R} (relative {difference / expected[i]:E2})");
        }
    }
}
