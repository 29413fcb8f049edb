namespace Hltad.Evaluation;

/// <summary>The evaluation of one member's autoencoder for one object type.</summary>
/// <param name="ObjectType">"HLT" or "L1".</param>
/// <param name="Tags">The evaluated sample tags in ordinal order (the order of every per-tag table).</param>
/// <param name="L1Seeded">The L1-seeded scheme.</param>
/// <param name="L1All">The L1-all scheme.</param>
/// <param name="Pileup">L1-seeded background efficiency versus pileup; null when the background has no pileup.</param>
public sealed record ObjectTypeResult(
    string ObjectType,
    IReadOnlyList<string> Tags,
    SchemeResult L1Seeded,
    SchemeResult L1All,
    PileupEfficiency? Pileup)
{
    /// <summary>The result of one seeding scheme.</summary>
    public SchemeResult Scheme(SeedingScheme seeding) => seeding == SeedingScheme.L1Seeded ? L1Seeded : L1All;

    /// <summary>The per-tag efficiencies of one of the five schemes.</summary>
    public IReadOnlyDictionary<string, SampleEfficiency> Efficiencies(EfficiencyScheme scheme) =>
        Scheme(scheme.Seeding).Efficiencies[scheme.Kind];
}
