using Hltad.Engine.Layers;
using Hltad.Io;

namespace Hltad.Engine;

/// <summary>
/// What every trainer of the engine shares: the epoch machinery (Adam, batches, shuffles, early stopping,
/// learning-rate schedule), the state it reports, and the models taken from its current or best weights.
/// <see cref="AutoencoderTrainer"/> and <see cref="VaeTrainer"/> add their network, checkpoint kind and
/// random keys.
/// </summary>
/// <typeparam name="TModel">The model the trainer makes.</typeparam>
public abstract class NetworkTrainer<TModel>
{
    private protected NetworkTrainer(TrainingOptions options, ulong seed, TrainingCore core)
    {
        Options = options;
        Seed = seed;
        Core = core;
    }

    public TrainingOptions Options { get; }

    public ulong Seed { get; }

    /// <summary>Epochs run so far.</summary>
    public int EpochsCompleted => Core.EpochsCompleted;

    /// <summary>True once early stopping fired or <see cref="TrainingOptions.MaxEpochs"/> epochs ran.</summary>
    public bool IsFinished => Core.IsFinished;

    /// <summary>Learning rate the next epoch will use.</summary>
    public double LearningRate => Core.Adam.LearningRate;

    /// <summary>Lowest validation loss so far (+∞ before the first epoch).</summary>
    public double BestValidationLoss => Core.Monitor.BestLoss;

    /// <summary>1-based epoch of <see cref="BestValidationLoss"/> (0 before the first epoch).</summary>
    public int BestEpoch => Core.Monitor.BestEpoch + 1;

    /// <summary>One report per epoch run.</summary>
    public IReadOnlyList<EpochReport> History => Core.History;

    private protected TrainingCore Core { get; }

    /// <summary>
    /// Runs one epoch: shuffle, one Adam step per batch, validation loss, early stopping and learning-rate
    /// schedule. Cancellation (checked between batches) throws and leaves the state of the previous epoch.
    /// </summary>
    /// <exception cref="InvalidOperationException">The training has finished.</exception>
    /// <exception cref="ArgumentException">The data do not have the network's number of values per event.
    /// </exception>
    public EpochReport RunEpoch(TrainingSet train, TrainingSet validation, CancellationToken cancellation = default) =>
        Core.RunEpoch(train, validation, cancellation);

    /// <summary>Runs epochs until finished, reporting each; returns <see cref="BestModel"/>.</summary>
    public TModel Train(TrainingSet train, TrainingSet validation, IProgress<EpochReport>? progress = null,
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
    public TModel BestModel() => Model(Core.BestValues, Core.BestStatistics);

    /// <summary>The model with the current weights.</summary>
    public TModel CurrentModel() => Model(Core.Network.Store.Values, Core.Network.Store.StatisticValues);

    /// <summary>Loss of <paramref name="data"/> under the current weights, computed as the validation loss.</summary>
    public double EvaluateLoss(TrainingSet data) => Core.EvaluateLoss(data);

    /// <summary>Writes the complete training state (docs/model-format.md).</summary>
    public abstract void SaveCheckpoint(Stream stream);

    /// <summary>Writes a checkpoint file (temporary name, then rename).</summary>
    public void SaveCheckpoint(string path) => AtomicFile.Write(path, SaveCheckpoint);

    /// <summary>A model with the given weights and batch-norm statistics and this training's history.</summary>
    private protected abstract TModel Model(float[] values, float[] statistics);
}
