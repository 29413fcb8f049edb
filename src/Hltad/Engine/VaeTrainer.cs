using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hltad.Engine.Layers;
using Hltad.Io;

namespace Hltad.Engine;

/// <summary>
/// Trains a <see cref="VariationalAutoencoder"/> with the epoch machinery of <see cref="AutoencoderTrainer"/>
/// (same Adam, batches, shuffles, early stopping, learning-rate schedule, checkpoints). The loss per
/// event is the masked MSE reconstruction term plus β · KL; the validation loss uses z = μ (no noise) and
/// includes the KL term. Random draws: the noise key first, then the Glorot kernels, then the shuffles.
/// </summary>
public sealed class VaeTrainer
{
    /// <summary>The "kind" of VAE checkpoint files.</summary>
    public const string CheckpointKind = "vae-checkpoint";

    private readonly TrainingCore _core;
    private ulong _noiseKey;

    private VaeTrainer(VaeArchitecture architecture, TrainingOptions options, ulong seed, ulong noiseKey,
        Xoshiro256StarStar random)
    {
        Architecture = architecture;
        Options = options;
        Seed = seed;
        _noiseKey = noiseKey;
        var network = new SequentialNetwork(VaeLayers.Build(architecture, noiseKey), options.BatchSize);
        _core = new TrainingCore(network, options, 0f, random);
    }

    public VaeArchitecture Architecture { get; }

    public TrainingOptions Options { get; }

    public ulong Seed { get; }

    public int EpochsCompleted => _core.EpochsCompleted;

    public bool IsFinished => _core.IsFinished;

    public double LearningRate => _core.Adam.LearningRate;

    public double BestValidationLoss => _core.Monitor.BestLoss;

    /// <summary>1-based epoch of <see cref="BestValidationLoss"/> (0 before the first epoch).</summary>
    public int BestEpoch => _core.Monitor.BestEpoch + 1;

    public IReadOnlyList<EpochReport> History => _core.History;

    /// <summary>A new training with freshly initialised weights.</summary>
    public static VaeTrainer Start(VaeArchitecture architecture, TrainingOptions options, ulong seed)
    {
        architecture.Validate();
        options.Validate();
        var random = new Xoshiro256StarStar(seed);
        ulong noiseKey = random.NextUInt64();
        var trainer = new VaeTrainer(architecture, options, seed, noiseKey, random);
        trainer._core.InitialiseFresh(random);
        return trainer;
    }

    /// <summary>Continues a training from a VAE checkpoint.</summary>
    /// <exception cref="ModelFormatException">Not a VAE checkpoint, another version, or damaged.</exception>
    public static VaeTrainer Resume(Stream checkpoint, string source = "checkpoint stream")
    {
        var (architecture, options, seed, header, tensors) =
            CheckpointCodec.Read<VaeArchitecture>(checkpoint, CheckpointKind, source);
        var trainer = new VaeTrainer(architecture, options, seed, 0, new Xoshiro256StarStar(seed));
        trainer._noiseKey = CheckpointCodec.Restore(trainer._core, header, tensors, source);
        foreach (SamplingLayer layer in trainer._core.Network.Layers.OfType<SamplingLayer>())
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

    /// <summary>One epoch (see <see cref="AutoencoderTrainer.RunEpoch"/>).</summary>
    public EpochReport RunEpoch(TrainingSet train, TrainingSet validation, CancellationToken cancellation = default) =>
        _core.RunEpoch(train, validation, cancellation);

    /// <summary>Runs epochs until finished; returns <see cref="BestModel"/>.</summary>
    public VariationalAutoencoder Train(TrainingSet train, TrainingSet validation,
        IProgress<EpochReport>? progress = null, CancellationToken cancellation = default)
    {
        while (!IsFinished)
        {
            EpochReport report = RunEpoch(train, validation, cancellation);
            progress?.Report(report);
        }

        return BestModel();
    }

    /// <summary>Loss of <paramref name="data"/> under the current weights, as the validation loss.</summary>
    public double EvaluateLoss(TrainingSet data) => _core.EvaluateLoss(data);

    public VariationalAutoencoder BestModel() => Model(_core.BestValues, _core.BestStatistics);

    public VariationalAutoencoder CurrentModel() =>
        Model(_core.Network.Store.Values, _core.Network.Store.StatisticValues);

    /// <summary>Writes the complete training state (kind "vae-checkpoint").</summary>
    public void SaveCheckpoint(Stream stream)
    {
        JsonObject header = CheckpointCodec.Header(CheckpointKind, Architecture, Options, Seed, _core.Network.Layers);
        CheckpointCodec.Write(stream, _core, header, _noiseKey);
    }

    /// <summary>Writes a checkpoint file (temporary name, then rename).</summary>
    public void SaveCheckpoint(string path) => AtomicFile.Write(path, SaveCheckpoint);

    private VariationalAutoencoder Model(float[] values, float[] statistics) =>
        new(Architecture, Options, Seed, StoreTensors.Export(_core.Network.Store, values, statistics),
            [.. History], null, "trainer");
}
