using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hltad.Engine.Kernels;

// Register tiles of Gemm: R rows × (V vectors) of C accumulated over p, A broadcast, B loaded.
internal static unsafe partial class Gemm
{
    /// <summary>4 × 32 block with Vector512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x32(
        int k, float* a, int aRow, int aDepth, float* b, int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        Vector512<float> c00 = Vector512<float>.Zero;
        Vector512<float> c01 = Vector512<float>.Zero;
        Vector512<float> c10 = Vector512<float>.Zero;
        Vector512<float> c11 = Vector512<float>.Zero;
        Vector512<float> c20 = Vector512<float>.Zero;
        Vector512<float> c21 = Vector512<float>.Zero;
        Vector512<float> c30 = Vector512<float>.Zero;
        Vector512<float> c31 = Vector512<float>.Zero;
        float* a1 = a + aRow;
        float* a2 = a1 + aRow;
        float* a3 = a2 + aRow;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> x0 = Vector512.Create(a[(long)p * aDepth]);
            c00 = Avx512F.FusedMultiplyAdd(x0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x0, b1, c01);
            Vector512<float> x1 = Vector512.Create(a1[(long)p * aDepth]);
            c10 = Avx512F.FusedMultiplyAdd(x1, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(x1, b1, c11);
            Vector512<float> x2 = Vector512.Create(a2[(long)p * aDepth]);
            c20 = Avx512F.FusedMultiplyAdd(x2, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(x2, b1, c21);
            Vector512<float> x3 = Vector512.Create(a3[(long)p * aDepth]);
            c30 = Avx512F.FusedMultiplyAdd(x3, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(x3, b1, c31);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
        Store(c01, c + 16, bias == null ? null : bias + 16, accumulate);
        Store(c10, c + 1 * (long)ldc, bias, accumulate);
        Store(c11, c + 1 * (long)ldc + 16, bias == null ? null : bias + 16, accumulate);
        Store(c20, c + 2 * (long)ldc, bias, accumulate);
        Store(c21, c + 2 * (long)ldc + 16, bias == null ? null : bias + 16, accumulate);
        Store(c30, c + 3 * (long)ldc, bias, accumulate);
        Store(c31, c + 3 * (long)ldc + 16, bias == null ? null : bias + 16, accumulate);
    }

    /// <summary>1 × 32 block with Vector512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x32(
        int k, float* a, int aDepth, float* b, int ldb, float* c, float* bias, bool accumulate)
    {
        Vector512<float> c00 = Vector512<float>.Zero;
        Vector512<float> c01 = Vector512<float>.Zero;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> x0 = Vector512.Create(a[(long)p * aDepth]);
            c00 = Avx512F.FusedMultiplyAdd(x0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x0, b1, c01);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
        Store(c01, c + 16, bias == null ? null : bias + 16, accumulate);
    }

    /// <summary>4 × 16 block with Vector512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x16(
        int k, float* a, int aRow, int aDepth, float* b, int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        Vector512<float> c00 = Vector512<float>.Zero;
        Vector512<float> c10 = Vector512<float>.Zero;
        Vector512<float> c20 = Vector512<float>.Zero;
        Vector512<float> c30 = Vector512<float>.Zero;
        float* a1 = a + aRow;
        float* a2 = a1 + aRow;
        float* a3 = a2 + aRow;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> x0 = Vector512.Create(a[(long)p * aDepth]);
            c00 = Avx512F.FusedMultiplyAdd(x0, b0, c00);
            Vector512<float> x1 = Vector512.Create(a1[(long)p * aDepth]);
            c10 = Avx512F.FusedMultiplyAdd(x1, b0, c10);
            Vector512<float> x2 = Vector512.Create(a2[(long)p * aDepth]);
            c20 = Avx512F.FusedMultiplyAdd(x2, b0, c20);
            Vector512<float> x3 = Vector512.Create(a3[(long)p * aDepth]);
            c30 = Avx512F.FusedMultiplyAdd(x3, b0, c30);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
        Store(c10, c + 1 * (long)ldc, bias, accumulate);
        Store(c20, c + 2 * (long)ldc, bias, accumulate);
        Store(c30, c + 3 * (long)ldc, bias, accumulate);
    }

