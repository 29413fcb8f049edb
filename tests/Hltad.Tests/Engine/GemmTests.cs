using Hltad.Engine;
using Hltad.Engine.Kernels;

namespace Hltad.Tests.Engine;

public sealed unsafe class GemmTests
{
    private static KernelPath Path(string name)
    {
        var path = Enum.Parse<KernelPath>(name);
        Skip.IfNot(KernelDispatch.IsSupported(path), $"{name} kernels need a processor that has them");
        return path;
    }

    [SkippableTheory]
    [InlineData("Vector512")]
    [InlineData("Vector256")]
    public void Multiply_EveryShapeUpTo70_MatchesDoubleReference(string pathName)
    {
        KernelPath path = Path(pathName);
        // Widths 0..70 cover every column tail (32, 16, 8, 4, 1) and row tail (4, 1) of the tiles.
        var random = new Xoshiro256StarStar(11);
        int[] depths = [0, 1, 3, 17, 100];
        for (int n = 0; n <= 70; n++)
        {
            foreach (int k in depths)
            {
                int m = 1 + (n * 7 + k) % 9;
                CheckShape(path, random, m, n, k, transposedA: n % 2 == 1, accumulate: n % 3 == 0);
            }
        }
    }

    [SkippableTheory]
    [InlineData("Vector512")]
    [InlineData("Vector256")]
    public void Multiply_RowsUpTo70_MatchesDoubleReference(string pathName)
    {
        KernelPath path = Path(pathName);
        var random = new Xoshiro256StarStar(12);
        for (int m = 0; m <= 70; m++)
        {
            CheckShape(path, random, m, 37, 9, transposedA: m % 2 == 0, accumulate: false);
        }
    }

    [Fact]
    public void Multiply_ScalarPath_MatchesDoubleReference()
    {
        var random = new Xoshiro256StarStar(13);
        for (int n = 0; n <= 70; n += 3)
        {
            CheckShape(KernelPath.Scalar, random, 5, n, 23, transposedA: true, accumulate: true);
        }
    }

    [SkippableTheory]
    [InlineData("Vector512")]
    [InlineData("Vector256")]
    public void Multiply_SimdAgainstScalar_AgreeToRounding(string pathName)
    {
        KernelPath path = Path(pathName);
        var random = new Xoshiro256StarStar(14);
        for (int n = 1; n <= 70; n++)
        {
            (float[] a, float[] b, float[] bias) = Operands(random, 6, n, 48);
            float[] simd = Run(path, 6, n, 48, a, 48, 1, b, bias, new float[6 * n], false);
            float[] scalar = Run(KernelPath.Scalar, 6, n, 48, a, 48, 1, b, bias, new float[6 * n], false);
            for (int i = 0; i < simd.Length; i++)
            {
                Assert.True(Math.Abs(simd[i] - scalar[i]) <= 2e-5f * (1f + Math.Abs(scalar[i])),
                    $"n={n} i={i}: {simd[i]} vs {scalar[i]}");
            }
        }
    }

    private static void CheckShape(KernelPath path, Xoshiro256StarStar random, int m, int n, int k,
        bool transposedA, bool accumulate)
    {
        (float[] a, float[] b, float[] bias) = Operands(random, m, n, k);
        float[] start = new float[m * n];
        for (int i = 0; i < start.Length; i++)
        {
            start[i] = (float)random.NextDouble();
        }

        // A stored either row-major (m × k) or as its transpose (k × m), addressed through the strides.
        int aRow = transposedA ? 1 : k;
        int aDepth = transposedA ? m : 1;
        float[] c = Run(path, m, n, k, a, aRow, aDepth, b, bias, (float[])start.Clone(), accumulate);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // Independent reference in double.
                double expected = bias[j] + (accumulate ? start[i * n + j] : 0.0);
                for (int p = 0; p < k; p++)
                {
                    expected += (double)a[i * aRow + p * aDepth] * b[p * n + j];
                }

                Assert.True(Math.Abs(c[i * n + j] - expected) <= 1e-5 * (1 + Math.Abs(expected) + k),
                    $"{path} m={m} n={n} k={k} ({i},{j}): {c[i * n + j]} vs {expected}");
            }
        }
    }

    private static (float[] A, float[] B, float[] Bias) Operands(Xoshiro256StarStar random, int m, int n, int k)
    {
        float[] Fill(int length)
        {
            float[] v = new float[length];
            for (int i = 0; i < length; i++)
            {
                v[i] = (float)(2 * random.NextDouble() - 1);
            }

            return v;
        }

        return (Fill(m * k), Fill(k * n), Fill(n));
    }

    private static float[] Run(KernelPath path, int m, int n, int k, float[] a, int aRow, int aDepth, float[] b,
        float[] bias, float[] c, bool accumulate)
    {
        using IDisposable scope = KernelDispatch.Force(path);
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            Gemm.Multiply(m, n, k, pa, aRow, aDepth, pb, n, pc, n, pbias, accumulate);
        }

        return c;
    }
}
