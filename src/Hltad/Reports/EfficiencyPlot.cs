using Hltad.Evaluation;
using ScottPlot;

namespace Hltad.Reports;

/// <summary>
/// HLT versus HLT + HLTAD efficiency per sample under one scheme, with the relative gain in a panel beside it.
/// </summary>
internal static class EfficiencyPlot
{
    public static byte[] Render(
        EvaluationResults results,
        ObjectTypeResult result,
        int member,
        EfficiencyScheme scheme,
        PlotOptions options)
    {
        IReadOnlyDictionary<string, SampleEfficiency> efficiencies = result.Efficiencies(scheme);
        string[] tags = result.Tags.Where(t => options.Shows(t, results.Options.BackgroundTag)).ToArray();
        string title = $"Member {member} · {result.ObjectType} objects · {scheme.Label} · "
            + $"HLTAD pure rate {results.Options.TargetRateHz:G4} Hz";
        Plot left = EfficiencyPanel(tags, efficiencies);
        Plot right = GainPanel(tags, efficiencies);
        int height = 180 + 46 * Math.Max(tags.Length, 3);
        try
        {
            return PlotStyle.SideBySide(
                title,
                [("HLT", PlotStyle.Hlt), ("HLT + HLTAD", PlotStyle.Combined), ("relative gain", PlotStyle.Gain)],
                [(left, 0.62), (right, 0.38)],
                1500,
                height,
                options.Scale);
        }
        finally
        {
            left.Dispose();
            right.Dispose();
        }
    }

    private static Plot EfficiencyPanel(string[] tags, IReadOnlyDictionary<string, SampleEfficiency> efficiencies)
    {
        Plot plot = PlotStyle.NewPlot(null, "Signal efficiency (weighted fraction of the sample's events)", "");
        var hltBars = new List<Bar>();
        var combinedBars = new List<Bar>();
        for (int i = 0; i < tags.Length; i++)
        {
            SampleEfficiency e = efficiencies.GetValueOrDefault(tags[i]) ?? SampleEfficiency.Empty;
            double row = PlotStyle.RowOf(i, tags.Length);
            if (e.HltEfficiency is not { } hlt || e.CombinedEfficiency is not { } combined)
            {
                NoteText(plot, 0.01, row, "no events in this scheme's set");
                continue;
            }

            hltBars.Add(HorizontalBar(row + 0.19, hlt, PlotStyle.Hlt, $"{hlt:0.000}"));
            combinedBars.Add(HorizontalBar(row - 0.19, combined, PlotStyle.Combined, $"{combined:0.000}"));
        }

        AddBars(plot, hltBars, PlotStyle.Hlt, "HLT");
        AddBars(plot, combinedBars, PlotStyle.Combined, "HLT + HLTAD");
        PlotStyle.TagAxis(plot, tags);
        plot.HideLegend();
        plot.Axes.SetLimitsX(0, 1.1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, 6).Select(i => i * 0.2).ToArray(),
            Enumerable.Range(0, 6).Select(i => $"{i * 0.2:0.0}").ToArray());
        return plot;
    }

    private static Plot GainPanel(string[] tags, IReadOnlyDictionary<string, SampleEfficiency> efficiencies)
    {
        Plot plot = PlotStyle.NewPlot(null, "Relative gain over HLT (%)", "");
        var bars = new List<Bar>();
        double largest = 1;
        for (int i = 0; i < tags.Length; i++)
        {
            SampleEfficiency e = efficiencies.GetValueOrDefault(tags[i]) ?? SampleEfficiency.Empty;
            double row = PlotStyle.RowOf(i, tags.Length);
            if (e.GainPercent is not { } gain)
            {
                NoteText(plot, 0, row, e.HltEfficiency == 0 ? "n/a (HLT efficiency 0)" : "n/a");
                continue;
            }

            bars.Add(HorizontalBar(row, gain, PlotStyle.Gain, $"{gain:+0.0;-0.0;0} %", size: 0.6));
            largest = Math.Max(largest, Math.Abs(gain));
        }

        AddBars(plot, bars, PlotStyle.Gain, null);
        PlotStyle.TagAxis(plot, tags);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            tags.Select((_, i) => PlotStyle.RowOf(i, tags.Length)).ToArray(), tags.Select(_ => "").ToArray());
        double low = bars.Count > 0 ? Math.Min(0, bars.Min(b => b.Value)) : 0;
        plot.Axes.SetLimitsX(low < 0 ? low * 1.35 : 0, largest * 1.35);
        plot.Add.VerticalLine(0, 1, Colors.Black.WithAlpha(0.5));
        return plot;
    }

    private static Bar HorizontalBar(double row, double value, Color color, string label, double size = 0.36) => new()
    {
        Position = row,
        Value = value,
        Size = size,
        FillColor = color,
        LineWidth = 0,
        Label = label,
        Orientation = Orientation.Horizontal,
    };

    private static void AddBars(Plot plot, List<Bar> bars, Color color, string? legend)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 12;
        if (legend is not null)
        {
            barPlot.LegendText = legend;
            barPlot.Color = color;
            foreach (Bar bar in bars)
            {
                bar.FillColor = color;
            }
        }
    }

    private static void NoteText(Plot plot, double x, double row, string text)
    {
        var note = plot.Add.Text(text, x, row);
        note.LabelFontSize = 13;
        note.LabelFontColor = Colors.Gray;
        note.LabelAlignment = Alignment.MiddleLeft;
        note.LabelItalic = true;
        note.OffsetX = 6;
    }
}
