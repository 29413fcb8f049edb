using Hltad.Engine;

namespace Hltad.Onnx;

/// <summary>
/// A plain, unoptimised forward pass over an <see cref="InferenceNetwork"/>: one event at a time, sums in
/// double. It is the reference the ONNX exports are checked against (SEMANTICS.md section 10), not the fast path.
/// </summary>
public static class InferenceNetworkRunner
{
    /// <summary>
    /// The (count, network.Outputs) row-major outputs for <paramref name="count"/> events stored row-major in
    /// <paramref name="inputs"/> (network.Inputs values each).
    /// </summary>
    public static float[] Reconstruct(InferenceNetwork network, float[] inputs, int count)
    {
        InferenceNetworkValidation.Validate(network, nameof(network));
        CheckInputs(network, inputs, count);
        var outputs = new float[(long)count * network.Outputs];
        for (int i = 0; i < count; i++)
        {
            float[] values = inputs.AsSpan(i * network.Inputs, network.Inputs).ToArray();
            foreach (InferenceStep step in network.Steps)
            {
                values = Apply(step, values);
            }

            values.CopyTo(outputs, (long)i * network.Outputs);
        }

        return outputs;
    }

    /// <summary>
    /// The AD score of each event: the masked MSE between its inputs and the network's reconstruction
    /// (<see cref="MaskedMseScore"/>, SEMANTICS.md section 8). Needs network.Outputs = network.Inputs.
    /// </summary>
    public static float[] Scores(InferenceNetwork network, float[] inputs, int count)
    {
        InferenceNetworkValidation.Validate(network, nameof(network));
        if (network.Inputs != network.Outputs)
        {
            throw new ArgumentException(
                $"the network maps {network.Inputs} to {network.Outputs} values; a score needs equal widths",
                nameof(network));
        }

        float[] reconstructions = Reconstruct(network, inputs, count);
        var scores = new float[count];
        MaskedMseScore.Events(inputs, reconstructions, network.Inputs, scores);
        return scores;
    }

    private static float[] Apply(InferenceStep step, float[] x) => step switch
    {
        DenseInference dense => Dense(dense.Dense, x),
        AffineInference affine => Affine(affine, x),
        _ => throw new ArgumentException($"unsupported step type {step.GetType().Name}", nameof(step)),
    };

    /// <summary>y_k = act(Σ_j x_j · Kernel[j, k] + Bias[k]).</summary>
    private static float[] Dense(DenseStep dense, float[] x)
    {
        var y = new float[dense.Outputs];
        for (int k = 0; k < dense.Outputs; k++)
        {
            double sum = dense.Bias[k];
            for (int j = 0; j < dense.Inputs; j++)
            {
                sum += (double)x[j] * dense.Kernel[j * dense.Outputs + k];
            }

            y[k] = dense.Activation switch
            {
                Activation.Linear => (float)sum,
                Activation.Relu => sum > 0 ? (float)sum : 0f,
                Activation.LeakyRelu => sum >= 0 ? (float)sum : (float)(sum * dense.LeakyReluSlope),
                _ => throw new ArgumentException($"unknown activation {dense.Activation}", nameof(dense)),
            };
        }

        return y;
    }

    /// <summary>y_j = x_j · Scale[j] + Shift[j].</summary>
    private static float[] Affine(AffineInference affine, float[] x)
    {
        var y = new float[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            y[j] = (float)((double)x[j] * affine.Scale[j] + affine.Shift[j]);
        }

        return y;
    }

    private static void CheckInputs(InferenceNetwork network, float[] inputs, int count)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (inputs.Length < (long)count * network.Inputs)
        {
            throw new ArgumentException(
                $"{count} events of {network.Inputs} values need {(long)count * network.Inputs} inputs, " +
                $"got {inputs.Length}", nameof(inputs));
        }
    }
}
