using Hltad.Engine;
using Hltad.Physics;

namespace Hltad.Pipeline;

/// <summary>An L1AD-shaped encoder (44 → 32 → 16 → 3, ReLU) with seeded random weights, for measurements that
/// need an L1AD model but not a trained one (<c>hltad bench</c>).</summary>
public static class L1adRandomNetwork
{
    /// <summary>The network; weights uniform in ±1/√inputs.</summary>
    public static InferenceNetwork Create(ulong seed)
    {
        ulong state = seed;
        int[] widths = [Topo2A.Inputs, 32, 16, 3];
        var steps = new List<InferenceStep>();
        for (int layer = 0; layer < widths.Length - 1; layer++)
        {
            int inputs = widths[layer];
            int outputs = widths[layer + 1];
            float limit = 1f / MathF.Sqrt(inputs);
            var kernel = new float[inputs * outputs];
            for (int i = 0; i < kernel.Length; i++)
            {
                kernel[i] = limit * (2f * (SplitMix64.Next(ref state) >> 40) / (1 << 24) - 1f);
            }

            Activation activation = layer < widths.Length - 2 ? Activation.Relu : Activation.Linear;
            steps.Add(new DenseInference(new DenseStep(inputs, outputs, kernel, new float[outputs], activation)));
        }

        return new InferenceNetwork(steps);
    }
}
