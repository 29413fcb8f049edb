using Hltad.Evaluation;
using Hltad.Io;

namespace Hltad.Reports;

/// <summary>Every evaluation plot of a trial, rendered and grouped for the report, and written as PNG files.</summary>
public static class PlotSet
{
    /// <summary>
    /// Renders, per object type, the ensemble box plots (gain per efficiency scheme, signal efficiency at FPR* per
    /// seeding scheme) and per member the five efficiency comparisons, the two ROC plots and the pileup
    /// efficiency. Paths are <c>&lt;obj&gt;/ensemble/…</c> and <c>&lt;obj&gt;/member_&lt;k&gt;/…</c>.
    /// </summary>
    /// <param name="results">The evaluation.</param>
    /// <param name="options">Drawing options (dijets in or out of the per-sample plots, scale).</param>
    /// <param name="progress">Told after each plot, from the thread that drew it (plots are drawn in parallel).</param>
    /// <param name="cancellationToken">Checked between plots.</param>
    public static IReadOnlyList<RenderedPlot> RenderAll(
        EvaluationResults results,
        PlotOptions? options = null,
        IProgress<RenderedPlot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new PlotOptions();
        var planned = new List<(string Group, string Path, string Title, Func<byte[]> Render)>();
        void Add(string group, string path, string title, Func<byte[]> render) =>
            planned.Add((group, path, title, render));

        foreach (string objectType in results.ObjectTypes)
        {
            // Spread over the members.
            int members = results.Members.Count(m => m.Find(objectType) is not null);
            string ensemble = $"{objectType} objects · ensemble of {members} member{(members == 1 ? "" : "s")}";
            foreach (EfficiencyScheme scheme in EfficiencyScheme.All)
            {
                Add(ensemble, $"{objectType}/ensemble/gain_{Key(scheme)}.png", $"{scheme.Label} gain over HLT",
                    () => PlotRenderer.GainDistribution(results, objectType, scheme, options));
            }

            foreach (SeedingScheme seeding in Seedings)
            {
                Add(ensemble, $"{objectType}/ensemble/signal_efficiency_{SchemeNames.Key(seeding)}.png",
                    $"{SchemeNames.Label(seeding)} signal efficiency at FPR*",
                    () => PlotRenderer.SignalEfficiencyDistribution(results, objectType, seeding, options));
            }

            // Each member.
            foreach (MemberResult member in results.Members.Where(m => m.Find(objectType) is not null))
            {
                string group = $"{objectType} objects · member {member.Member}";
                string folder = $"{objectType}/member_{member.Member}";
                foreach (EfficiencyScheme scheme in EfficiencyScheme.All)
                {
                    Add(group, $"{folder}/efficiency_{Key(scheme)}.png", $"{scheme.Label} efficiency and gain",
                        () => PlotRenderer.EfficiencyComparison(results, member.Member, objectType, scheme, options));
                }

                foreach (SeedingScheme seeding in Seedings)
                {
                    Add(group, $"{folder}/roc_{SchemeNames.Key(seeding)}.png",
                        $"{SchemeNames.Label(seeding)} ROC curves",
                        () => PlotRenderer.RocCurves(results, member.Member, objectType, seeding, options));
                }

                Add(group, $"{folder}/pileup_efficiency.png", "L1-seeded background acceptance vs pileup",
                    () => PlotRenderer.PileupEfficiency(results, member.Member, objectType, options));
            }
        }

        // Each plot is drawn on its own surface, so they can be drawn on every core; the list keeps its order.
        var plots = new RenderedPlot[planned.Count];
        ParallelWork.For(planned.Count, Environment.ProcessorCount, cancellationToken, i =>
        {
            (string group, string path, string title, Func<byte[]> render) = planned[i];
            plots[i] = new RenderedPlot(group, path, title, render());
            progress?.Report(plots[i]);
        });
        return plots;
    }

    /// <summary>Writes each plot to <c>directory/RelativePath</c>, each atomically.</summary>
    public static void WriteAll(string directory, IEnumerable<RenderedPlot> plots)
    {
        foreach (RenderedPlot plot in plots)
        {
            AtomicFile.WriteAllBytes(Path.Combine(directory, plot.RelativePath), plot.Png);
        }
    }

    private static readonly SeedingScheme[] Seedings = [SeedingScheme.L1Seeded, SeedingScheme.L1All];

    private static string Key(EfficiencyScheme scheme) =>
        $"{SchemeNames.Key(scheme.Seeding)}_{SchemeNames.Key(scheme.Kind)}";
}
