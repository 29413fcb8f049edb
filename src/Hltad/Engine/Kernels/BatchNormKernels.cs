using System.Numerics;
using System.Runtime.InteropServices;

namespace Hltad.Engine.Kernels;

/// <summary>
/// The per-row loops of batch normalisation, vectorised over features (System.Numerics.Vector, scalar
/// tails). Sums are accumulated in double (floats widened), in row order, so results do not depend on
/// the vector width.
/// </summary>
internal static class BatchNormKernels
{
    /// <summary>sum[j] += x[j]; squares[j] += x[j]² (double).</summary>
    public static void AccumulateMoments(ReadOnlySpan<float> x, Span<double> sum, Span<double> squares)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int n = Vector<float>.Count;
            var s = MemoryMarshal.Cast<double, Vector<double>>(sum);
            var q = MemoryMarshal.Cast<double, Vector<double>>(squares);
            for (int v = 0; j + n <= x.Length; j += n, v += 2)
            {
                Vector.Widen(new Vector<float>(x[j..]), out Vector<double> low, out Vector<double> high);
                s[v] += low;
                s[v + 1] += high;
                q[v] += low * low;
                q[v + 1] += high * high;
            }
        }

        for (; j < x.Length; j++)
        {
            double value = x[j];
            sum[j] += value;
            squares[j] += value * value;
        }
    }

    /// <summary>sum[j] += dy[j]; dot[j] += dy[j] · x̂[j] (double).</summary>
    public static void AccumulateGradient(ReadOnlySpan<float> dy, ReadOnlySpan<float> xHat, Span<double> sum,
        Span<double> dot)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int n = Vector<float>.Count;
            var s = MemoryMarshal.Cast<double, Vector<double>>(sum);
            var d = MemoryMarshal.Cast<double, Vector<double>>(dot);
            for (int v = 0; j + n <= dy.Length; j += n, v += 2)
            {
                Vector.Widen(new Vector<float>(dy[j..]), out Vector<double> gLow, out Vector<double> gHigh);
                Vector.Widen(new Vector<float>(xHat[j..]), out Vector<double> xLow, out Vector<double> xHigh);
                s[v] += gLow;
                s[v + 1] += gHigh;
                d[v] += gLow * xLow;
                d[v + 1] += gHigh * xHigh;
            }
        }

        for (; j < dy.Length; j++)
        {
            sum[j] += dy[j];
            dot[j] += (double)dy[j] * xHat[j];
        }
    }

    /// <summary>x̂ = (x − mean) · invStd; y = γ x̂ + β.</summary>
    public static void Normalise(ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> inverseStd,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> xHat, Span<float> y)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int n = Vector<float>.Count;
            for (; j + n <= x.Length; j += n)
            {
                Vector<float> h = (new Vector<float>(x[j..]) - new Vector<float>(mean[j..]))
                    * new Vector<float>(inverseStd[j..]);
                h.CopyTo(xHat[j..]);
                (new Vector<float>(gamma[j..]) * h + new Vector<float>(beta[j..])).CopyTo(y[j..]);
            }
        }

        for (; j < x.Length; j++)
        {
            xHat[j] = (x[j] - mean[j]) * inverseStd[j];
            y[j] = gamma[j] * xHat[j] + beta[j];
        }
    }

    /// <summary>y = x · scale + shift.</summary>
    public static void Affine(ReadOnlySpan<float> x, ReadOnlySpan<float> scale, ReadOnlySpan<float> shift,
        Span<float> y)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int n = Vector<float>.Count;
            for (; j + n <= x.Length; j += n)
            {
                (new Vector<float>(x[j..]) * new Vector<float>(scale[j..]) + new Vector<float>(shift[j..]))
                    .CopyTo(y[j..]);
            }
        }

        for (; j < x.Length; j++)
        {
            y[j] = x[j] * scale[j] + shift[j];
        }
    }

    /// <summary>dx = factor · (n · dy − Σdy − x̂ · Σdy x̂).</summary>
    public static void InputGradient(ReadOnlySpan<float> dy, ReadOnlySpan<float> xHat, ReadOnlySpan<float> factor,
        ReadOnlySpan<float> sumDy, ReadOnlySpan<float> sumDyXHat, float n, Span<float> dx)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            var count = new Vector<float>(n);
            for (; j + width <= dy.Length; j += width)
            {
                Vector<float> g = count * new Vector<float>(dy[j..]) - new Vector<float>(sumDy[j..])
                    - new Vector<float>(xHat[j..]) * new Vector<float>(sumDyXHat[j..]);
                (new Vector<float>(factor[j..]) * g).CopyTo(dx[j..]);
            }
        }

        for (; j < dy.Length; j++)
        {
            dx[j] = factor[j] * (n * dy[j] - sumDy[j] - xHat[j] * sumDyXHat[j]);
        }
    }
}
