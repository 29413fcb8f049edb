using System.Numerics;
using System.Runtime.InteropServices;

namespace Hltad.Engine.Layers;

/// <summary>
/// Adam in the Keras/TensorFlow form (SEMANTICS.md section 7): at step t (from 1),
/// <c>α = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)</c> (double, then float), and per element, in float,
/// <c>g = g₀ + g₁ + 2 c w</c> (the two parts' gradients in order; the L2 term only on kernels),
/// <c>m ← m + (g − m)(1 − β₁)</c>, <c>v ← v + (g² − v)(1 − β₂)</c>, <c>w ← w − α m / (√v +
/// ε)</c>.
/// Defaults lr 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7. Tensors are shared between the two parts whole, by layer,
/// so each part can refresh its layers' derived copies right after updating them.
/// </summary>
internal sealed class AdamOptimizer
{
    private readonly ParameterStore _store;
    private readonly List<(Layer Layer, ParameterSlot[] Slots)>[] _work = [[], []];
    private readonly double[] _penaltyPartials = new double[2];

    public AdamOptimizer(ParameterStore store, IReadOnlyList<(Layer Layer, ParameterSlot[] Slots)> layers)
    {
        _store = store;
        long[] load = new long[2];
        foreach ((Layer layer, ParameterSlot[] slots) in layers)
        {
            int part = load[0] <= load[1] ? 0 : 1;
            _work[part].Add((layer, slots));
            load[part] += slots.Sum(s => (long)s.Length);
        }
    }

    public double LearningRate { get; set; } = 1e-3;

    public float Beta1 { get; init; } = 0.9f;

    public float Beta2 { get; init; } = 0.999f;

    public float Epsilon { get; init; } = 1e-7f;

    /// <summary>The L2 coupling c of the penalty c · Σ w² over kernels.</summary>
    public float L2Coupling { get; init; }

    /// <summary>Steps taken so far (t of the last update).</summary>
    public long Steps { get; set; }

    /// <summary>c · Σ w² over all kernels before the last update (what the batch loss included).</summary>
    public double LastPenalty => _penaltyPartials[0] + _penaltyPartials[1];

    /// <summary>Call once before both parts run <see cref="Update"/>: advances t.</summary>
    public void BeginStep() => Steps++;

    /// <summary>Updates this part's tensors and refreshes its layers.</summary>
    public void Update(int part)
    {
        double t = Steps;
        float alpha = (float)(LearningRate * Math.Sqrt(1.0 - Math.Pow(Beta2, t)) / (1.0 - Math.Pow(Beta1, t)));
        double penalty = 0.0;
        foreach ((Layer layer, ParameterSlot[] slots) in _work[part])
        {
            foreach (ParameterSlot slot in slots)
            {
                float l2 = slot.IsKernel ? L2Coupling : 0f;
                if (l2 != 0f)
                {
                    penalty += l2 * SumOfSquares(_store.ValuesOf(slot));
                }

                UpdateSlot(slot, alpha, 2f * l2);
            }

            layer.AfterUpdate(_store);
        }

        _penaltyPartials[part] = penalty;
    }

    /// <summary>c · Σ w² over all kernels of the store now.</summary>
    public double Penalty()
    {
        double penalty = 0.0;
        foreach (ParameterSlot slot in _store.Trainable.Where(s => s.IsKernel))
        {
            penalty += SumOfSquares(_store.ValuesOf(slot));
        }

        return L2Coupling * penalty;
    }

    /// <summary>g = g₀ + g₁ + 2c · w, the gradient one element of a step uses.</summary>
    internal static float CombinedGradient(float g0, float g1, float w, float l2Gradient) => g0 + g1 + l2Gradient * w;

    private static double SumOfSquares(ReadOnlySpan<float> values)
    {
        double sum = 0.0;
        foreach (float v in values)
        {
            sum += (double)v * v;
        }

        return sum;
    }

    private void UpdateSlot(ParameterSlot slot, float alpha, float l2Gradient)
    {
        Span<float> w = _store.ValuesOf(slot);
        ReadOnlySpan<float> g0 = _store.GradientOf(slot, 0);
        ReadOnlySpan<float> g1 = _store.GradientOf(slot, 1);
        Span<float> m = _store.FirstMoments.AsSpan(slot.Offset, slot.Length);
        Span<float> v = _store.SecondMoments.AsSpan(slot.Offset, slot.Length);
        float b1 = 1f - Beta1;
        float b2 = 1f - Beta2;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int vectors = w.Length / Vector<float>.Count;
            var wv = MemoryMarshal.Cast<float, Vector<float>>(w)[..vectors];
            var g0v = MemoryMarshal.Cast<float, Vector<float>>(g0)[..vectors];
            var g1v = MemoryMarshal.Cast<float, Vector<float>>(g1)[..vectors];
            var mv = MemoryMarshal.Cast<float, Vector<float>>(m)[..vectors];
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v)[..vectors];
            for (int k = 0; k < vectors; k++)
            {
                Vector<float> g = g0v[k] + g1v[k] + l2Gradient * wv[k];
                mv[k] += (g - mv[k]) * b1;
                vv[k] += (g * g - vv[k]) * b2;
                wv[k] -= alpha * mv[k] / (Vector.SquareRoot(vv[k]) + new Vector<float>(Epsilon));
            }

            i = vectors * Vector<float>.Count;
        }

        for (; i < w.Length; i++)
        {
            float g = CombinedGradient(g0[i], g1[i], w[i], l2Gradient);
            m[i] += (g - m[i]) * b1;
            v[i] += (g * g - v[i]) * b2;
            w[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
        }
    }
}
