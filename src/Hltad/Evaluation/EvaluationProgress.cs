namespace Hltad.Evaluation;

/// <summary>Reported once per member and object type as the ensemble evaluation goes on.</summary>
/// <param name="Member">Member index just evaluated.</param>
/// <param name="ObjectType">Object type just evaluated.</param>
/// <param name="Done">Member–object-type pairs finished so far.</param>
/// <param name="Total">Pairs in all.</param>
public sealed record EvaluationProgress(int Member, string ObjectType, int Done, int Total);
