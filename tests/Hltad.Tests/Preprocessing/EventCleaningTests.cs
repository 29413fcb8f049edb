using Hltad.Data;
using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Tests.Preprocessing;

public sealed class EventCleaningTests
{
    [Theory]
    // phi − phi₀ = 6: (6 + π) mod 2π − π = 6 − 2π = −0.28318530…
    [InlineData(3.0f, -3.0f, -0.2831853f)]
    // phi − phi₀ = −6: the floor-mod of −6 + π is −6 + π + 2π, so Δ = 2π − 6 = 0.28318530…
    // (a truncating fmod would give −6 + π − π = −6)
    [InlineData(-3.0f, 3.0f, 0.2831853f)]
    // phi − phi₀ = 4: 4 − 2π = −2.2831853
    [InlineData(2.5f, -1.5f, -2.2831852f)]
    // phi − phi₀ = 0.5: no wrap
    [InlineData(1.0f, 0.5f, 0.5f)]
    // phi = phi₀: exactly 0, since (0 + π) mod 2π − π = 0
    [InlineData(1.25f, 1.25f, 0f)]
    public void DeltaPhi_HandWorkedAngles_WrapsIntoMinusPiToPi(float phi, float leadingPhi, float expected)
    {
        Assert.Equal(expected, EventCleaning.DeltaPhi(phi, leadingPhi));
    }

