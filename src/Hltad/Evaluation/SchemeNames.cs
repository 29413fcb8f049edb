namespace Hltad.Evaluation;

/// <summary>The names of the seeding schemes and efficiency kinds in results files and on plots.</summary>
public static class SchemeNames
{
    /// <summary>JSON key: <c>l1Seeded</c> or <c>l1All</c>.</summary>
    public static string Key(SeedingScheme seeding) => seeding switch
    {
        SeedingScheme.L1Seeded => "l1Seeded",
        SeedingScheme.L1All => "l1All",
        _ => throw new ArgumentOutOfRangeException(nameof(seeding)),
    };

    /// <summary>JSON key: <c>ASE</c>, <c>TSE</c> or <c>MiSE</c>.</summary>
    public static string Key(EfficiencyKind kind) => kind switch
    {
        EfficiencyKind.Ase => "ASE",
        EfficiencyKind.Tse => "TSE",
        EfficiencyKind.Mise => "MiSE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Label for people: "L1-seeded" or "L1-all".</summary>
    public static string Label(SeedingScheme seeding) => seeding switch
    {
        SeedingScheme.L1Seeded => "L1-seeded",
        SeedingScheme.L1All => "L1-all",
        _ => throw new ArgumentOutOfRangeException(nameof(seeding)),
    };

    /// <summary>Parses a JSON seeding key.</summary>
    /// <exception cref="HltadException">Not a known key.</exception>
    public static SeedingScheme ParseSeeding(string key) => key switch
    {
        "l1Seeded" => SeedingScheme.L1Seeded,
        "l1All" => SeedingScheme.L1All,
        _ => throw new HltadException($"unknown seeding scheme '{key}'"),
    };

    /// <summary>Parses a JSON efficiency key.</summary>
    /// <exception cref="HltadException">Not a known key.</exception>
    public static EfficiencyKind ParseKind(string key) => key switch
    {
        "ASE" => EfficiencyKind.Ase,
        "TSE" => EfficiencyKind.Tse,
        "MiSE" => EfficiencyKind.Mise,
        _ => throw new HltadException($"unknown efficiency scheme '{key}'"),
    };
}
