using System.Diagnostics;
using Hltad.Evaluation;
using Hltad.Reports;
using Hltad.Tests.Evaluation;

namespace Hltad.Tests.Reports;

/// <summary>
/// report.html in a real browser: tools/check_report.sh renders it in headless Chromium and counts the images
/// that failed to load. Skipped where Debian's chromium is not installed.
/// </summary>
public sealed class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public void CheckReport_RenderedInChromium_AllImagesPresent()
    {
        Skip.IfNot(File.Exists(Chromium), "chromium is not installed");
        string directory = Directory.CreateTempSubdirectory("hltad-browser-").FullName;
        string report = WriteReport(directory, corrupt: false);

        (int exitCode, string output) = RunCheck(report, Path.Combine(directory, "report.png"));

        Assert.Equal(0, exitCode);
        Assert.Contains("3 images, none broken", output);
        Assert.True(new FileInfo(Path.Combine(directory, "report.png")).Length > 0);
        Directory.Delete(directory, true);
    }

    [SkippableFact]
    public void CheckReport_CorruptImage_Fails()
    {
        Skip.IfNot(File.Exists(Chromium), "chromium is not installed");
        string directory = Directory.CreateTempSubdirectory("hltad-browser-").FullName;
        string report = WriteReport(directory, corrupt: true);

        (int exitCode, string output) = RunCheck(report, Path.Combine(directory, "report.png"));

        Assert.Equal(1, exitCode);
        Assert.Contains("1 of 3 images are broken", output);
        Directory.Delete(directory, true);
    }

    private static string WriteReport(string directory, bool corrupt)
    {
        EvaluationResults results = EnsembleEvaluator.Evaluate(
            HandMadeEvaluationData.Samples,
            [new MemberScores(0, [HandMadeEvaluationData.Scores()])],
            HandMadeEvaluationData.Options);
        var small = new PlotOptions(Scale: 0.3);
        RenderedPlot[] plots =
        [
            new("HLT objects · member 0", "a.png", "ROC",
                PlotRenderer.RocCurves(results, 0, "HLT", SeedingScheme.L1Seeded, small)),
            new("HLT objects · member 0", "b.png", "pileup", PlotRenderer.PileupEfficiency(results, 0, "HLT", small)),
            new("HLT objects · member 0", "c.png", "efficiency",
                corrupt ? [0x89, 0x50, 0x4E, 0x47, 1, 2, 3] : PlotRenderer.EfficiencyComparison(
                    results, 0, "HLT", EfficiencyScheme.All[0], small)),
        ];
        string path = Path.Combine(directory, "report.html");
        ReportWriter.Write(path, new ReportContent("Browser check", [], results, plots));
        return path;
    }

    private static (int ExitCode, string Output) RunCheck(string report, string screenshot)
    {
        string script = Path.Combine(SharedFixtures.RepositoryRoot, "tools", "check_report.sh");
        var start = new ProcessStartInfo("bash", [script, report, screenshot, "1000x1500"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
