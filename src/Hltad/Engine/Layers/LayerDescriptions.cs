using System.Text.Json.Nodes;

namespace Hltad.Engine.Layers;

/// <summary>The human-readable "layers" list of a model header (informational; the architecture rules).</summary>
internal static class LayerDescriptions
{
    public static JsonArray Describe(IReadOnlyList<Layer> layers)
    {
        var array = new JsonArray();
        foreach (Layer layer in layers)
        {
            array.Add(layer switch
            {
                DenseLayer d => new JsonObject
                {
                    ["type"] = "dense", ["name"] = d.Name, ["inputs"] = d.Inputs, ["outputs"] = d.Outputs,
                },
                BatchNormLayer b => new JsonObject
                {
                    ["type"] = "batch_normalization", ["name"] = b.Name, ["features"] = b.Inputs,
                    ["momentum"] = b.Momentum, ["epsilon"] = b.Epsilon,
                },
                ActivationLayer a => new JsonObject
                {
                    ["type"] = a.Activation == Activation.LeakyRelu ? "leaky_relu" : "relu", ["slope"] = a.Slope,
                },
                DropoutLayer o => new JsonObject { ["type"] = "dropout", ["rate"] = o.Rate },
                SamplingLayer z => new JsonObject { ["type"] = "sampling", ["latent"] = z.Latent, ["beta"] = z.Beta },
                _ => new JsonObject { ["type"] = layer.GetType().Name },
            });
        }

        return array;
    }
}
