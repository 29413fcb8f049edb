using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Tests.Preprocessing;

public sealed class PtNormalizerTests
{
    [Fact]
    public void PerEvent_Event_PtTimesTenOverSum()
    {
        // pt 10 (jet), 30 (electron), 60 (MET): Σ = 100 → 1, 3, 6; eta and phi untouched.
        float[] values = Event((0, 10, 0.5f), (6, 30, 1.0f), (15, 60, 0));

        PtNormalizer.PerEvent(values);

        Assert.Equal(1f, values[0]);
        Assert.Equal(3f, values[18]);
        Assert.Equal(6f, values[45]);
        Assert.Equal(0.5f, values[1]);
    }

    [Fact]
    public void PerEvent_SumZero_DividesByOne()
    {
        // Σpt = 0 (e.g. every row removed): pt × 10 / 1, so zeros stay 0 and no NaN appears.
        float[] values = Event((3, 0, 1.5f));

        PtNormalizer.PerEvent(values);

        Assert.All(values, v => Assert.False(float.IsNaN(v)));
        Assert.Equal(0f, values[9]);
        Assert.Equal(1.5f, values[10]);
    }

    [Fact]
    public void PerEvent_NegativeAndPositiveCancel_DividesByOne()
    {
        // Σ = 2 − 2 = 0 → divide by 1: 2 × 10 = 20, −2 × 10 = −20.
        float[] values = Event((0, 2, 0), (1, -2, 0));

        PtNormalizer.PerEvent(values);

        Assert.Equal(20f, values[0]);
        Assert.Equal(-20f, values[3]);
    }

    [Fact]
    public void GlobalDivision_Event_PtTimesFiveOverMean()
    {
        // 20 × 5 / 40 = 2.5
        float[] values = Event((0, 20, 0.1f));

        PtNormalizer.GlobalDivision(values, 40);

        Assert.Equal(2.5f, values[0]);
        Assert.Equal(0.1f, values[1]);
    }

    [Fact]
    public void GlobalDivision_MeanZero_DividesByOne()
    {
        float[] values = Event((0, 20, 0));

        PtNormalizer.GlobalDivision(values, 0);

        Assert.Equal(100f, values[0]);
    }

    private static float[] Event(params (int Row, float Pt, float Eta)[] rows)
    {
        var values = new float[ObjectLayout.Features];
        foreach ((int row, float pt, float eta) in rows)
        {
            values[row * 3] = pt;
            values[row * 3 + 1] = eta;
        }

        return values;
    }
}
