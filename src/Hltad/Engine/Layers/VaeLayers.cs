namespace Hltad.Engine.Layers;

/// <summary>Builds the layer chain of a <see cref="VaeArchitecture"/>.</summary>
internal static class VaeLayers
{
    public static List<Layer> Build(VaeArchitecture architecture, ulong noiseKey)
    {
        var layers = new List<Layer>();
        int width = architecture.Inputs;
        int dense = 0;
        int norm = 0;
        Activation activation = architecture.LeakyReluSlope > 0f ? Activation.LeakyRelu : Activation.Relu;

        void Block(int outputs)
        {
            layers.Add(new DenseLayer($"dense{dense++}", width, outputs));
            layers.Add(new BatchNormLayer($"bn{norm++}", outputs, architecture.BatchNormMomentum,
                architecture.BatchNormEpsilon));
            layers.Add(new ActivationLayer(outputs, activation, architecture.LeakyReluSlope));
            width = outputs;
        }

        Block(architecture.Hidden1);
        Block(architecture.Hidden2);
        layers.Add(new DenseLayer("z_head", width, 2 * architecture.LatentDim, glorotHeads: 2));
        layers.Add(new SamplingLayer(architecture.LatentDim, architecture.Beta, layers.Count, noiseKey));
        width = architecture.LatentDim;
        Block(architecture.Hidden2);
        Block(architecture.Hidden1);
        layers.Add(new DenseLayer($"dense{dense}", width, architecture.Inputs));
        return layers;
    }

    /// <summary>Index of the mean/log-variance head in the chain.</summary>
    public static int HeadIndex(IReadOnlyList<Layer> layers) =>
        layers.ToList().FindIndex(l => l is DenseLayer { Name: "z_head" });
}
