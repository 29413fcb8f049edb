using System.ComponentModel;
using System.Globalization;
using System.Diagnostics;
using Hltad.Configuration;
using Hltad.Io;
using Hltad.Preprocessing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad preprocess</c>: matched datasets → preprocessed samples (SEMANTICS.md section 6).</summary>
internal sealed class PreprocessCommand : Command<PreprocessCommand.Settings>
{
    public sealed class Settings : TrialSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Output folder for the <tag>.h5 samples and preprocess_info.json.")]
        public string? OutputDirectory { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(OutputDirectory)
                ? ValidationResult.Error("missing required option: --out")
                : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TrialConfig config = settings.LoadConfig();
        string matched = config.MatchedPath
            ?? throw new ConfigurationException("matched_path", "is required (or pass --matched-path)");

        var watch = Stopwatch.StartNew();
        PreprocessResult result;
        using (var reporter = new ProgressReporter())
        {
            reporter.Message($"reading matched datasets from {matched}");
            var samples = MatchedDirectory.ReadAll(matched);
            var progress = TrainCommand.PreprocessLog(reporter, "");
            result = Preprocessor.Run(samples, config.ToPreprocessOptions(), progress, cancellationToken);
            reporter.Message($"writing {result.Samples.Count} samples to {settings.OutputDirectory}");
            PreprocessedDirectory.Write(settings.OutputDirectory!, result, cancellationToken);
        }

        Print(result, watch.Elapsed);
        return 0;
    }

    private static void Print(PreprocessResult result, TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        var table = new Table().AddColumn("sample").AddColumn(new TableColumn("events").RightAligned())
            .AddColumn(new TableColumn("L1Seeded").RightAligned());
        foreach (var sample in result.Samples)
        {
            table.AddRow(Markup.Escape(sample.Tag), sample.Count.ToString("N0", culture),
                sample.L1Seeded.Count(seeded => seeded).ToString("N0", culture));
        }

        AnsiConsole.Write(table);
        PreprocessInfo info = result.Info;
        Console.WriteLine(string.Format(culture,
            "L1AD threshold {0:G9} at {1:G6} Hz: pure rate {2:G6} Hz, total rate {3:G6} Hz ({4:F1} s)",
            info.L1adThreshold, info.L1adRateHz, info.L1adPureRateHz, info.L1adTotalRateHz, elapsed.TotalSeconds));
    }
}
