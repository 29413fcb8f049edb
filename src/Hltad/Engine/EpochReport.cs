namespace Hltad.Engine;

/// <summary>What one training epoch did.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean over the epoch's batches of the batch loss (each weighted by its size),
/// in training mode (dropout on, batch statistics), L2 term included.</param>
/// <param name="ValidationLoss">Loss over the validation set in inference mode, <c>Σ wᵢ ℓᵢ / n</c> plus the
/// L2 term (what early stopping and the learning-rate schedule monitor).</param>
/// <param name="LearningRate">Learning rate used during this epoch.</param>
/// <param name="EventsPerSecond">Training events per second of wall time (validation excluded).</param>
/// <param name="Improved">True when the validation loss is a new best (early-stopping sense).</param>
public sealed record EpochReport(
    int Epoch,
    double TrainLoss,
    double ValidationLoss,
    double LearningRate,
    double EventsPerSecond,
    bool Improved);
