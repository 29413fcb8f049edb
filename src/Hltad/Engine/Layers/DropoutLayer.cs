using System.Runtime.Intrinsics;

namespace Hltad.Engine.Layers;

/// <summary>
/// Inverted dropout: in training each value is kept with probability 1 − rate and scaled by
/// <c>(float)(1 / (1 − rate))</c>, otherwise set to 0; in inference it is the identity. The decision for
/// element e = row · width + column of the batch at optimiser step s is
/// <c>drop ⇔ (h &gt;&gt; 40) &lt; rate · 2²⁴</c> with <c>h = SplitMix64.Hash(Mix(Mix(key + (s+1)γ) + (l+1)γ),
/// e)</c>,
/// l the index of the layer in its network and key the network's dropout key, so a decision depends on
/// (seed, step, layer, row, column) only: not on threads, and reproducible outside the engine.
/// </summary>
internal sealed class DropoutLayer(int features, float rate, int layerIndex, ulong key) : Layer(features, features)
{
    private float[] _multiplier = [];

    public float Rate { get; } = rate;

    public int LayerIndex { get; } = layerIndex;

    /// <summary>Key of the network's dropout stream.</summary>
    public ulong Key { get; set; } = key;

    public void Reserve(int capacity) => _multiplier = new float[capacity * Inputs];

    /// <summary>The key of one step of this layer: Mix(Mix(key + (s+1)γ) + (l+1)γ).</summary>
    public static ulong StepKey(ulong key, long step, int layerIndex) =>
        SplitMix64.Hash(SplitMix64.Hash(key, (ulong)step), (ulong)layerIndex);

    public override void Forward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        int first = start * Inputs;
        int length = (end - start) * Inputs;
        ReadOnlySpan<float> x = Input.AsSpan(first, length);
        Span<float> y = Output.AsSpan(first, length);
        if (!batch.Training || Rate <= 0f)
        {
            x.CopyTo(y);
            return;
        }

        Span<float> multiplier = _multiplier.AsSpan(first, length);
        FillMultipliers(StepKey(Key, batch.Step, LayerIndex), first, Rate, multiplier);
        Kernels.Elementwise.Multiply(x, multiplier, y);
    }

    public override void Backward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        int first = start * Inputs;
        int length = (end - start) * Inputs;
        ReadOnlySpan<float> dy = OutputGradient.AsSpan(first, length);
        Span<float> dx = InputGradient.AsSpan(first, length);
        if (Rate <= 0f)
        {
            dy.CopyTo(dx);
            return;
        }

        Kernels.Elementwise.Multiply(dy, _multiplier.AsSpan(first, length), dx);
    }

    /// <summary>multiplier[i] = scale or 0 for elements firstIndex + i (vectorised when AVX-512 is there).</summary>
    internal static void FillMultipliers(ulong stepKey, int firstIndex, float rate, Span<float> multiplier)
    {
        float scale = (float)(1.0 / (1.0 - rate));
        ulong threshold = (ulong)Math.Ceiling(rate * 16777216.0);
        int i = 0;
        if (Vector512.IsHardwareAccelerated && Kernels.KernelDispatch.Current == Kernels.KernelPath.Vector512)
        {
            Vector512<ulong> limit = Vector512.Create(threshold);
            Vector512<uint> keep = Vector512.Create(BitConverter.SingleToUInt32Bits(scale));
            for (; i + 16 <= multiplier.Length; i += 16)
            {
                Vector512<ulong> low = SplitMix64.Hash8(stepKey, (ulong)(firstIndex + i)) >>> 40;
                Vector512<ulong> high = SplitMix64.Hash8(stepKey, (ulong)(firstIndex + i + 8)) >>> 40;
                Vector512<uint> kept = Vector512.Narrow(Vector512.GreaterThanOrEqual(low, limit),
                    Vector512.GreaterThanOrEqual(high, limit));
                (kept & keep).AsSingle().CopyTo(multiplier[i..]);
            }
        }

        for (; i < multiplier.Length; i++)
        {
            ulong h = SplitMix64.Hash(stepKey, (ulong)(firstIndex + i)) >> 40;
            multiplier[i] = h >= threshold ? scale : 0f;
        }
    }
}
