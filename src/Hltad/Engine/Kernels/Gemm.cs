using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hltad.Engine.Kernels;

/// <summary>
/// Single-precision matrix product for the dense layers:
/// <c>C[i, j] = (accumulate ? C[i, j] : 0) + (Σₚ A[i, p] · B[p, j] + bias[j])</c>, for i &lt; m, j &lt; n,
/// p &lt; k. A is addressed with two strides (element (i, p) at <c>a[i·aRow + p·aDepth]</c>), so the same
/// kernel serves the forward product X·W, the input gradient dY·Wᵀ (with a transposed copy of W) and the
/// kernel gradient Xᵀ·dY (A = X read column-wise). B and C are row-major with leading dimensions ldb, ldc.
/// </summary>
/// <remarks>
/// Each output element is summed over p in increasing order, so the result does not depend on how a caller
/// splits rows or columns between threads. The SIMD paths keep a 4 × 32 block of C in registers (A
/// broadcast, B loaded) and finish column tails with 16-, 8-, 4-wide vectors and scalars; the scalar path
/// uses no fused multiply-add, so the two agree to rounding only.
/// </remarks>
internal static unsafe partial class Gemm
{
    /// <summary>Runs the product on the path <see cref="KernelDispatch.Current"/> selects.</summary>
    public static void Multiply(int m, int n, int k, float* a, int aRow, int aDepth, float* b, int ldb,
        float* c, int ldc, float* bias, bool accumulate)
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }

        switch (KernelDispatch.Current)
        {
            case KernelPath.Vector512:
                MultiplyVector512(m, n, k, a, aRow, aDepth, b, ldb, c, ldc, bias, accumulate);
                break;
            case KernelPath.Vector256:
                MultiplyVector256(m, n, k, a, aRow, aDepth, b, ldb, c, ldc, bias, accumulate);
                break;
            default:
                MultiplyScalar(m, n, k, a, aRow, aDepth, b, ldb, c, ldc, bias, accumulate);
                break;
        }
    }

    /// <summary>Reference loops: no FMA, same summation order as the SIMD paths.</summary>
    internal static void MultiplyScalar(int m, int n, int k, float* a, int aRow, int aDepth, float* b, int ldb,
        float* c, int ldc, float* bias, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum += a[(long)i * aRow + (long)p * aDepth] * b[(long)p * ldb + j];
                }

                if (bias != null)
                {
                    sum += bias[j];
                }

                float* dst = c + (long)i * ldc + j;
                *dst = accumulate ? *dst + sum : sum;
            }
        }
    }

    private static void MultiplyVector512(int m, int n, int k, float* a, int aRow, int aDepth, float* b,
        int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        // Column tiles outermost, so a k × 32 panel of B stays in L1 while every row block passes over it.
        int j = 0;
        for (; j + 32 <= n; j += 32)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Tile4x32(k, a + (long)i * aRow, aRow, aDepth, b + j, ldb, c + (long)i * ldc + j, ldc,
                    bias == null ? null : bias + j, accumulate);
            }

            for (; i < m; i++)
            {
                Tile1x32(k, a + (long)i * aRow, aDepth, b + j, ldb, c + (long)i * ldc + j,
                    bias == null ? null : bias + j, accumulate);
            }
        }

        if (j + 16 <= n)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Tile4x16(k, a + (long)i * aRow, aRow, aDepth, b + j, ldb, c + (long)i * ldc + j, ldc,
                    bias == null ? null : bias + j, accumulate);
            }

            for (; i < m; i++)
            {
                Tile1x16(k, a + (long)i * aRow, aDepth, b + j, ldb, c + (long)i * ldc + j,
                    bias == null ? null : bias + j, accumulate);
            }

            j += 16;
        }

        MultiplyNarrowColumns(m, n, k, j, a, aRow, aDepth, b, ldb, c, ldc, bias, accumulate);
    }

    private static void MultiplyVector256(int m, int n, int k, float* a, int aRow, int aDepth, float* b,
        int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        int j = 0;
        for (; j + 16 <= n; j += 16)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Tile4x16Avx2(k, a + (long)i * aRow, aRow, aDepth, b + j, ldb, c + (long)i * ldc + j, ldc,
                    bias == null ? null : bias + j, accumulate);
            }

            for (; i < m; i++)
            {
                Tile1x16Avx2(k, a + (long)i * aRow, aDepth, b + j, ldb, c + (long)i * ldc + j,
                    bias == null ? null : bias + j, accumulate);
            }
        }

        MultiplyNarrowColumns(m, n, k, j, a, aRow, aDepth, b, ldb, c, ldc, bias, accumulate);
    }

    /// <summary>Columns from <paramref name="j"/> on, fewer than 16: one 8-wide, one 4-wide, then scalars.</summary>
    private static void MultiplyNarrowColumns(int m, int n, int k, int j, float* a, int aRow, int aDepth,
        float* b, int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        if (j + 8 <= n)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Tile4x8(k, a + (long)i * aRow, aRow, aDepth, b + j, ldb, c + (long)i * ldc + j, ldc,
                    bias == null ? null : bias + j, accumulate);
            }

            for (; i < m; i++)
            {
                Tile1x8(k, a + (long)i * aRow, aDepth, b + j, ldb, c + (long)i * ldc + j,
                    bias == null ? null : bias + j, accumulate);
            }

            j += 8;
        }

        if (j + 4 <= n)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Tile4x4(k, a + (long)i * aRow, aRow, aDepth, b + j, ldb, c + (long)i * ldc + j, ldc,
                    bias == null ? null : bias + j, accumulate);
            }

            for (; i < m; i++)
            {
                Tile1x4(k, a + (long)i * aRow, aDepth, b + j, ldb, c + (long)i * ldc + j,
                    bias == null ? null : bias + j, accumulate);
            }

            j += 4;
        }

        for (; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                float sum = 0f;
                float* ai = a + (long)i * aRow;
                for (int p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(ai[(long)p * aDepth], b[(long)p * ldb + j], sum);
                }

                if (bias != null)
                {
                    sum += bias[j];
                }

                float* dst = c + (long)i * ldc + j;
                *dst = accumulate ? *dst + sum : sum;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> sum, float* dst, float* bias, bool accumulate)
    {
        if (bias != null)
        {
            sum += Vector512.Load(bias);
        }

        if (accumulate)
        {
            sum += Vector512.Load(dst);
        }

        sum.Store(dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> sum, float* dst, float* bias, bool accumulate)
    {
        if (bias != null)
        {
            sum += Vector256.Load(bias);
        }

        if (accumulate)
        {
            sum += Vector256.Load(dst);
        }

        sum.Store(dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector128<float> sum, float* dst, float* bias, bool accumulate)
    {
        if (bias != null)
        {
            sum += Vector128.Load(bias);
        }

        if (accumulate)
        {
            sum += Vector128.Load(dst);
        }

        sum.Store(dst);
    }
}
