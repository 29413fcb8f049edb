namespace Hltad.Engine.Layers;

/// <summary>Builds the layer chain of an <see cref="AutoencoderArchitecture"/> (SEMANTICS.md section 7).</summary>
internal static class AutoencoderLayers
{
    public static List<Layer> Build(AutoencoderArchitecture architecture, ulong dropoutKey)
    {
        var layers = new List<Layer>();
        int width = architecture.Features;
        int dense = 0;
        int norm = 0;
        IReadOnlyList<int> encoder = architecture.EncoderWidths;
        int[] decoder = [.. encoder.Reverse()];

        void Block(int outputs, bool dropout)
        {
            layers.Add(new DenseLayer($"dense{dense++}", width, outputs));
            var batchNorm = new BatchNormLayer($"bn{norm++}", outputs, architecture.BatchNormMomentum,
                architecture.BatchNormEpsilon);
            if (architecture.Large)
            {
                layers.Add(batchNorm);
                layers.Add(new ActivationLayer(outputs, Activation.Relu));
            }
            else
            {
                layers.Add(new ActivationLayer(outputs, Activation.Relu));
                layers.Add(batchNorm);
            }

            if (dropout)
            {
                layers.Add(new DropoutLayer(outputs, architecture.DropoutRate, layers.Count, dropoutKey));
            }

            width = outputs;
        }

        // Encoder blocks, then the latent layer (large: Dense → BN → ReLU; small: Dense → ReLU).
        foreach (int outputs in encoder)
        {
            Block(outputs, dropout: true);
        }

        if (architecture.Large)
        {
            Block(architecture.LatentDim, dropout: false);
        }
        else
        {
            layers.Add(new DenseLayer($"dense{dense++}", width, architecture.LatentDim));
            layers.Add(new ActivationLayer(architecture.LatentDim, Activation.Relu));
            width = architecture.LatentDim;
        }

        // Decoder blocks and the linear output.
        foreach (int outputs in decoder)
        {
            Block(outputs, dropout: true);
        }

        layers.Add(new DenseLayer($"dense{dense}", width, architecture.Features));
        return layers;
    }
}
