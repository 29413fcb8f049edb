namespace Hltad.Evaluation;

/// <summary>The scores of one trained ensemble member, for each object type it has a network for.</summary>
/// <param name="Member">Member index k (as in <c>scores/member_k</c>).</param>
/// <param name="ObjectTypes">Scores per object type, in the order they are evaluated and written.</param>
public sealed record MemberScores(int Member, IReadOnlyList<ObjectTypeScores> ObjectTypes);
