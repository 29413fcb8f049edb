namespace Hltad.Reports;

/// <summary>How the evaluation plots are drawn.</summary>
/// <param name="IncludeDijets">
/// Whether the dijet samples (tags starting <c>jjJZ</c>) appear in the efficiency, gain and box plots; the
/// reference left them out because their large gains squeeze the other samples. ROC plots always show them.
/// </param>
/// <param name="Scale">Pixel scale of every image (1 = the default sizes, about 1400 px wide).</param>
public sealed record PlotOptions(bool IncludeDijets = true, double Scale = 1)
{
    /// <summary>Tag prefix of the dijet samples.</summary>
    public const string DijetPrefix = "jjJZ";

    /// <summary>Whether a tag is shown in the per-sample plots (never the background).</summary>
    internal bool Shows(string tag, string backgroundTag) =>
        tag != backgroundTag && (IncludeDijets || !tag.StartsWith(DijetPrefix, StringComparison.Ordinal));
}
