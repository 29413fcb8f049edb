using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hltad.Engine.Layers;
using Hltad.Io;

namespace Hltad.Engine;

/// <summary>
/// Trains an <see cref="Autoencoder"/> epoch by epoch (SEMANTICS.md section 7). Every random choice comes
/// from one <see cref="Xoshiro256StarStar"/> seeded with the seed: its first draw is the dropout key, the
/// next draws the Glorot-uniform kernels (layer by layer, row-major), then one Fisher–Yates shuffle per
/// epoch. Same seed and data give bit-identical weights on the same machine, whatever the thread timing.
/// After any epoch the whole state can be saved (<see cref="SaveCheckpoint(Stream)"/>) and resumed
/// (<see cref="Resume(Stream, string)"/>); the resumed run continues bit-identically.
/// </summary>
public sealed class AutoencoderTrainer : NetworkTrainer<Autoencoder>
{
    /// <summary>The "kind" of autoencoder checkpoint files.</summary>
    public const string CheckpointKind = "autoencoder-checkpoint";

    private readonly ulong _dropoutKey;

    private AutoencoderTrainer(AutoencoderArchitecture architecture, TrainingOptions options, ulong seed,
        ulong dropoutKey, Xoshiro256StarStar random)
        : base(options, seed, new TrainingCore(
            new SequentialNetwork(AutoencoderLayers.Build(architecture, dropoutKey), options.BatchSize),
            options, architecture.L2Coupling, random))
    {
        Architecture = architecture;
        _dropoutKey = dropoutKey;
    }

    public AutoencoderArchitecture Architecture { get; }

    /// <summary>A new training with freshly initialised weights.</summary>
    /// <exception cref="ConfigurationException">An architecture or option value out of range.</exception>
    public static AutoencoderTrainer Start(AutoencoderArchitecture architecture, TrainingOptions options, ulong seed)
    {
        architecture.Validate();
        options.Validate();
        var random = new Xoshiro256StarStar(seed);
        ulong dropoutKey = random.NextUInt64();
        var trainer = new AutoencoderTrainer(architecture, options, seed, dropoutKey, random);
        trainer.Core.InitialiseFresh(random);
        return trainer;
    }

    /// <summary>Continues a training from a checkpoint written by <see cref="SaveCheckpoint(Stream)"/>.</summary>
    /// <exception cref="ModelFormatException">Not a checkpoint, another version, or damaged.</exception>
    public static AutoencoderTrainer Resume(Stream checkpoint, string source = "checkpoint stream")
    {
        var (architecture, options, seed, header, tensors) =
            CheckpointCodec.Read<AutoencoderArchitecture>(checkpoint, CheckpointKind, source);
        architecture.Validate();
        options.Validate();
        var trainer = new AutoencoderTrainer(architecture, options, seed, 0, new Xoshiro256StarStar(seed));
        ulong dropoutKey = CheckpointCodec.Restore(trainer.Core, header, tensors, source);
        return new AutoencoderTrainer(trainer, dropoutKey);
    }

    /// <summary>Continues a training from a checkpoint file.</summary>
    public static AutoencoderTrainer Resume(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Resume(stream, path);
    }

    /// <summary>Writes the complete training state (docs/model-format.md, kind "autoencoder-checkpoint").</summary>
    public override void SaveCheckpoint(Stream stream)
    {
        JsonObject header = CheckpointCodec.Header(CheckpointKind, Architecture, Options, Seed, Core.Network.Layers);
        CheckpointCodec.Write(stream, Core, header, _dropoutKey);
    }

    private AutoencoderTrainer(AutoencoderTrainer restored, ulong dropoutKey)
        : base(restored.Options, restored.Seed, restored.Core)
    {
        Architecture = restored.Architecture;
        _dropoutKey = dropoutKey;
        foreach (DropoutLayer layer in Core.Network.Layers.OfType<DropoutLayer>())
        {
            layer.Key = dropoutKey;
        }
    }

    private protected override Autoencoder Model(float[] values, float[] statistics)
    {
        ParameterStore store = Core.Network.Store;
        return new Autoencoder(Architecture, Options, Seed, StoreTensors.Export(store, values, statistics),
            [.. History], null, "trainer");
    }
}
