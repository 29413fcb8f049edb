namespace Hltad.Evaluation;

/// <summary>The ensemble summary of one object type (SEMANTICS.md section 9, "Ensemble summary").</summary>
/// <param name="ObjectType">"HLT" or "L1".</param>
/// <param name="Members">Indices of the members that have this object type.</param>
/// <param name="Tags">Every tag any of those members evaluated, in ordinal order.</param>
/// <param name="Efficiencies">Per efficiency scheme (all five), per tag.</param>
/// <param name="Roc">Per seeding scheme, per tag.</param>
public sealed record ObjectTypeSummary(
    string ObjectType,
    IReadOnlyList<int> Members,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<EfficiencyScheme, IReadOnlyDictionary<string, SampleEfficiencySummary>> Efficiencies,
    IReadOnlyDictionary<SeedingScheme, IReadOnlyDictionary<string, SampleRocSummary>> Roc);
