namespace Hltad.Engine;

/// <summary>
/// Anomaly scores. <see cref="MaskedMse(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float})"/> is
/// the HLTAD score of SEMANTICS.md section 8: <c>Σⱼ mⱼ (yⱼ − xⱼ)² / max(Σⱼ mⱼ, 1)</c> between an
/// event's
/// inputs x and reconstruction y, with mask <c>m = (x ≠ 0) ∧ (x ≠ −999)</c> or an explicit 0/1 mask (non-zero
/// counts). <see cref="MeanSquare"/> is the L1AD score of section 2 (mean over outputs of the squared VAE
/// latent mean). Sums are taken in double and returned as float; an event with no masked value scores 0.
/// </summary>
public static class AdScore
{
    /// <summary>Score of one event; <paramref name="mask"/> empty means the default mask.</summary>
    public static float MaskedMse(ReadOnlySpan<float> input, ReadOnlySpan<float> reconstruction,
        ReadOnlySpan<float> mask)
    {
        double sum = 0.0;
        int count = 0;
        for (int j = 0; j < input.Length; j++)
        {
            bool on = mask.IsEmpty ? input[j] != 0f && input[j] != -999f : mask[j] != 0f;
            if (on)
            {
                double d = reconstruction[j] - input[j];
                sum += d * d;
                count++;
            }
        }

        return (float)(sum / Math.Max(count, 1));
    }

    /// <summary>Scores of <paramref name="count"/> events stored row-major (inputs.Length / count each).</summary>
    /// <exception cref="ArgumentException">Lengths that do not fit.</exception>
    public static void MaskedMse(ReadOnlySpan<float> inputs, ReadOnlySpan<float> reconstructions,
        ReadOnlySpan<float> mask, int count, Span<float> scores)
    {
        if (count == 0)
        {
            return;
        }

        int features = inputs.Length / count;
        if (inputs.Length != count * features || reconstructions.Length < inputs.Length
            || (!mask.IsEmpty && mask.Length < inputs.Length) || scores.Length < count)
        {
            throw new ArgumentException("inputs, reconstructions, mask and scores do not fit the event count");
        }

        for (int i = 0; i < count; i++)
        {
            int offset = i * features;
            scores[i] = MaskedMse(inputs.Slice(offset, features), reconstructions.Slice(offset, features),
                mask.IsEmpty ? default : mask.Slice(offset, features));
        }
    }

    /// <summary>Mean of the squared values (0 for an empty span).</summary>
    public static float MeanSquare(ReadOnlySpan<float> outputs)
    {
        double sum = 0.0;
        foreach (float v in outputs)
        {
            sum += (double)v * v;
        }

        return outputs.IsEmpty ? 0f : (float)(sum / outputs.Length);
    }
}
