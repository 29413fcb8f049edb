using Hltad.Physics;

namespace Hltad.Onnx;

/// <summary>
/// The HLTAD score of an event from its inputs and their reconstruction (SEMANTICS.md sections 7 and 8):
/// <c>Σⱼ mⱼ·(yⱼ − xⱼ)² / max(Σⱼ mⱼ, 1)</c> with the value mask <c>mⱼ = (xⱼ ≠ 0) ∧ (xⱼ ≠
/// −999)</c>.
/// Accumulated in double, returned as float. An event with no counted entry scores 0. A NaN input is counted
/// (it is neither 0 nor −999) and makes the score NaN, as in the in-graph score.
/// </summary>
public static class MaskedMseScore
{
    /// <summary>The score of one event; <paramref name="input"/> and <paramref name="reconstruction"/> align.</summary>
    public static float Event(ReadOnlySpan<float> input, ReadOnlySpan<float> reconstruction)
    {
        if (input.Length != reconstruction.Length)
        {
            throw new ArgumentException(
                $"input has {input.Length} values, reconstruction {reconstruction.Length}", nameof(reconstruction));
        }

        double sum = 0;
        int counted = 0;
        for (int j = 0; j < input.Length; j++)
        {
            float x = input[j];
            if (x == 0f || x == PhysicsConstants.MetNotComputed)
            {
                continue;
            }

            double difference = (double)reconstruction[j] - x;
            sum += difference * difference;
            counted++;
        }

        return (float)(sum / Math.Max(counted, 1));
    }

    /// <summary>
    /// Scores of <paramref name="scores"/>.Length events stored row-major with <paramref name="features"/> values
    /// each in <paramref name="inputs"/> and <paramref name="reconstructions"/>.
    /// </summary>
    public static void Events(
        ReadOnlySpan<float> inputs,
        ReadOnlySpan<float> reconstructions,
        int features,
        Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        long needed = (long)scores.Length * features;
        if (inputs.Length < needed || reconstructions.Length < needed)
        {
            throw new ArgumentException(
                $"{scores.Length} events of {features} values need {needed} inputs and reconstructions, got " +
                $"{inputs.Length} and {reconstructions.Length}");
        }

        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Event(inputs.Slice(i * features, features), reconstructions.Slice(i * features, features));
        }
    }
}
