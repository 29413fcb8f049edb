using System.Text.RegularExpressions;
using Hltad.Evaluation;
using Hltad.Reports;
using Hltad.Tests.Evaluation;

namespace Hltad.Tests.Reports;

public sealed class ReportWriterTests
{
    private static readonly EvaluationResults HandMade = EnsembleEvaluator.Evaluate(
        HandMadeEvaluationData.Samples,
        [new MemberScores(0, [HandMadeEvaluationData.Scores("HLT")])],
        HandMadeEvaluationData.Options);

    private static readonly RenderedPlot Roc = new(
        "HLT objects · member 0",
        "HLT/member_0/roc_l1Seeded.png",
        "L1-seeded ROC curves",
        PlotRenderer.RocCurves(HandMade, 0, "HLT", SeedingScheme.L1Seeded, new PlotOptions(Scale: 0.3)));

    private static string Page() => ReportWriter.Render(new ReportContent(
        "Trial <A>",
        [new("save_path", "/data/a&b"), new("num_trainings", "1")],
        HandMade,
        [Roc]));

    [Fact]
    public void Render_Plot_EmbeddedAsDataUriWithNoNetworkReference()
    {
        string page = Page();

        Match image = Regex.Match(page, "<img alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");
        Assert.True(image.Success);
        Assert.Equal(Roc.Png, Convert.FromBase64String(image.Groups[1].Value));
        Assert.DoesNotContain("http:", page);
        Assert.DoesNotContain("https:", page);
        Assert.DoesNotContain("<link", page);
        Assert.Single(Regex.Matches(page, "<img "));
    }

    [Fact]
    public void Render_ConfigurationAndTitle_HtmlEncoded()
    {
        string page = Page();

        Assert.Contains("<h1>Trial &lt;A&gt;</h1>", page);
        Assert.Contains("<tr><th>save_path</th><td>/data/a&amp;b</td></tr>", page);
    }

    [Fact]
    public void Render_SummaryTable_ShowsMeanAndStdOfGains()
    {
        // One member: Sig gains from the hand working — L1-seeded ASE 100 %, TSE 50 %, MiSE 50 %,
        // L1-all ASE 150 %, TSE 150 %;
        // NoHlt has no gain (HLT efficiency 0): a dash.
        string page = Page();

        Assert.Contains(
            "<tr><th>Sig</th><td>100.0 ± 0.0</td><td>50.0 ± 0.0</td><td>50.0 ± 0.0</td><td>150.0 ± 0.0</td>"
            + "<td>150.0 ± 0.0</td></tr>",
            page);
        Assert.Matches("<tr><th>NoHlt</th><td>[^<]*<span class=\"none\">—</span>", page);
    }

    [Fact]
    public void Render_Thresholds_OneRowPerMemberAndScheme()
    {
        // L1-seeded threshold 0.9 at 250 Hz pure, 250 Hz total of 1000 Hz, FPR* 0.25 (ObjectTypeEvaluatorTests).
        string page = Page();

        Assert.Contains("<tr><th>HLT</th><th>0</th><th>L1-seeded</th><td>0.9</td><td>250</td><td>250</td>"
            + "<td>1000</td><td>0.25</td></tr>", page);
    }

    [Fact]
    public void Write_FileComplete_NoTemporaryLeft()
    {
        string directory = Directory.CreateTempSubdirectory("hltad-report-").FullName;
        string path = Path.Combine(directory, "report.html");

        ReportWriter.Write(path, new ReportContent("t", [], HandMade, [Roc]));

        Assert.Equal(["report.html"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Assert.EndsWith("</html>\n", File.ReadAllText(path));
        Directory.Delete(directory, true);
    }
}