    [Fact]
    public void DeltaPhi_AnglesInRange_BitIdenticalToTheFmodFormula()
    {
        // The fast path (no fmod for shifted angles in [0, 4π)) against the plain formula, numpy's floor-mod:
        // fmod, plus 2π when negative. Angles beyond ±π take the fmod path itself.
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            float phi = (float)((random.NextDouble() * 2 - 1) * (i % 10 == 0 ? 12 : Math.PI));
            float leadingPhi = (float)((random.NextDouble() * 2 - 1) * Math.PI);
            double shifted = (double)phi - leadingPhi + Math.PI;
            double wrapped = shifted % Math.Tau;
            wrapped = wrapped < 0 ? wrapped + Math.Tau : wrapped;

            Assert.Equal((float)(wrapped - Math.PI), EventCleaning.DeltaPhi(phi, leadingPhi));
        }
    }

    [Fact]
    public void DeltaPhi_NaNPhi_IsNaN()
    {
        Assert.True(float.IsNaN(EventCleaning.DeltaPhi(float.NaN, 0.3f)));
    }

    [Fact]
    public void ToDeltaPhi_Event_UsesLeadingJetPhiAndZeroesEmptyRows()
    {
        float[] values = new float[ObjectLayout.Features];
        Set(values, 0, 60, 0.5f, 3.0f);
        Set(values, 1, 55, -1.0f, -3.0f);
        Set(values, 6, 0, 0.3f, 1.2f);
        Set(values, 15, 30, 0, -1.0f);

        EventCleaning.ToDeltaPhi(values);

        Assert.Equal(0f, Phi(values, 0));
        Assert.Equal(0.2831853f, Phi(values, 1));
        // Empty row: phi 0 whatever it held.
        Assert.Equal(0f, Phi(values, 6));
        // MET: −1 − 3 = −4 → −4 + 2π = 2.2831853
        Assert.Equal(2.2831852f, Phi(values, 15));
        Assert.Equal(-1.0f, values[1 * 3 + 1]);
    }

    [Fact]
    public void FixMet_ZeroPt_BecomesOneMeV()
    {
        float[] values = Met(0, 0.7f);

        EventCleaning.FixMet(values);

        Assert.Equal([0.001f, 0, 0.7f], values[45..48]);
    }

    [Theory]
    [InlineData(-999f, 0.4f)]
    [InlineData(45f, float.NaN)]
    [InlineData(-999f, float.NaN)]
    // Without step 4 before it, a zero MET with NaN phi becomes 0.001 and then the whole row 0 (phi NaN).
    [InlineData(0f, float.NaN)]
    public void FixMet_NotComputedOrNaNPhi_ZeroesTheRow(float pt, float phi)
    {
        float[] values = Met(pt, phi);

        EventCleaning.FixMet(values);

        Assert.Equal([0f, 0f, 0f], values[45..48]);
    }

    [Fact]
    public void Apply_ZeroMetWithNaNPhi_StepFourZeroesPhiBeforeStepSixSoTheRowStays()
    {
        // Step 4: pt = 0 → phi 0 (the NaN is gone); step 6: pt 0 → 0.001; the NaN check finds no NaN.
        float[] values = Met(0, float.NaN);
        Set(values, 0, 80, 1.2f, 0.3f);

        EventCleaning.Apply(values, ObjectType.Hlt);

        Assert.Equal([0.001f, 0f, 0f], values[45..48]);
    }

    [Fact]
    public void ScaleL1MuonPt_MuonRows_TimesThousand()
    {
        float[] values = new float[ObjectLayout.Features];
        Set(values, 9, 0.0035f, 0.1f, 0.2f);
        Set(values, 11, 0.025f, 0.1f, 0.2f);
        Set(values, 12, 0.5f, 0, 0);

        EventCleaning.ScaleL1MuonPt(values);

        Assert.Equal(0.0035f * 1000f, values[9 * 3]);
        Assert.Equal(25f, values[11 * 3]);
        Assert.Equal(0.5f, values[12 * 3]);
    }

    [Theory]
    // row, pt kept (at the threshold: not below it), pt removed (just below), for HLT …
    [InlineData(ObjectType.Hlt, 0, 50f, 49.99f)]
    [InlineData(ObjectType.Hlt, 5, 50f, 49.99f)]
    [InlineData(ObjectType.Hlt, 6, 8f, 7.99f)]
    [InlineData(ObjectType.Hlt, 9, 3f, 2.99f)]
    [InlineData(ObjectType.Hlt, 14, 10f, 9.99f)]
    // … and L1 (e/gammas 5, taus 10).
    [InlineData(ObjectType.L1, 2, 50f, 49.99f)]
    [InlineData(ObjectType.L1, 8, 5f, 4.99f)]
    [InlineData(ObjectType.L1, 10, 3f, 2.99f)]
    [InlineData(ObjectType.L1, 12, 10f, 9.99f)]
    public void ApplyPtThresholds_AtAndBelowThreshold_KeepsAndZeroesWholeRow(
        ObjectType type, int row, float kept, float removed)
    {
        float[] atThreshold = new float[ObjectLayout.Features];
        Set(atThreshold, row, kept, 1.5f, -0.5f);
        float[] below = new float[ObjectLayout.Features];
        Set(below, row, removed, 1.5f, -0.5f);

        EventCleaning.ApplyPtThresholds(atThreshold, type);
        EventCleaning.ApplyPtThresholds(below, type);

        Assert.Equal([kept, 1.5f, -0.5f], atThreshold[(row * 3)..(row * 3 + 3)]);
        Assert.Equal([0f, 0f, 0f], below[(row * 3)..(row * 3 + 3)]);
    }

    [Fact]
    public void ApplyPtThresholds_MetRow_HasNoThreshold()
    {
        float[] values = Met(0.001f, 0.2f);

        EventCleaning.ApplyPtThresholds(values, ObjectType.L1);

        Assert.Equal([0.001f, 0f, 0.2f], values[45..48]);
    }

    [Fact]
    public void Apply_L1MuonStoredSmall_ScaledBeforeThreshold()
    {
        // Stored 0.0029 → 2.9 GeV < 3: removed; 0.004 → 4 GeV: kept.
        float[] values = new float[ObjectLayout.Features];
        Set(values, 9, 0.004f, 0.5f, 0f);
        Set(values, 10, 0.0029f, 0.5f, 0f);

        EventCleaning.Apply(values, ObjectType.L1);

        Assert.Equal(0.004f * 1000f, values[9 * 3]);
        Assert.Equal([0f, 0f, 0f], values[30..33]);
    }

    private static float[] Met(float pt, float phi)
    {
        float[] values = new float[ObjectLayout.Features];
        Set(values, ObjectLayout.MetRow, pt, 0, phi);
        return values;
    }

    private static void Set(float[] values, int row, float pt, float eta, float phi)
    {
        values[row * 3] = pt;
        values[row * 3 + 1] = eta;
        values[row * 3 + 2] = phi;
    }

    private static float Phi(float[] values, int row) => values[row * 3 + 2];
}
