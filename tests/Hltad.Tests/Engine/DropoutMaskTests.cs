using Hltad.Engine;
using Hltad.Engine.Kernels;
using Hltad.Engine.Layers;

namespace Hltad.Tests.Engine;

public sealed class DropoutMaskTests
{
    [SkippableFact]
    public void FillMultipliers_VectorAndScalar_BitIdentical()
    {
        Skip.IfNot(KernelDispatch.IsSupported(KernelPath.Vector512), "no AVX-512 here");
        for (int length = 0; length <= 70; length++)
        {
            foreach (int first in new[] { 0, 5, 1000 })
            {
                float[] vector = new float[length];
                float[] scalar = new float[length];
                using (KernelDispatch.Force(KernelPath.Vector512))
                {
                    DropoutLayer.FillMultipliers(0xABCDEF, first, 0.1f, vector);
                }

                using (KernelDispatch.Force(KernelPath.Scalar))
                {
                    DropoutLayer.FillMultipliers(0xABCDEF, first, 0.1f, scalar);
                }

                Assert.Equal(scalar, vector);
            }
        }
    }

    [Fact]
    public void FillMultipliers_Rate01_KeepsNinetyPercentScaled()
    {
        float[] multipliers = new float[100_000];
        DropoutLayer.FillMultipliers(42, 0, 0.1f, multipliers);
        float scale = (float)(1.0 / 0.9);
        Assert.All(multipliers, m => Assert.True(m == 0f || m == scale));

        // Binomial(100000, 0.9): standard deviation ≈ 95, so ±600 is over 6 σ.
        int kept = multipliers.Count(m => m != 0f);
        Assert.InRange(kept, 90_000 - 600, 90_000 + 600);
    }

    [Fact]
    public void FillMultipliers_ElementDecision_MatchesHashDefinition()
    {
        // Element 7 of a stream starting at element 3 is element 10 of the same stream.
        float[] a = new float[20];
        float[] b = new float[5];
        DropoutLayer.FillMultipliers(99, 0, 0.5f, a);
        DropoutLayer.FillMultipliers(99, 10, 0.5f, b);
        Assert.Equal(a.AsSpan(10, 5).ToArray(), b);
        ulong h = SplitMix64.Hash(99, 10) >> 40;
        Assert.Equal(h >= 8388608UL, a[10] != 0f);
    }
}
