using System.Globalization;
using System.Net;
using System.Text;
using Hltad.Evaluation;

namespace Hltad.Reports;

/// <summary>Builds the HTML of <see cref="ReportWriter"/>, one section per method.</summary>
internal sealed class ReportHtml(ReportContent content)
{
    private readonly StringBuilder _html = new();

    private EvaluationResults Results => content.Results;

    public string Build()
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(content.Title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n");
        Header();
        Contents();
        Configuration();
        Thresholds();
        foreach (ObjectTypeSummary summary in Results.Summary.ObjectTypes)
        {
            GainSummary(summary);
            RocSummary(summary);
        }

        Plots();
        _html.Append("<script>\n").Append(ReportStyle.Script).Append("</script>\n</body>\n</html>\n");
        return _html.ToString();
    }

    private void Header()
    {
        _html.Append("<header><h1>").Append(Encode(content.Title)).Append("</h1>\n<p class=\"lead\">")
            .Append(Encode($"HLT anomaly-detection evaluation · {Results.Members.Count} ensemble member"
                + (Results.Members.Count == 1 ? "" : "s")
                + $" · HLTAD pure-rate target {Number(Results.Options.TargetRateHz)} Hz · background "
                + Results.Options.BackgroundTag))
            .Append("</p>\n");
        if (content.Generated is not null)
        {
            _html.Append("<p class=\"generated\">").Append(Encode(content.Generated)).Append("</p>\n");
        }

        _html.Append("</header>\n");
    }

    private void Contents()
    {
        _html.Append("<nav><h2>Contents</h2><ul>\n<li><a href=\"#configuration\">Configuration</a></li>\n")
            .Append("<li><a href=\"#thresholds\">Thresholds and rates</a></li>\n");
        foreach (ObjectTypeSummary summary in Results.Summary.ObjectTypes)
        {
            _html.Append($"<li><a href=\"#summary-{Id(summary.ObjectType)}\">Summary, ")
                .Append(Encode(summary.ObjectType)).Append(" objects</a></li>\n");
        }

        foreach (string group in content.Plots.Select(p => p.Group).Distinct())
        {
            _html.Append($"<li><a href=\"#plots-{Id(group)}\">Plots: ").Append(Encode(group)).Append("</a></li>\n");
        }

        _html.Append("</ul></nav>\n");
    }

    private void Configuration()
    {
        EvaluationOptions o = Results.Options;
        _html.Append("<section id=\"configuration\"><h2>Configuration</h2>\n<div class=\"columns\">\n");
        KeyValueTable("Trial", content.Configuration);
        KeyValueTable("Evaluation",
        [
            new("HLTAD pure-rate target", $"{Number(o.TargetRateHz)} Hz"),
            new("L1AD rate budget", $"{Number(o.L1adRateHz)} Hz"),
            new("L1AD threshold", Number(o.L1adThreshold)),
            new("L1AD total rate (L1-seeded HLT input)", $"{Number(o.L1adTotalRateHz)} Hz"),
            new("L1-all HLT input rate", $"{Number(o.L1AllIncomingRateHz)} Hz"),
            new("Background sample", o.BackgroundTag),
            new("Members evaluated", string.Join(", ", Results.Members.Select(m => m.Member))),
        ]);
        _html.Append("</div></section>\n");
    }

    private void KeyValueTable(string caption, IReadOnlyList<KeyValuePair<string, string>> rows)
    {
        _html.Append("<table class=\"kv\"><caption>").Append(Encode(caption)).Append("</caption>\n");
        foreach ((string key, string value) in rows)
        {
            _html.Append("<tr><th>").Append(Encode(key)).Append("</th><td>").Append(Encode(value))
                .Append("</td></tr>\n");
        }

        _html.Append("</table>\n");
    }

    private void Thresholds()
    {
        _html.Append("<section id=\"thresholds\"><h2>Thresholds and rates</h2>\n<table class=\"data\">\n")
            .Append("<thead><tr><th>objects</th><th>member</th><th>scheme</th><th>HLTAD threshold</th>")
            .Append("<th>pure rate (Hz)</th><th>total rate (Hz)</th><th>incoming rate (Hz)</th>")
            .Append("<th>FPR*</th></tr></thead>\n")
            .Append("<tbody>\n");
        foreach (string objectType in Results.ObjectTypes)
        {
            foreach (MemberResult member in Results.Members)
            {
                if (member.Find(objectType) is not { } result)
                {
                    continue;
                }

                foreach (SchemeResult scheme in new[] { result.L1Seeded, result.L1All })
                {
                    _html.Append("<tr><th>").Append(Encode(objectType)).Append("</th><th>").Append(member.Member)
                        .Append("</th><th>").Append(Encode(SchemeNames.Label(scheme.Seeding))).Append("</th><td>")
                        .Append(Number(scheme.Threshold.Threshold)).Append("</td><td>")
                        .Append(Number(scheme.Threshold.PureRateHz)).Append("</td><td>")
                        .Append(Number(scheme.Threshold.TotalRateHz)).Append("</td><td>")
                        .Append(Number(scheme.Threshold.IncomingRateHz)).Append("</td><td>")
                        .Append(Number(scheme.TargetFpr)).Append("</td></tr>\n");
                }
            }
        }

        _html.Append("</tbody></table></section>\n");
    }