    /// <summary>1 × 16 block with Vector512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x16(
        int k, float* a, int aDepth, float* b, int ldb, float* c, float* bias, bool accumulate)
    {
        Vector512<float> c00 = Vector512<float>.Zero;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> x0 = Vector512.Create(a[(long)p * aDepth]);
            c00 = Avx512F.FusedMultiplyAdd(x0, b0, c00);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
    }

    /// <summary>4 × 16 block with Vector256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x16Avx2(
        int k, float* a, int aRow, int aDepth, float* b, int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        Vector256<float> c00 = Vector256<float>.Zero;
        Vector256<float> c01 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero;
        Vector256<float> c11 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero;
        Vector256<float> c21 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero;
        Vector256<float> c31 = Vector256<float>.Zero;
        float* a1 = a + aRow;
        float* a2 = a1 + aRow;
        float* a3 = a2 + aRow;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> x0 = Vector256.Create(a[(long)p * aDepth]);
            c00 = Fma.MultiplyAdd(x0, b0, c00);
            c01 = Fma.MultiplyAdd(x0, b1, c01);
            Vector256<float> x1 = Vector256.Create(a1[(long)p * aDepth]);
            c10 = Fma.MultiplyAdd(x1, b0, c10);
            c11 = Fma.MultiplyAdd(x1, b1, c11);
            Vector256<float> x2 = Vector256.Create(a2[(long)p * aDepth]);
            c20 = Fma.MultiplyAdd(x2, b0, c20);
            c21 = Fma.MultiplyAdd(x2, b1, c21);
            Vector256<float> x3 = Vector256.Create(a3[(long)p * aDepth]);
            c30 = Fma.MultiplyAdd(x3, b0, c30);
            c31 = Fma.MultiplyAdd(x3, b1, c31);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
        Store(c01, c + 8, bias == null ? null : bias + 8, accumulate);
        Store(c10, c + 1 * (long)ldc, bias, accumulate);
        Store(c11, c + 1 * (long)ldc + 8, bias == null ? null : bias + 8, accumulate);
        Store(c20, c + 2 * (long)ldc, bias, accumulate);
        Store(c21, c + 2 * (long)ldc + 8, bias == null ? null : bias + 8, accumulate);
        Store(c30, c + 3 * (long)ldc, bias, accumulate);
        Store(c31, c + 3 * (long)ldc + 8, bias == null ? null : bias + 8, accumulate);
    }

    /// <summary>1 × 16 block with Vector256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x16Avx2(
        int k, float* a, int aDepth, float* b, int ldb, float* c, float* bias, bool accumulate)
    {
        Vector256<float> c00 = Vector256<float>.Zero;
        Vector256<float> c01 = Vector256<float>.Zero;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> x0 = Vector256.Create(a[(long)p * aDepth]);
            c00 = Fma.MultiplyAdd(x0, b0, c00);
            c01 = Fma.MultiplyAdd(x0, b1, c01);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
        Store(c01, c + 8, bias == null ? null : bias + 8, accumulate);
    }

    /// <summary>4 × 8 block with Vector256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x8(
        int k, float* a, int aRow, int aDepth, float* b, int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        Vector256<float> c00 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero;
        float* a1 = a + aRow;
        float* a2 = a1 + aRow;
        float* a3 = a2 + aRow;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            Vector256<float> x0 = Vector256.Create(a[(long)p * aDepth]);
            c00 = Fma.MultiplyAdd(x0, b0, c00);
            Vector256<float> x1 = Vector256.Create(a1[(long)p * aDepth]);
            c10 = Fma.MultiplyAdd(x1, b0, c10);
            Vector256<float> x2 = Vector256.Create(a2[(long)p * aDepth]);
            c20 = Fma.MultiplyAdd(x2, b0, c20);
            Vector256<float> x3 = Vector256.Create(a3[(long)p * aDepth]);
            c30 = Fma.MultiplyAdd(x3, b0, c30);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
        Store(c10, c + 1 * (long)ldc, bias, accumulate);
        Store(c20, c + 2 * (long)ldc, bias, accumulate);
        Store(c30, c + 3 * (long)ldc, bias, accumulate);
    }

    /// <summary>1 × 8 block with Vector256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x8(
        int k, float* a, int aDepth, float* b, int ldb, float* c, float* bias, bool accumulate)
    {
        Vector256<float> c00 = Vector256<float>.Zero;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            Vector256<float> x0 = Vector256.Create(a[(long)p * aDepth]);
            c00 = Fma.MultiplyAdd(x0, b0, c00);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
    }

    /// <summary>4 × 4 block with Vector128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x4(
        int k, float* a, int aRow, int aDepth, float* b, int ldb, float* c, int ldc, float* bias, bool accumulate)
    {
        Vector128<float> c00 = Vector128<float>.Zero;
        Vector128<float> c10 = Vector128<float>.Zero;
        Vector128<float> c20 = Vector128<float>.Zero;
        Vector128<float> c30 = Vector128<float>.Zero;
        float* a1 = a + aRow;
        float* a2 = a1 + aRow;
        float* a3 = a2 + aRow;
        for (int p = 0; p < k; p++)
        {
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> x0 = Vector128.Create(a[(long)p * aDepth]);
            c00 = Fma.MultiplyAdd(x0, b0, c00);
            Vector128<float> x1 = Vector128.Create(a1[(long)p * aDepth]);
            c10 = Fma.MultiplyAdd(x1, b0, c10);
            Vector128<float> x2 = Vector128.Create(a2[(long)p * aDepth]);
            c20 = Fma.MultiplyAdd(x2, b0, c20);
            Vector128<float> x3 = Vector128.Create(a3[(long)p * aDepth]);
            c30 = Fma.MultiplyAdd(x3, b0, c30);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
        Store(c10, c + 1 * (long)ldc, bias, accumulate);
        Store(c20, c + 2 * (long)ldc, bias, accumulate);
        Store(c30, c + 3 * (long)ldc, bias, accumulate);
    }

    /// <summary>1 × 4 block with Vector128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x4(
        int k, float* a, int aDepth, float* b, int ldb, float* c, float* bias, bool accumulate)
    {
        Vector128<float> c00 = Vector128<float>.Zero;
        for (int p = 0; p < k; p++)
        {
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> x0 = Vector128.Create(a[(long)p * aDepth]);
            c00 = Fma.MultiplyAdd(x0, b0, c00);
            b += ldb;
        }

        Store(c00, c, bias, accumulate);
    }
}
