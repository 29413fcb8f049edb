using System.Numerics;
using System.Runtime.InteropServices;

namespace Hltad.Engine.Kernels;

/// <summary>Small vectorised loops (System.Numerics.Vector with a scalar tail) used by the layers.</summary>
internal static class Elementwise
{
    /// <summary>target[i] += source[i].</summary>
    public static void Add(ReadOnlySpan<float> source, Span<float> target)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = MemoryMarshal.Cast<float, Vector<float>>(source);
            var t = MemoryMarshal.Cast<float, Vector<float>>(target[..source.Length]);
            for (int v = 0; v < s.Length; v++)
            {
                t[v] += s[v];
            }

            i = s.Length * Vector<float>.Count;
        }

        for (; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }

    /// <summary>y[i] = max(x[i], 0).</summary>
    public static void Relu(ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);
            for (int v = 0; v < xs.Length; v++)
            {
                ys[v] = Vector.Max(xs[v], Vector<float>.Zero);
            }

            i = xs.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] = x[i] > 0f ? x[i] : 0f;
        }
    }

    /// <summary>dx[i] = x[i] &gt; 0 ? dy[i] : 0.</summary>
    public static void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var dys = MemoryMarshal.Cast<float, Vector<float>>(dy[..x.Length]);
            var dxs = MemoryMarshal.Cast<float, Vector<float>>(dx[..x.Length]);
            for (int v = 0; v < xs.Length; v++)
            {
                dxs[v] = Vector.ConditionalSelect(Vector.GreaterThan(xs[v], Vector<float>.Zero), dys[v],
                    Vector<float>.Zero);
            }

            i = xs.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            dx[i] = x[i] > 0f ? dy[i] : 0f;
        }
    }

    /// <summary>y[i] = x[i] &gt; 0 ? x[i] : slope · x[i].</summary>
    public static void LeakyRelu(ReadOnlySpan<float> x, Span<float> y, float slope)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] > 0f ? x[i] : slope * x[i];
        }
    }

    /// <summary>dx[i] = x[i] &gt; 0 ? dy[i] : slope · dy[i].</summary>
    public static void LeakyReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx,
        float slope)
    {
        for (int i = 0; i < x.Length; i++)
        {
            dx[i] = x[i] > 0f ? dy[i] : slope * dy[i];
        }
    }

    /// <summary>z[i] = x[i] · y[i].</summary>
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);
            var zs = MemoryMarshal.Cast<float, Vector<float>>(z[..x.Length]);
            for (int v = 0; v < xs.Length; v++)
            {
                zs[v] = xs[v] * ys[v];
            }

            i = xs.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            z[i] = x[i] * y[i];
        }
    }
}
