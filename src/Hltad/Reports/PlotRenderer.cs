using Hltad.Evaluation;

namespace Hltad.Reports;

/// <summary>
/// The evaluation plots as PNG bytes (ScottPlot 5): per member and object type the efficiency comparison of
/// each scheme, the ROC curves of each seeding scheme and the pileup efficiency; per object type the box plots
/// over members. Text needs a system font (DejaVu Sans on Debian, package fonts-dejavu-core).
/// </summary>
public static class PlotRenderer
{
    /// <summary>
    /// HLT and HLT + HLTAD efficiency per sample (horizontal bars) with the relative gain in a second panel;
    /// the background is left out, and the dijets unless <see cref="PlotOptions.IncludeDijets"/>.
    /// </summary>
    /// <exception cref="HltadException">The member or object type is not in <paramref name="results"/>.</exception>
    public static byte[] EfficiencyComparison(
        EvaluationResults results,
        int member,
        string objectType,
        EfficiencyScheme scheme,
        PlotOptions? options = null) =>
        EfficiencyPlot.Render(results, Find(results, member, objectType), member, scheme, options ?? new PlotOptions());

    /// <summary>
    /// The ROC curves of every sample except the background under one seeding scheme, log–log, with AUC and the
    /// signal efficiency ε at FPR* in the legend and FPR* as a dashed line. Points with FPR or TPR of 0 cannot be
    /// drawn on log axes and are left out of the picture (not of the AUC).
    /// </summary>
    /// <exception cref="HltadException">The member or object type is not in <paramref name="results"/>.</exception>
    public static byte[] RocCurves(
        EvaluationResults results,
        int member,
        string objectType,
        SeedingScheme seeding,
        PlotOptions? options = null) =>
        RocPlot.Render(results, Find(results, member, objectType), member, seeding, options ?? new PlotOptions());

    /// <summary>
    /// The background's L1-seeded anomalous fraction per pileup bin with its 68.3 % Clopper–Pearson interval,
    /// and the fraction over all pileups (= FPR*) as a dashed line.
    /// </summary>
    /// <exception cref="HltadException">The member or object type is not in <paramref name="results"/>.</exception>
    public static byte[] PileupEfficiency(
        EvaluationResults results,
        int member,
        string objectType,
        PlotOptions? options = null) =>
        PileupPlot.Render(results, Find(results, member, objectType), member, options ?? new PlotOptions());

    /// <summary>
    /// Box plot over the members of the relative gain of each sample under one efficiency scheme (members with a
    /// null gain left out), each member's value as a dot.
    /// </summary>
    public static byte[] GainDistribution(
        EvaluationResults results,
        string objectType,
        EfficiencyScheme scheme,
        PlotOptions? options = null)
    {
        options ??= new PlotOptions();
        string title = $"{objectType} objects · {scheme.Label} gain over HLT · {Members(results, objectType)}"
            + $" · {results.Options.TargetRateHz:G4} Hz";
        return DistributionPlot.Render(
            title,
            "Relative efficiency gain of HLT + HLTAD over HLT (%)",
            DistributionPlot.Gains(results, objectType, scheme, options),
            options);
    }

    /// <summary>
    /// Box plot over the members of each sample's signal efficiency at FPR* under one seeding scheme.
    /// </summary>
    public static byte[] SignalEfficiencyDistribution(
        EvaluationResults results,
        string objectType,
        SeedingScheme seeding,
        PlotOptions? options = null)
    {
        options ??= new PlotOptions();
        string title = $"{objectType} objects · {SchemeNames.Label(seeding)} signal efficiency at FPR* · "
            + $"{Members(results, objectType)} · {results.Options.TargetRateHz:G4} Hz";
        return DistributionPlot.Render(
            title,
            "Signal efficiency at FPR* (true positive rate in the seed mask)",
            DistributionPlot.SignalEfficiencies(results, objectType, seeding, options),
            options);
    }

    private static string Members(EvaluationResults results, string objectType)
    {
        int count = results.Members.Count(m => m.Find(objectType) is not null);
        return count == 1 ? "1 member" : $"{count} members";
    }

    internal static ObjectTypeResult Find(EvaluationResults results, int member, string objectType) =>
        results.Members.FirstOrDefault(m => m.Member == member)?.Find(objectType)
            ?? throw new HltadException($"plots: no results for member {member}, object type '{objectType}'");
}
