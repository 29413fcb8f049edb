using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Hltad.Tests.Matching;

/// <summary>
/// The golden data of TestData/matching/fixtures_golden.json, written by tools/reference/match_fixtures.py (an
/// independent numpy implementation of SEMANTICS.md sections 2–4 on the shared fixtures).
/// </summary>
internal sealed class MatchingGolden
{
    private MatchingGolden(JsonElement root)
    {
        Root = root;
    }

    public JsonElement Root { get; }

    public IEnumerable<string> Tags => Root.GetProperty("tags").EnumerateObject().Select(tag => tag.Name);

    public double[] MaskedMseLinear44 => Numbers(Root.GetProperty("masked_mse_linear44_EB_473255_first50"));

    public static MatchingGolden Load()
    {
        using var stream = File.OpenRead(TestData.Path("matching", "fixtures_golden.json"));
        return new MatchingGolden(JsonDocument.Parse(stream).RootElement.Clone());
    }

    public JsonElement Tag(string tag) => Root.GetProperty("tags").GetProperty(tag);

    public static double[] Numbers(JsonElement array) =>
        array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    /// <summary>SHA-256 of an array's little-endian bytes, as the script computes it with numpy.</summary>
    public static string Sha256<T>(T[] values) where T : unmanaged =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())));

    public static void AssertRelative(double[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = Math.Max(Math.Abs(expected[i]), 1e-30);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance * scale,
                $"row {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
