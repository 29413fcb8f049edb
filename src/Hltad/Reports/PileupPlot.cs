using Hltad.Evaluation;
using ScottPlot;

namespace Hltad.Reports;

/// <summary>
/// The L1-seeded HLTAD efficiency of the background versus pileup: one point per non-empty bin at its centre,
/// horizontal bars spanning the bin and vertical bars the 68.3 % Clopper–Pearson interval.
/// </summary>
internal static class PileupPlot
{
    public static byte[] Render(EvaluationResults results, ObjectTypeResult result, int member, PlotOptions options)
    {
        string background = results.Options.BackgroundTag;
        string title = $"Member {member} · {result.ObjectType} objects · L1-seeded HLTAD acceptance of {background}"
            + $" vs pileup · {results.Options.TargetRateHz:G4} Hz";
        using Plot plot = PlotStyle.NewPlot(
            title,
            "Pileup μ (mean interactions per bunch crossing)",
            $"Anomalous fraction of L1-seeded {background} events");
        if (result.Pileup is not { } pileup)
        {
            plot.Add.Text("no pileup information for the background", 0, 0).LabelFontSize = 16;
            return PlotStyle.Png(plot, 1300, 700, options.Scale);
        }

        // Points of the non-empty bins with their intervals.
        ScottPlot.Plottables.ErrorBar bars = Bars(pileup);
        plot.Add.Plottable(bars);
        var points = plot.Add.ScatterPoints(bars.Xs.ToArray(), bars.Ys.ToArray(), PlotStyle.Hlt);
        points.MarkerSize = 8;
        points.LegendText = "weighted anomalous fraction, 68.3 % Clopper–Pearson interval (effective counts)";

        // The fraction over all pileups is FPR*, the working point of the L1-seeded ROC.
        double overall = result.L1Seeded.TargetFpr;
        var line = plot.Add.HorizontalLine(overall, 1.5f, PlotStyle.Marker, LinePattern.Dashed);
        line.LegendText = $"all pileups: {overall:0.###e0} (= FPR*)";
        plot.Axes.SetLimitsX(pileup.Edges[0], pileup.Edges[^1]);
        double top = bars.Ys.Select((y, i) => y + bars.YErrorPositive![i]).DefaultIfEmpty(overall).Max();
        // A little room below 0, so that points at an efficiency of 0 show whole above the axis.
        plot.Axes.SetLimitsY(-0.02 * Math.Max(1e-3, top), Math.Max(1e-3, top) * 1.08);

        // Below the data area, so that no point near an efficiency of 1 hides behind it.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return PlotStyle.Png(plot, 1300, 700, options.Scale);
    }

    /// <summary>
    /// One point per non-empty bin at its centre: horizontal bars spanning the bin, vertical bars from the
    /// interval's lower to its upper end (ScottPlot takes distances from the point, positive = up/right).
    /// </summary>
    internal static ScottPlot.Plottables.ErrorBar Bars(PileupEfficiency pileup)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var below = new List<double>();
        var above = new List<double>();
        var halfWidths = new List<double>();
        for (int b = 0; b < pileup.Bins; b++)
        {
            if (pileup.Efficiency[b] is not { } efficiency)
            {
                continue;
            }

            xs.Add((pileup.Edges[b] + pileup.Edges[b + 1]) / 2);
            ys.Add(efficiency);
            below.Add(efficiency - pileup.Lower[b]!.Value);
            above.Add(pileup.Upper[b]!.Value - efficiency);
            halfWidths.Add((pileup.Edges[b + 1] - pileup.Edges[b]) / 2);
        }

        return new ScottPlot.Plottables.ErrorBar(xs, ys,
            xErrorsPositive: halfWidths, xErrorsNegative: halfWidths,
            yErrorsPositive: above, yErrorsNegative: below)
        {
            Color = PlotStyle.Hlt,
            LineWidth = 1.5f,
            CapSize = 4,
        };
    }
}
