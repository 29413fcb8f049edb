using Hltad.Data;
using Hltad.Engine;

namespace Hltad.Training;

/// <summary>
/// What an ensemble training does (SEMANTICS.md section 7): <paramref name="Members"/> members, each with one
/// autoencoder per object type, all with the same settings and seeds derived from <paramref name="Seed"/>.
/// </summary>
/// <param name="Members">Number of ensemble members (num_trainings).</param>
/// <param name="ObjectTypes">HLT and/or L1.</param>
/// <param name="Architecture">The autoencoder of every member.</param>
/// <param name="Options">Epochs, batch size, patience, learning rate.</param>
/// <param name="Seed">The trial seed; member k of object type o trains with <see cref="MemberSeed"/>.</param>
/// <param name="UseTrainingWeights">Weight events by 1000 · w / Σ w(EB_val) (training_weights).</param>
/// <param name="UseObjectMask">Mask the loss by the objects of the unscaled data (mask = objects).</param>
/// <param name="OnlyMember">Train only this member (batch systems); null for all.</param>
/// <param name="DocumentationJson">Trial and data options, appended as one line per trained member.</param>
/// <param name="ModelMetadataJson">Stored in every model file (normalisation statistics, trial options).</param>
public sealed record EnsemblePlan(
    int Members,
    IReadOnlyList<ObjectType> ObjectTypes,
    AutoencoderArchitecture Architecture,
    TrainingOptions Options,
    ulong Seed,
    bool UseTrainingWeights,
    bool UseObjectMask,
    int? OnlyMember,
    string DocumentationJson,
    string? ModelMetadataJson)
{
    /// <summary>The seed of member <paramref name="member"/>'s autoencoder on <paramref name="objectType"/>.</summary>
    public ulong MemberSeed(int member, ObjectType objectType) =>
        SplitMix64.Hash(Seed, (ulong)(2 * member + (objectType == ObjectType.Hlt ? 0 : 1)));

    /// <summary>The members this plan trains, in order.</summary>
    public IEnumerable<int> MembersToTrain() =>
        OnlyMember is int only ? [only] : Enumerable.Range(0, Members);
}
