using Hltad.Evaluation;
using ScottPlot;

namespace Hltad.Reports;

/// <summary>
/// Box plots over the ensemble members of one quantity per sample (horizontal, one row per sample), with every
/// member's value drawn as a dot on top of its box.
/// </summary>
internal static class DistributionPlot
{
    public static byte[] Render(
        string title,
        string valueLabel,
        IReadOnlyList<(string Tag, double[] Values)> rows,
        PlotOptions options)
    {
        using Plot plot = PlotStyle.NewPlot(title, valueLabel, "");
        string[] tags = rows.Select(r => r.Tag).ToArray();
        var dotsX = new List<double>();
        var dotsY = new List<double>();
        for (int i = 0; i < rows.Count; i++)
        {
            double row = PlotStyle.RowOf(i, rows.Count);
            if (BoxStatistics.Of(rows[i].Values) is not { } box)
            {
                var note = plot.Add.Text("no value in any member", 0, row);
                note.LabelFontColor = Colors.Gray;
                note.LabelItalic = true;
                note.LabelAlignment = Alignment.MiddleLeft;
                continue;
            }

            DrawBox(plot, row, box);
            dotsX.AddRange(rows[i].Values);
            dotsY.AddRange(rows[i].Values.Select(_ => row));
        }

        var dots = plot.Add.ScatterPoints(dotsX.ToArray(), dotsY.ToArray(), Colors.Black.WithAlpha(0.7));
        dots.MarkerSize = 6;
        PlotStyle.TagAxis(plot, tags);
        plot.Axes.Left.TickLabelStyle.FontSize = PlotStyle.TickLabelSize;
        if (dotsX.Count > 0)
        {
            double low = Math.Min(0, dotsX.Min());
            double high = Math.Max(dotsX.Max(), low + 1e-9);
            plot.Axes.SetLimitsX(low - 0.05 * (high - low), high + 0.08 * (high - low));
        }

        return PlotStyle.Png(plot, 1300, 200 + 46 * Math.Max(rows.Count, 3), options.Scale);
    }

    /// <summary>
    /// One horizontal box: whiskers with caps, the inter-quartile box and the median. (ScottPlot 5.1's own box
    /// plottable draws vertical boxes only.)
    /// </summary>
    private static void DrawBox(Plot plot, double row, BoxStatistics box)
    {
        const double halfHeight = 0.27;
        const double capHalfHeight = 0.14;
        Color line = PlotStyle.Hlt;
        Whisker(plot.Add.Line(box.WhiskerLow, row, box.Q1, row), line);
        Whisker(plot.Add.Line(box.Q3, row, box.WhiskerHigh, row), line);
        Whisker(plot.Add.Line(box.WhiskerLow, row - capHalfHeight, box.WhiskerLow, row + capHalfHeight), line);
        Whisker(plot.Add.Line(box.WhiskerHigh, row - capHalfHeight, box.WhiskerHigh, row + capHalfHeight), line);
        var rectangle = plot.Add.Rectangle(box.Q1, box.Q3, row - halfHeight, row + halfHeight);
        rectangle.FillColor = line.WithAlpha(0.3);
        rectangle.LineColor = line;
        rectangle.LineWidth = 1.5f;
        var median = plot.Add.Line(box.Median, row - halfHeight, box.Median, row + halfHeight);
        median.Color = PlotStyle.Combined;
        median.LineWidth = 3;
    }

    private static void Whisker(ScottPlot.Plottables.LinePlot whisker, Color color)
    {
        whisker.Color = color;
        whisker.LineWidth = 1.5f;
    }

    /// <summary>Per shown tag, the members' gains of one scheme (null gains left out).</summary>
    public static IReadOnlyList<(string Tag, double[] Values)> Gains(
        EvaluationResults results,
        string objectType,
        EfficiencyScheme scheme,
        PlotOptions options) =>
        PerTag(results, objectType, options, r => tag => r.Efficiencies(scheme).GetValueOrDefault(tag)?.GainPercent);

    /// <summary>Per shown tag, the members' signal efficiencies at FPR* of one seeding scheme.</summary>
    public static IReadOnlyList<(string Tag, double[] Values)> SignalEfficiencies(
        EvaluationResults results,
        string objectType,
        SeedingScheme seeding,
        PlotOptions options) =>
        PerTag(
            results, objectType, options, r => tag => r.Scheme(seeding).Roc.GetValueOrDefault(tag)?.SignalEfficiency);

    private static IReadOnlyList<(string Tag, double[] Values)> PerTag(
        EvaluationResults results,
        string objectType,
        PlotOptions options,
        Func<ObjectTypeResult, Func<string, double?>> value)
    {
        ObjectTypeResult[] members = results.Members
            .Select(m => m.Find(objectType))
            .OfType<ObjectTypeResult>()
            .ToArray();
        return members.SelectMany(m => m.Tags).Distinct().Order(StringComparer.Ordinal)
            .Where(tag => options.Shows(tag, results.Options.BackgroundTag))
            .Select(tag => (tag, members.Select(m => value(m)(tag)).OfType<double>().ToArray()))
            .ToArray();
    }
}
