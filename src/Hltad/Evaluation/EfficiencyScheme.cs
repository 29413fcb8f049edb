namespace Hltad.Evaluation;

/// <summary>
/// One of the five efficiency schemes: L1-seeded ASE, TSE, MiSE and L1-all ASE, TSE (SEMANTICS.md section 9).
/// </summary>
/// <param name="Seeding">The seeding scheme whose threshold is used.</param>
/// <param name="Kind">Which events form the set S and which count as anomalous.</param>
public readonly record struct EfficiencyScheme(SeedingScheme Seeding, EfficiencyKind Kind)
{
    /// <summary>The five schemes in the reference's order.</summary>
    public static IReadOnlyList<EfficiencyScheme> All { get; } =
    [
        new(SeedingScheme.L1Seeded, EfficiencyKind.Ase),
        new(SeedingScheme.L1Seeded, EfficiencyKind.Tse),
        new(SeedingScheme.L1Seeded, EfficiencyKind.Mise),
        new(SeedingScheme.L1All, EfficiencyKind.Ase),
        new(SeedingScheme.L1All, EfficiencyKind.Tse),
    ];

    /// <summary>The efficiency kinds a seeding scheme has: MiSE exists only for L1-seeded.</summary>
    public static IReadOnlyList<EfficiencyKind> KindsOf(SeedingScheme seeding) =>
        seeding == SeedingScheme.L1Seeded
            ? [EfficiencyKind.Ase, EfficiencyKind.Tse, EfficiencyKind.Mise]
            : [EfficiencyKind.Ase, EfficiencyKind.Tse];

    /// <summary>The reference's key, e.g. <c>l1SeededASE</c> (used in <c>stability_EG_results.json</c>).</summary>
    public string Key => SchemeNames.Key(Seeding) + SchemeNames.Key(Kind);

    /// <summary>Label for people, e.g. "L1-seeded TSE".</summary>
    public string Label => SchemeNames.Label(Seeding) + " " + SchemeNames.Key(Kind);
}