    private void GainSummary(ObjectTypeSummary summary)
    {
        _html.Append($"<section id=\"summary-{Id(summary.ObjectType)}\"><h2>Summary, ")
            .Append(Encode(summary.ObjectType)).Append(" objects</h2>\n")
            .Append("<p>Relative efficiency gain of HLT + HLTAD over HLT, in %: mean ± population standard deviation ")
            .Append("over the members (ddof = 0). A bracketed count means some members had no value ")
            .Append("(HLT efficiency 0, or no events in the scheme's set).</p>\n")
            .Append("<table class=\"data\"><thead><tr><th>sample</th>");
        foreach (EfficiencyScheme scheme in EfficiencyScheme.All)
        {
            _html.Append("<th>").Append(Encode(scheme.Label)).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (string tag in summary.Tags)
        {
            _html.Append(RowStart(tag));
            foreach (EfficiencyScheme scheme in EfficiencyScheme.All)
            {
                SampleEfficiencySummary? cell = summary.Efficiencies[scheme].GetValueOrDefault(tag);
                _html.Append("<td>").Append(Statistic(cell?.GainPercent, summary.Members.Count, "0.0")).Append("</td>");
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody></table>\n");
    }

    private void RocSummary(ObjectTypeSummary summary)
    {
        _html.Append("<p>ROC figures: area under the curve and signal efficiency at the working point FPR* ")
            .Append("(mean ± standard deviation over the members).</p>\n")
            .Append("<table class=\"data\"><thead><tr><th>sample</th>");
        foreach (SeedingScheme seeding in new[] { SeedingScheme.L1Seeded, SeedingScheme.L1All })
        {
            string label = Encode(SchemeNames.Label(seeding));
            _html.Append($"<th>{label} AUC</th><th>{label} efficiency at FPR*</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (string tag in summary.Tags)
        {
            _html.Append(RowStart(tag));
            foreach (SeedingScheme seeding in new[] { SeedingScheme.L1Seeded, SeedingScheme.L1All })
            {
                SampleRocSummary? cell = summary.Roc[seeding].GetValueOrDefault(tag);
                _html.Append("<td>").Append(Statistic(cell?.Auc, summary.Members.Count, "0.000")).Append("</td><td>")
                    .Append(Statistic(cell?.SignalEfficiency, summary.Members.Count, "0.0000")).Append("</td>");
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody></table></section>\n");
    }

    private void Plots()
    {
        foreach (IGrouping<string, RenderedPlot> group in content.Plots.GroupBy(p => p.Group))
        {
            _html.Append($"<section id=\"plots-{Id(group.Key)}\" class=\"plots\"><h2>")
                .Append(Encode(group.Key)).Append("</h2>\n<div class=\"gallery\">\n");
            foreach (RenderedPlot plot in group)
            {
                string caption = Encode(plot.Title);
                _html.Append("<figure><img alt=\"").Append(caption).Append("\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(plot.Png)).Append("\"><figcaption>").Append(caption)
                    .Append(" <span class=\"path\">").Append(Encode(plot.RelativePath))
                    .Append("</span></figcaption></figure>\n");
            }

            _html.Append("</div></section>\n");
        }
    }

    private string RowStart(string tag) =>
        tag == Results.Options.BackgroundTag
            ? $"<tr class=\"background\"><th>{Encode(tag)} <small>(background)</small></th>"
            : $"<tr><th>{Encode(tag)}</th>";

    private static string Statistic(SummaryStatistic? statistic, int members, string format)
    {
        if (statistic?.Mean is not { } mean)
        {
            return "<span class=\"none\">—</span>";
        }

        string text = $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± "
            + statistic.StandardDeviation!.Value.ToString(format, CultureInfo.InvariantCulture);
        return statistic.Count < members ? $"{text} <small>({statistic.Count})</small>" : text;
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Id(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
}
