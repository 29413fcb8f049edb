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
public sealed class AutoencoderTrainer
{
    /// <summary>The "kind" of autoencoder checkpoint files.</summary>
    public const string CheckpointKind = "autoencoder-checkpoint";

    private readonly TrainingCore _core;
    private readonly ulong _dropoutKey;

    private AutoencoderTrainer(AutoencoderArchitecture architecture, TrainingOptions options, ulong seed,
        ulong dropoutKey, Xoshiro256StarStar random)
    {
        Architecture = architecture;
        Options = options;
        Seed = seed;
        _dropoutKey = dropoutKey;
        var network = new SequentialNetwork(AutoencoderLayers.Build(architecture, dropoutKey), options.BatchSize);
        _core = new TrainingCore(network, options, architecture.L2Coupling, random);
    }

    public AutoencoderArchitecture Architecture { get; }

    public TrainingOptions Options { get; }

    public ulong Seed { get; }

    /// <summary>Epochs run so far.</summary>
    public int EpochsCompleted => _core.EpochsCompleted;

    /// <summary>True once early stopping fired or <see cref="TrainingOptions.MaxEpochs"/> epochs ran.</summary>
    public bool IsFinished => _core.IsFinished;

    /// <summary>Learning rate the next epoch will use.</summary>
    public double LearningRate => _core.Adam.LearningRate;

    /// <summary>Lowest validation loss so far (+∞ before the first epoch).</summary>
    public double BestValidationLoss => _core.Monitor.BestLoss;

    /// <summary>1-based epoch of <see cref="BestValidationLoss"/> (0 before the first epoch).</summary>
    public int BestEpoch => _core.Monitor.BestEpoch + 1;

    /// <summary>One report per epoch run.</summary>
    public IReadOnlyList<EpochReport> History => _core.History;

    /// <summary>A new training with freshly initialised weights.</summary>
    /// <exception cref="ConfigurationException">An architecture or option value out of range.</exception>
    public static AutoencoderTrainer Start(AutoencoderArchitecture architecture, TrainingOptions options, ulong seed)
    {
        architecture.Validate();
        options.Validate();
        var random = new Xoshiro256StarStar(seed);
        ulong dropoutKey = random.NextUInt64();
        var trainer = new AutoencoderTrainer(architecture, options, seed, dropoutKey, random);
        trainer._core.InitialiseFresh(random);
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
        ulong dropoutKey = CheckpointCodec.Restore(trainer._core, header, tensors, source);
        return new AutoencoderTrainer(trainer, dropoutKey);
    }

    /// <summary>Continues a training from a checkpoint file.</summary>
    public static AutoencoderTrainer Resume(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Resume(stream, path);
    }

    /// <summary>
    /// Runs one epoch: shuffle, one Adam step per batch, validation loss, early stopping and learning-rate
    /// schedule. Cancellation (checked between batches) throws and leaves the state of the previous epoch.
    /// </summary>
    /// <exception cref="InvalidOperationException">The training has finished.</exception>
    /// <exception cref="ArgumentException">
    /// The data do not have <see cref="AutoencoderArchitecture.Features"/> values per event.
    /// </exception>
    public EpochReport RunEpoch(TrainingSet train, TrainingSet validation, CancellationToken cancellation = default) =>
        _core.RunEpoch(train, validation, cancellation);

    /// <summary>Runs epochs until finished, reporting each; returns <see cref="BestModel"/>.</summary>
    public Autoencoder Train(TrainingSet train, TrainingSet validation, IProgress<EpochReport>? progress = null,
        CancellationToken cancellation = default)
    {
        while (!IsFinished)
        {
            EpochReport report = RunEpoch(train, validation, cancellation);
            progress?.Report(report);
        }

        return BestModel();
    }

    /// <summary>The model with the weights of the best validation loss (Keras restore_best_weights).</summary>
    public Autoencoder BestModel() => Model(_core.BestValues, _core.BestStatistics);

    /// <summary>The model with the current weights.</summary>
    public Autoencoder CurrentModel() => Model(_core.Network.Store.Values, _core.Network.Store.StatisticValues);

    /// <summary>Loss of <paramref name="data"/> under the current weights, computed as the validation loss.</summary>
    public double EvaluateLoss(TrainingSet data) => _core.EvaluateLoss(data);

    /// <summary>Writes the complete training state (docs/model-format.md, kind "autoencoder-checkpoint").</summary>
    public void SaveCheckpoint(Stream stream)
    {
        JsonObject header = CheckpointCodec.Header(CheckpointKind, Architecture, Options, Seed, _core.Network.Layers);
        CheckpointCodec.Write(stream, _core, header, _dropoutKey);
    }

    /// <summary>Writes a checkpoint file (temporary name, then rename).</summary>
    public void SaveCheckpoint(string path) => AtomicFile.Write(path, SaveCheckpoint);

    private AutoencoderTrainer(AutoencoderTrainer restored, ulong dropoutKey)
    {
        Architecture = restored.Architecture;
        Options = restored.Options;
        Seed = restored.Seed;
        _dropoutKey = dropoutKey;
        _core = restored._core;
        foreach (DropoutLayer layer in _core.Network.Layers.OfType<DropoutLayer>())
        {
            layer.Key = dropoutKey;
        }
    }

    private Autoencoder Model(float[] values, float[] statistics)
    {
        ParameterStore store = _core.Network.Store;
        return new Autoencoder(Architecture, Options, Seed, StoreTensors.Export(store, values, statistics),
            [.. History], null, "trainer");
    }
}
