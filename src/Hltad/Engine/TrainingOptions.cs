namespace Hltad.Engine;

/// <summary>
/// How an autoencoder is trained (SEMANTICS.md section 7; Keras semantics of EarlyStopping and
/// ReduceLROnPlateau, both monitoring the validation loss).
/// </summary>
/// <param name="MaxEpochs">Upper limit on epochs (default 500).</param>
/// <param name="BatchSize">Events per optimiser step (default 512); the last batch of an epoch may be smaller.</param>
/// <param name="EarlyStoppingPatience">
/// Stop when this many epochs passed since the best validation loss (default 9); Keras counts the wait
/// from 1 after the best epoch and never stops after the first epoch. The best weights are the result.
/// </param>
/// <param name="LearningRatePatience">Multiply the rate by the factor after this many epochs without an
/// improvement of at least <paramref name="LearningRateMinDelta"/> (default 6).</param>
/// <param name="LearningRateFactor">Factor of the learning-rate reduction (default 0.1).</param>
/// <param name="LearningRate">Initial Adam learning rate (default 0.001).</param>
/// <param name="LearningRateMinDelta">Keras ReduceLROnPlateau min_delta: an improvement must exceed it
/// (default 1e-4, absolute).</param>
/// <param name="EarlyStoppingMinDelta">Keras EarlyStopping min_delta (default 0).</param>
/// <param name="MinLearningRate">The rate is never reduced below this (default 0).</param>
/// <param name="Beta1">Adam β₁ (default 0.9).</param>
/// <param name="Beta2">Adam β₂ (default 0.999).</param>
/// <param name="AdamEpsilon">Adam ε (default 1e-7, Keras).</param>
/// <param name="UseBothCores">Run each step as two parallel parts (default true); the numbers are the
/// same either way.</param>
public sealed record TrainingOptions(
    int MaxEpochs = 500,
    int BatchSize = 512,
    int EarlyStoppingPatience = 9,
    int LearningRatePatience = 6,
    double LearningRateFactor = 0.1,
    double LearningRate = 1e-3,
    double LearningRateMinDelta = 1e-4,
    double EarlyStoppingMinDelta = 0.0,
    double MinLearningRate = 0.0,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double AdamEpsilon = 1e-7,
    bool UseBothCores = true)
{
    /// <summary>Throws <see cref="ConfigurationException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (MaxEpochs < 1)
        {
            throw new ConfigurationException("epochs", $"must be at least 1, got {MaxEpochs}");
        }

        if (BatchSize < 1)
        {
            throw new ConfigurationException("batch_size", $"must be at least 1, got {BatchSize}");
        }

        if (EarlyStoppingPatience < 1 || LearningRatePatience < 1)
        {
            throw new ConfigurationException("patience", "early-stopping and learning-rate patience must be ≥ 1");
        }

        if (!(LearningRate > 0) || !(LearningRateFactor > 0 && LearningRateFactor <= 1))
        {
            throw new ConfigurationException("learning_rate", "the rate must be > 0 and the factor in (0, 1]");
        }

        if (!(Beta1 >= 0 && Beta1 < 1) || !(Beta2 >= 0 && Beta2 < 1) || !(AdamEpsilon > 0))
        {
            throw new ConfigurationException("adam", "β₁ and β₂ must be in [0, 1) and ε > 0");
        }
    }
}
