using Hltad.Engine;

namespace Hltad.Pipeline;

/// <summary>How <c>hltad l1ad train</c> trains the L1AD VAE.</summary>
/// <param name="Architecture">The VAE (default 44 → 32 → 16 → 3, as the reference L1AD encoder).</param>
/// <param name="Training">Epochs, batch size, patience.</param>
/// <param name="Seed">Seed of the split, the initial weights, shuffles and the latent samples.</param>
public sealed record L1adTrainingOptions(VaeArchitecture Architecture, TrainingOptions Training, ulong Seed = 1)
{
    /// <summary>The defaults: the reference architecture, at most 30 epochs.</summary>
    public static L1adTrainingOptions Default { get; } = new(
        new VaeArchitecture(),
        new TrainingOptions(MaxEpochs: 30, EarlyStoppingPatience: 5, LearningRatePatience: 3));
}
