using Hltad.Data;
using Hltad.Engine;

namespace Hltad.Training;

/// <summary>What an ensemble training reports: one finished epoch of one member's autoencoder, or a model
/// that was already finished and is kept.</summary>
/// <param name="Member">Ensemble member k.</param>
/// <param name="Members">Number of members in the trial.</param>
/// <param name="ObjectType">HLT or L1.</param>
/// <param name="Epoch">The epoch just finished, or null when the model was found finished.</param>
/// <param name="MaxEpochs">Epoch cap.</param>
/// <param name="EstimatedRemaining">Rough time left for the whole plan, from the mean epoch time so far.</param>
public sealed record TrainingProgress(
    int Member,
    int Members,
    ObjectType ObjectType,
    EpochReport? Epoch,
    int MaxEpochs,
    TimeSpan? EstimatedRemaining);
