using Hltad.Rates;

namespace Hltad.Evaluation;

/// <summary>
/// Everything one seeding scheme gives for one member and object type (SEMANTICS.md section 9).
/// </summary>
/// <param name="Seeding">L1-seeded or L1-all.</param>
/// <param name="Threshold">The HLTAD threshold with its pure and total rates and the incoming rate.</param>
/// <param name="TargetFpr">FPR* = total HLTAD rate / incoming rate, the ROC working point.</param>
/// <param name="Efficiencies">Per efficiency kind (ASE, TSE and, for L1-seeded, MiSE), per sample tag.</param>
/// <param name="Roc">Per sample tag, the ROC summary against the background.</param>
public sealed record SchemeResult(
    SeedingScheme Seeding,
    RateThreshold Threshold,
    double TargetFpr,
    IReadOnlyDictionary<EfficiencyKind, IReadOnlyDictionary<string, SampleEfficiency>> Efficiencies,
    IReadOnlyDictionary<string, SampleRoc> Roc);
