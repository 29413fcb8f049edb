using Hltad.Evaluation;

namespace Hltad.Reports;

/// <summary>What <see cref="ReportWriter"/> puts on the page.</summary>
/// <param name="Title">Page heading, e.g. the trial's name.</param>
/// <param name="Configuration">The trial's settings as key/value rows, in the order to show them.</param>
/// <param name="Results">The evaluation: settings, thresholds and rates, the ensemble summary.</param>
/// <param name="Plots">
/// The plots, shown in their groups in this order (e.g. from <see cref="PlotSet.RenderAll"/>).
/// </param>
/// <param name="Generated">Optional line saying when and by what the page was made (left out when null).</param>
public sealed record ReportContent(
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Configuration,
    EvaluationResults Results,
    IReadOnlyList<RenderedPlot> Plots,
    string? Generated = null);
