using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hltad.Engine.Layers;
using Hltad.Io;

namespace Hltad.Engine;

/// <summary>
/// Trains a <see cref="VariationalAutoencoder"/> with the epoch machinery of <see cref="NetworkTrainer{TModel}"/>
/// (same Adam, batches, shuffles, early stopping, learning-rate schedule, checkpoints). The loss per
/// event is the masked MSE reconstruction term plus β · KL; the validation loss uses z = μ (no noise) and
/// includes the KL term. Random draws: the noise key first, then the Glorot kernels, then the shuffles.
/// </summary>
public sealed class VaeTrainer : NetworkTrainer<VariationalAutoencoder>
{
    /// <summary>The "kind" of VAE checkpoint files.</summary>
    public const string CheckpointKind = "vae-checkpoint";

    private ulong _noiseKey;

    private VaeTrainer(VaeArchitecture architecture, TrainingOptions options, ulong seed, ulong noiseKey,
        Xoshiro256StarStar random)
        : base(options, seed, new TrainingCore(
            new SequentialNetwork(VaeLayers.Build(architecture, noiseKey), options.BatchSize), options, 0f, random))
    {
        Architecture = architecture;
        _noiseKey = noiseKey;
    }

    public VaeArchitecture Architecture { get; }

    /// <summary>A new training with freshly initialised weights.</summary>
    public static VaeTrainer Start(VaeArchitecture architecture, TrainingOptions options, ulong seed)
    {
        architecture.Validate();
        options.Validate();
        var random = new Xoshiro256StarStar(seed);
        ulong noiseKey = random.NextUInt64();
        var trainer = new VaeTrainer(architecture, options, seed, noiseKey, random);
        trainer.Core.InitialiseFresh(random);
        return trainer;
    }

    /// <summary>Continues a training from a VAE checkpoint.</summary>
    /// <exception cref="ModelFormatException">Not a VAE checkpoint, another version, or damaged.</exception>
    public static VaeTrainer Resume(Stream checkpoint, string source = "checkpoint stream")
    {
        var (architecture, options, seed, header, tensors) =
            CheckpointCodec.Read<VaeArchitecture>(checkpoint, CheckpointKind, source);
        var trainer = new VaeTrainer(architecture, options, seed, 0, new Xoshiro256StarStar(seed));
        trainer._noiseKey = CheckpointCodec.Restore(trainer.Core, header, tensors, source);
        foreach (SamplingLayer layer in trainer.Core.Network.Layers.OfType<SamplingLayer>())
        {
            layer.Key = trainer._noiseKey;
        }

        return trainer;
    }

    /// <summary>Continues a training from a VAE checkpoint file.</summary>
    public static VaeTrainer Resume(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Resume(stream, path);
    }

    /// <summary>Writes the complete training state (kind "vae-checkpoint").</summary>
    public override void SaveCheckpoint(Stream stream)
    {
        JsonObject header = CheckpointCodec.Header(CheckpointKind, Architecture, Options, Seed, Core.Network.Layers);
        CheckpointCodec.Write(stream, Core, header, _noiseKey);
    }

    private protected override VariationalAutoencoder Model(float[] values, float[] statistics) =>
        new(Architecture, Options, Seed, StoreTensors.Export(Core.Network.Store, values, statistics),
            [.. History], null, "trainer");
}
