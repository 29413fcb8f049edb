using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace Hltad.Reports;

/// <summary>Shared look of every plot: fonts, colours, tag axes, PNG encoding and side-by-side panels.</summary>
internal static class PlotStyle
{
    public const float TitleSize = 20;
    public const float AxisLabelSize = 16;
    public const float TickLabelSize = 14;
    public const float LegendSize = 14;

    /// <summary>HLT alone.</summary>
    public static readonly Color Hlt = Color.FromHex("#4C72B0");

    /// <summary>HLT + HLTAD.</summary>
    public static readonly Color Combined = Color.FromHex("#DD8452");

    /// <summary>Relative gain.</summary>
    public static readonly Color Gain = Color.FromHex("#55A868");

    /// <summary>Working points and reference lines.</summary>
    public static readonly Color Marker = Color.FromHex("#C44E52");

    /// <summary>A new plot with the common fonts and grid.</summary>
    public static Plot NewPlot(string? title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (title is not null)
        {
            plot.Title(title, TitleSize);
        }

        plot.XLabel(xLabel, AxisLabelSize);
        plot.YLabel(yLabel, AxisLabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickLabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickLabelSize;
        plot.Legend.FontSize = LegendSize;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        return plot;
    }

    /// <summary>Sample tags as the left-axis labels of horizontal bars: the first tag on top.</summary>
    public static void TagAxis(Plot plot, IReadOnlyList<string> tags)
    {
        double[] positions = tags.Select((_, i) => RowOf(i, tags.Count)).ToArray();
        plot.Axes.Left.TickGenerator = new NumericManual(positions, tags.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(-0.7, tags.Count - 0.3);
    }

    /// <summary>A rate for people: Hz, kHz or MHz with up to four significant digits.</summary>
    public static string Rate(double hz) => hz switch
    {
        >= 1e6 => $"{hz / 1e6:G4} MHz",
        >= 1e3 => $"{hz / 1e3:G4} kHz",
        _ => $"{hz:G4} Hz",
    };

    /// <summary>The y position of the i-th of n tags (the first at the top).</summary>
    public static double RowOf(int index, int count) => count - 1 - index;

    private static void Place(Plot plot, SKCanvas canvas, Paint paint, PixelRect target)
    {
        using ScottPlot.Image image = plot.GetImage((int)target.Width, (int)target.Height);
        image.Render(canvas, target, paint, antiAlias: true);
    }

    /// <summary>Encodes one plot as PNG: width × height logical pixels, drawn at <paramref name="scale"/>.</summary>
    public static byte[] Png(Plot plot, int width, int height, double scale)
    {
        plot.ScaleFactor = scale;
        return plot.GetImageBytes(Scaled(width, scale), Scaled(height, scale), ImageFormat.Png);
    }

    private static int Scaled(int logical, double scale) => (int)Math.Round(logical * scale);

    /// <summary>
    /// A title strip (with an optional legend line under the title) above panels laid side by side with the given
    /// width fractions, as one PNG of width × height logical pixels drawn at <paramref name="scale"/>.
    /// The panels keep identical vertical layouts, so their rows line up.
    /// </summary>
    public static byte[] SideBySide(
        string title,
        IReadOnlyList<(string Label, Color Color)> legend,
        IReadOnlyList<(Plot Plot, double Fraction)> panels,
        int width,
        int height,
        double scale)
    {
        int headerHeight = legend.Count > 0 ? 80 : 48;
        using SKSurface surface = SKSurface.Create(new SKImageInfo(Scaled(width, scale), Scaled(height, scale)))
            ?? throw new HltadException($"cannot allocate a {width}×{height} image");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Save();
        surface.Canvas.Scale((float)scale);
        DrawHeader(surface.Canvas, title, legend, width);
        surface.Canvas.Restore();

        // Each plot is drawn into an image of its own first, because a plot clears the whole canvas it renders on.
        using Paint paint = Paint.NewDisposablePaint();
        float left = 0;
        foreach ((Plot plot, double fraction) in panels)
        {
            float right = left + (float)(fraction * width * scale);
            plot.ScaleFactor = scale;
            var target = new PixelRect(left, right, Scaled(height, scale), Scaled(headerHeight, scale));
            Place(plot, surface.Canvas, paint, target);
            left = right;
        }

        using var image = new ScottPlot.Image(surface);
        return image.GetImageBytes(ImageFormat.Png);
    }

    private static void DrawHeader(
        SKCanvas canvas,
        string title,
        IReadOnlyList<(string Label, Color Color)> legend,
        int width)
    {
        // ScottPlot caches its typefaces and shares them between plots (and threads): not ours to dispose.
        SKTypeface bold = Fonts.GetTypeface(Fonts.Default, bold: true, italic: false);
        SKTypeface regular = Fonts.GetTypeface(Fonts.Default, bold: false, italic: false);
        using var titleFont = new SKFont(bold, TitleSize);
        using var legendFont = new SKFont(regular, LegendSize);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, width / 2f, 34, SKTextAlign.Center, titleFont, ink);

        // Legend: a colour swatch and a label per entry, centred on one line.
        const float swatch = 16;
        const float gap = 28;
        float[] labelWidths = legend.Select(item => legendFont.MeasureText(item.Label)).ToArray();
        float x = (width - (labelWidths.Sum() + legend.Count * (swatch + 8) + (legend.Count - 1) * gap)) / 2;
        for (int i = 0; i < legend.Count; i++)
        {
            using var fill = new SKPaint { Color = legend[i].Color.ToSKColor(), IsAntialias = true };
            canvas.DrawRect(x, 52, swatch, swatch, fill);
            canvas.DrawText(legend[i].Label, x + swatch + 8, 66, SKTextAlign.Left, legendFont, ink);
            x += swatch + 8 + labelWidths[i] + gap;
        }
    }
}
