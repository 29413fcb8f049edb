using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Tests.Preprocessing;

public sealed class ScalerStatisticsTests
{
    [Fact]
    public void Fit_StandardColumn_PopulationMeanAndStd()
    {
        // Column 0 holds 1, 2, 3, 4: mean 2.5; Σ(x − 2.5)² = 2.25 + 0.25 + 0.25 + 2.25 = 5; population std
        // √(5/4).
        float[] values = Rows(4, (row, column) => column == 0 ? row + 1 : 0);

        ScalerStatistics scaler = ScalerStatistics.Fit(values, zeroAware: false);
        scaler.Apply(values);

        Assert.Equal(2.5, scaler.Mean[0]);
        Assert.Equal(Math.Sqrt(1.25), scaler.Std[0], 15);
        Assert.Equal((float)(-1.5 / Math.Sqrt(1.25)), values[0]);
        Assert.Equal((float)(1.5 / Math.Sqrt(1.25)), values[3 * ObjectLayout.Features]);
    }

    [Fact]
    public void Fit_ConstantColumnOf14Point62_StdOneAndMapsToExactlyZero()
    {
        // Σ of 1000 copies of 14.62f in float64 is not exactly 1000 · 14.62f and the computed std is ~1e-15, not 0:
        // constancy is decided by min = max, and the mean is the value itself.
        float[] values = Rows(1000, (_, column) => column == 7 ? 14.62f : 0);

        ScalerStatistics scaler = ScalerStatistics.Fit(values, zeroAware: false);
        scaler.Apply(values);

        Assert.Equal((double)14.62f, scaler.Mean[7]);
        Assert.Equal(1.0, scaler.Std[7]);
        Assert.All(Enumerable.Range(0, 1000), row => Assert.Equal(0f, values[row * ObjectLayout.Features + 7]));
    }

    [Fact]
    public void Fit_StandardAllZeroColumn_MeanZeroStdOne()
    {
        float[] values = Rows(5, (_, _) => 0);

        ScalerStatistics scaler = ScalerStatistics.Fit(values, zeroAware: false);

        Assert.All(scaler.Mean, m => Assert.Equal(0.0, m));
        Assert.All(scaler.Std, s => Assert.Equal(1.0, s));
    }

    [Fact]
    public void Fit_ZeroAware_UsesAndTransformsOnlyNonZeroEntries()
    {
        // Column 0: 0, 2, 0, 6 → non-zero {2, 6}: mean 4, std 2; 2 → −1, 6 → 1, zeros stay 0.
        float[] values = Rows(4, (row, column) => column == 0 ? new[] { 0f, 2f, 0f, 6f }[row] : 0);

        ScalerStatistics scaler = ScalerStatistics.Fit(values, zeroAware: true);
        scaler.Apply(values);

        Assert.Equal(4.0, scaler.Mean[0]);
        Assert.Equal(2.0, scaler.Std[0]);
        Assert.Equal([0f, -1f, 0f, 1f], Column(values, 4, 0));
    }

    [Fact]
    public void Fit_ZeroAwareColumnWithoutNonZero_MeanZeroStdOne()
    {
        float[] values = Rows(3, (row, column) => column == 1 ? row : 0);

        ScalerStatistics scaler = ScalerStatistics.Fit(values, zeroAware: true);

        Assert.Equal(0.0, scaler.Mean[2]);
        Assert.Equal(1.0, scaler.Std[2]);
        // Column 1 holds 0, 1, 2: non-zero {1, 2}, mean 1.5, std 0.5.
        Assert.Equal(1.5, scaler.Mean[1]);
        Assert.Equal(0.5, scaler.Std[1]);
    }

    [Fact]
    public void Fit_ZeroAwareConstantNonZeroColumnOf14Point62_NonZeroEntriesMapToZero()
    {
        float[] values = Rows(4, (row, column) => column == 3 && row % 2 == 1 ? 14.62f : 0);

        ScalerStatistics scaler = ScalerStatistics.Fit(values, zeroAware: true);
        scaler.Apply(values);

        Assert.Equal((double)14.62f, scaler.Mean[3]);
        Assert.Equal(1.0, scaler.Std[3]);
        Assert.Equal([0f, 0f, 0f, 0f], Column(values, 4, 3));
    }

    [Fact]
    public void Fit_NoRows_Throws()
    {
        var e = Assert.Throws<HltadException>(() => ScalerStatistics.Fit([], zeroAware: false));

        Assert.Contains("empty training set", e.Message);
    }

    [Fact]
    public void Fit_ManyChunks_SameAsOneThread()
    {
        // 20 000 events span three chunks of 8192; the result must not depend on the thread count.
        var random = new Random(5);
        float[] values = Rows(20_000, (_, _) => (float)random.NextDouble() * 100);

        ScalerStatistics one = ScalerStatistics.Fit(values, zeroAware: false, maxDegreeOfParallelism: 1);
        ScalerStatistics many = ScalerStatistics.Fit(values, zeroAware: false, maxDegreeOfParallelism: 3);

        Assert.Equal(one.Mean, many.Mean);
        Assert.Equal(one.Std, many.Std);
    }

    private static float[] Rows(int events, Func<int, int, float> value)
    {
        var values = new float[events * ObjectLayout.Features];
        for (int row = 0; row < events; row++)
        {
            for (int column = 0; column < ObjectLayout.Features; column++)
            {
                values[row * ObjectLayout.Features + column] = value(row, column);
            }
        }

        return values;
    }

    private static float[] Column(float[] values, int events, int column) =>
        Enumerable.Range(0, events).Select(row => values[row * ObjectLayout.Features + column]).ToArray();
}
