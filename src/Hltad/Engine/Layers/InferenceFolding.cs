namespace Hltad.Engine.Layers;

/// <summary>
/// Turns a trained layer chain into an <see cref="InferenceNetwork"/>: dropout removed; batch norm that
/// directly follows a Dense folded into it (<c>W'ᵢⱼ = Wᵢⱼ sⱼ</c>, <c>b'ⱼ = bⱼ sⱼ + tⱼ</c> with the
/// inference
/// scale s and shift t of <see cref="BatchNormLayer.InferenceAffine"/>); an activation after them becomes
/// the step's activation; a batch norm after an activation stays an <see cref="AffineInference"/> step.
/// </summary>
internal static class InferenceFolding
{
    public static InferenceNetwork Fold(IReadOnlyList<Layer> layers, ParameterStore store, int layerCount = -1)
    {
        int end = layerCount < 0 ? layers.Count : layerCount;
        var steps = new List<InferenceStep>();
        int i = 0;
        while (i < end)
        {
            switch (layers[i])
            {
                case DenseLayer dense:
                    i = FoldDense(layers, store, i, end, steps, dense);
                    break;
                case BatchNormLayer norm:
                    float[] scale = new float[norm.Inputs];
                    float[] shift = new float[norm.Inputs];
                    norm.InferenceAffine(store, scale, shift);
                    steps.Add(new AffineInference(scale, shift));
                    i++;
                    break;
                case DropoutLayer:
                    i++;
                    break;
                default:
                    throw new NotSupportedException($"{layers[i].GetType().Name} at position {i} cannot be exported");
            }
        }

        return new InferenceNetwork(steps);
    }

    private static int FoldDense(IReadOnlyList<Layer> layers, ParameterStore store, int i, int end,
        List<InferenceStep> steps, DenseLayer dense)
    {
        float[] kernel = store.ValuesOf(dense.Kernel).ToArray();
        float[] bias = store.ValuesOf(dense.Bias).ToArray();
        int next = i + 1;
        if (next < end && layers[next] is BatchNormLayer norm)
        {
            float[] scale = new float[norm.Inputs];
            float[] shift = new float[norm.Inputs];
            norm.InferenceAffine(store, scale, shift);
            for (int r = 0; r < dense.Inputs; r++)
            {
                for (int c = 0; c < dense.Outputs; c++)
                {
                    kernel[r * dense.Outputs + c] *= scale[c];
                }
            }

            for (int c = 0; c < dense.Outputs; c++)
            {
                bias[c] = bias[c] * scale[c] + shift[c];
            }

            next++;
        }

        Activation activation = Activation.Linear;
        float slope = 0.3f;
        if (next < end && layers[next] is ActivationLayer act)
        {
            activation = act.Activation;
            slope = act.Slope;
            next++;
        }

        steps.Add(new DenseInference(new DenseStep(dense.Inputs, dense.Outputs, kernel, bias, activation, slope)));
        return next;
    }
}
