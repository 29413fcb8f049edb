namespace Hltad.Evaluation;

/// <summary>The evaluation of one ensemble member, per object type.</summary>
/// <param name="Member">Member index k.</param>
/// <param name="ObjectTypes">One result per object type, in the order of the member's scores.</param>
public sealed record MemberResult(int Member, IReadOnlyList<ObjectTypeResult> ObjectTypes)
{
    /// <summary>The result for an object type, or null when the member has none for it.</summary>
    public ObjectTypeResult? Find(string objectType) =>
        ObjectTypes.FirstOrDefault(o => o.ObjectType == objectType);
}
