using Hltad.Evaluation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Hltad.Reports;

/// <summary>
/// The ROC curves of one seeding scheme on log–log axes, one curve per sample with its AUC in the legend, the
/// FPR* working point as a vertical line and the diagonal of a random classifier.
/// </summary>
internal static class RocPlot
{
    /// <summary>Lowest decade shown on either axis.</summary>
    private const int LowestDecade = -7;

    /// <summary>Decades between drawn points of a curve (a 7-decade axis of 1000 px has 0.007 per pixel).</summary>
    private const double DrawingResolution = 0.002;

    public static byte[] Render(
        EvaluationResults results,
        ObjectTypeResult result,
        int member,
        SeedingScheme seeding,
        PlotOptions options)
    {
        SchemeResult scheme = result.Scheme(seeding);
        string background = results.Options.BackgroundTag;
        string title = $"Member {member} · {result.ObjectType} objects · {SchemeNames.Label(seeding)} ROC · "
            + $"HLTAD pure rate {results.Options.TargetRateHz:G4} Hz";
        using Plot plot = PlotStyle.NewPlot(
            title,
            $"False positive rate (fraction of {background} events in the seed mask accepted)",
            "True positive rate (fraction of signal events in the seed mask accepted)");

        // One curve per sample, drawn where both rates are above zero.
        IPalette palette = new ScottPlot.Palettes.Category10();
        int lowestX = 0;
        int lowestY = 0;
        int drawn = 0;
        foreach (string tag in result.Tags.Where(t => t != background))
        {
            SampleRoc roc = scheme.Roc[tag];
            if (roc.Curve is not { } curve)
            {
                continue;
            }

            (double[] xs, double[] ys) = LogPoints(curve);
            lowestX = Math.Min(lowestX, Decade(xs));
            lowestY = Math.Min(lowestY, Decade(ys));
            var line = plot.Add.ScatterLine(xs, ys, palette.GetColor(drawn++));
            line.LineWidth = 2;
            line.LegendText = $"{tag} (AUC {roc.Auc:0.000}, ε(FPR*) {roc.SignalEfficiency:0.000})";
        }

        // Random-classifier diagonal and the working point.
        lowestX = Math.Max(lowestX, LowestDecade);
        lowestY = Math.Max(lowestY, LowestDecade);
        int lowest = Math.Min(lowestX, lowestY);
        var diagonal = plot.Add.Line(lowest, lowest, 0, 0);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "random (TPR = FPR)";
        var working = plot.Add.VerticalLine(Math.Log10(scheme.TargetFpr), 2, Colors.Black, LinePattern.Dashed);
        working.LegendText = $"FPR* = {scheme.TargetFpr:0.###e0} ({PlotStyle.Rate(scheme.Threshold.TotalRateHz)} total"
            + $" of {PlotStyle.Rate(scheme.Threshold.IncomingRateHz)})";

        LogAxis(plot.Axes.Bottom, lowestX);
        LogAxis(plot.Axes.Left, lowestY);
        plot.Axes.SetLimits(lowestX, 0.05, lowestY, 0.05);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 13;
        return PlotStyle.Png(plot, 1500, 820, options.Scale);
    }

    /// <summary>
    /// log10 of the points with FPR &gt; 0 and TPR &gt; 0 (the others have no place on log axes), thinned for
    /// drawing: a point is kept when it lies at least <see cref="DrawingResolution"/> decades from the last kept
    /// one in either coordinate, so the drawn line stays within that of the full curve (a fraction of a pixel).
    /// </summary>
    private static (double[] Xs, double[] Ys) LogPoints(RocCurve curve)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < curve.Count; i++)
        {
            if (!(curve.FalsePositiveRates[i] > 0 && curve.TruePositiveRates[i] > 0))
            {
                continue;
            }

            double x = Math.Log10(curve.FalsePositiveRates[i]);
            double y = Math.Log10(curve.TruePositiveRates[i]);
            bool last = i == curve.Count - 1;
            if (xs.Count == 0 || last
                || Math.Max(Math.Abs(x - xs[^1]), Math.Abs(y - ys[^1])) >= DrawingResolution)
            {
                xs.Add(x);
                ys.Add(y);
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }

    private static int Decade(IEnumerable<double> logValues) =>
        logValues.Select(v => (int)Math.Floor(v)).DefaultIfEmpty(-1).Min();

    /// <summary>Major ticks at the decades labelled 10^k, minor ticks at 2…9 × 10^k.</summary>
    private static void LogAxis(IAxis axis, int lowest)
    {
        var ticks = new NumericManual();
        for (int decade = lowest; decade <= 0; decade++)
        {
            ticks.AddMajor(decade, decade == 0 ? "1" : $"10{Superscript(decade)}");
            for (int m = 2; m <= 9 && decade < 0; m++)
            {
                ticks.AddMinor(decade + Math.Log10(m));
            }
        }

        axis.TickGenerator = ticks;
    }

    private static string Superscript(int exponent) =>
        string.Concat(exponent.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => c switch
        {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        }));
}
