using System.Text.Json;
using Hltad.Physics;

namespace Hltad.Tests.Preprocessing;

/// <summary>
/// The array summaries of tools/reference/preprocess_reference.py (<c>array_summary</c>) recomputed from an (N, 48)
/// array and compared with a tolerance that allows every value its own relative error: a sum Σ wᵢ xᵢ may differ by
/// <c>relative · Σ |wᵢ xᵢ|</c> (plus 1e-11 of the reference's 12-digit rounding).
/// </summary>
internal static class ArrayChecksums
{
    public static void AssertMatches(JsonElement expected, float[] values, double relative, string what)
    {
        const int columns = ObjectLayout.Features;
        int events = values.Length / columns;
        var columnSums = new double[columns];
        var columnAbs = new double[columns];
        double squares = 0;
        double weighted = 0;
        double weightedAbs = 0;
        for (int i = 0; i < events; i++)
        {
            for (int c = 0; c < columns; c++)
            {
                double x = values[i * columns + c];
                columnSums[c] += x;
                columnAbs[c] += Math.Abs(x);
                squares += x * x;
                double w = ReferenceComparisonTests.PositionWeight(i) * (c % 7 + 1);
                weighted += x * w;
                weightedAbs += Math.Abs(x) * w;
            }
        }

        double[] expectedColumns =
            expected.GetProperty("column_sums").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int c = 0; c < columns; c++)
        {
            Near(expectedColumns[c], columnSums[c], relative * columnAbs[c], $"{what}: sum of column {c}");
        }

        Near(expected.GetProperty("sum_squares").GetDouble(), squares, 2 * relative * squares, $"{what}: Σx²");
        Near(expected.GetProperty("position_weighted").GetDouble(), weighted, relative * weightedAbs,
            $"{what}: Σ w x");
    }

    private static void Near(double expected, double actual, double tolerance, string what)
    {
        tolerance += 1e-11 * Math.Abs(expected) + 1e-300;
        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }
}
