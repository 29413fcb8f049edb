namespace Hltad.Engine.Layers;

/// <summary>
/// The training loss of SEMANTICS.md sections 7 and 8 with per-event weights (deliberate difference 1):
/// per event <c>ℓᵢ = Σⱼ mᵢⱼ (yᵢⱼ − tᵢⱼ)² / max(Σⱼ mᵢⱼ, 1)</c>, with the mask m either
/// <c>(t ≠ 0) ∧ (t ≠ −999)</c> or an explicit 0/1 mask; batch loss <c>Σᵢ wᵢ ℓᵢ / n</c> (the L2 term is
/// added by the optimiser). Its gradient <c>2 wᵢ mᵢⱼ (yᵢⱼ − tᵢⱼ) / (n · max(count, 1))</c>.
/// </summary>
internal sealed class MaskedMseLoss
{
    private readonly double[] _partialSums = new double[2];

    /// <summary>Σ wᵢ ℓᵢ over the rows of each part for the last call.</summary>
    public double PartialSum(int part) => _partialSums[part];

    /// <summary>
    /// Loss (and, when <paramref name="gradient"/> is not empty, its gradient) for this part's rows;
    /// <paramref name="mask"/> empty means the default mask.
    /// </summary>
    public void Compute(int part, BatchState batch, int features, ReadOnlySpan<float> targets,
        ReadOnlySpan<float> mask, ReadOnlySpan<float> outputs, Span<float> gradient)
    {
        (int start, int end) = batch.RowsOf(part);
        double total = 0.0;
        double scale = 2.0 / Math.Max(batch.Rows, 1);
        for (int r = start; r < end; r++)
        {
            int offset = r * features;
            ReadOnlySpan<float> t = targets.Slice(offset, features);
            ReadOnlySpan<float> y = outputs.Slice(offset, features);
            ReadOnlySpan<float> m = mask.IsEmpty ? default : mask.Slice(offset, features);
            double sum = 0.0;
            int count = 0;
            for (int j = 0; j < features; j++)
            {
                bool on = mask.IsEmpty ? t[j] != 0f && t[j] != -999f : m[j] != 0f;
                if (on)
                {
                    double d = y[j] - t[j];
                    sum += d * d;
                    count++;
                }
            }

            double divisor = Math.Max(count, 1);
            float w = batch.Weights[r];
            total += w * (sum / divisor);
            if (!gradient.IsEmpty)
            {
                WriteGradient(gradient.Slice(offset, features), t, y, m, mask.IsEmpty, (float)(scale * w / divisor));
            }
        }

        _partialSums[part] = total;
    }

    private static void WriteGradient(Span<float> g, ReadOnlySpan<float> t, ReadOnlySpan<float> y,
        ReadOnlySpan<float> m, bool defaultMask, float factor)
    {
        for (int j = 0; j < g.Length; j++)
        {
            bool on = defaultMask ? t[j] != 0f && t[j] != -999f : m[j] != 0f;
            g[j] = on ? factor * (y[j] - t[j]) : 0f;
        }
    }
}
