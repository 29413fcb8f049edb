using System.Text;
using Hltad.Io;

namespace Hltad.Reports;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS, PNGs as base64 data URIs, no network) with the
/// configuration, thresholds and rates, the ensemble summary tables and every plot grouped by object type and
/// member. An inline script marks the page with <c>data-images-total</c> and <c>data-images-broken</c> on
/// <c>&lt;body&gt;</c> once loaded, which tools/check_report.sh reads.
/// </summary>
public static class ReportWriter
{
    /// <summary>The page as HTML text.</summary>
    public static string Render(ReportContent content) => new ReportHtml(content).Build();

    /// <summary>Writes the page (UTF-8) atomically.</summary>
    public static void Write(string path, ReportContent content) =>
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(Render(content)));
}
