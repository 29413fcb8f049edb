namespace Hltad.Training;

/// <summary>Outcome of <see cref="TrialTraining.Run"/>.</summary>
/// <param name="Layout">Where the trial's files are.</param>
/// <param name="TrainedMembers">Members trained in this call.</param>
/// <param name="FinishedMembers">Every member of the trial with all its models finished.</param>
public sealed record TrialTrainingResult(
    EnsembleLayout Layout,
    IReadOnlyList<int> TrainedMembers,
    IReadOnlyList<int> FinishedMembers);
