using System.ComponentModel;
using System.Globalization;
using Hltad.Configuration;
using Hltad.Evaluation;
using Hltad.Pipeline;
using Hltad.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary>
/// <c>hltad evaluate --config trial.json [--save-path DIR] [--target-rate HZ] [--l1ad-rate HZ] [--out DIR]
/// [--no-dijets] [--rescore]</c>: scores, results, plots and report of a trained trial (SEMANTICS.md 8–9).
/// </summary>
internal sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--config <FILE>")]
        [Description("The trial configuration (JSON). Default: <save_path>/trial.json when --save-path is given.")]
        public string? ConfigFile { get; init; }

        [CommandOption("--save-path <DIR>")]
        [Description("The trained trial's folder (overrides save_path of the configuration).")]
        public string? SavePath { get; init; }

        [CommandOption("--target-rate <HZ>")]
        [Description("HLTAD pure-rate budget in Hz (overrides target_rate; default 10).")]
        public double? TargetRateHz { get; init; }

        [CommandOption("--l1ad-rate <HZ>")]
        [Description("L1AD rate in Hz. Fixed when preprocessing: must equal the preprocessed L1AD_rate.")]
        public double? L1adRateHz { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default <save_path>/evaluation).")]
        public string? OutputDirectory { get; init; }

        [CommandOption("--no-dijets")]
        [Description("Leave the dijet samples (jjJZ*) out of the efficiency and gain plots.")]
        public bool NoDijets { get; init; }

        [CommandOption("--plot-scale <X>")]
        [Description("Pixel scale of the plots (1 = about 1400 px wide).")]
        [DefaultValue(1.0)]
        public double PlotScale { get; init; } = 1;

        [CommandOption("--preprocessed <DIR>")]
        [Description("The preprocessed samples, when training used `train --preprocessed DIR` "
            + "(default: the folder training recorded, else <save_path>/preprocessed).")]
        public string? Preprocessed { get; init; }

        [CommandOption("--rescore")]
        [Description("Score every sample again instead of reusing valid score files of an earlier run.")]
        public bool Rescore { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(ConfigFile) && string.IsNullOrWhiteSpace(SavePath))
            {
                return ValidationResult.Error("give --config (the trial JSON) or --save-path (the trained trial)");
            }

            if (TargetRateHz is double target && !(target > 0 && double.IsFinite(target)))
            {
                return ValidationResult.Error($"--target-rate must be a positive number of Hz, got {target}");
            }

            if (!(PlotScale > 0 && PlotScale <= 4))
            {
                return ValidationResult.Error($"--plot-scale must be in (0, 4], got {PlotScale}");
            }

            return L1adRateHz is double l1ad && !(l1ad > 0 && double.IsFinite(l1ad))
                ? ValidationResult.Error($"--l1ad-rate must be a positive number of Hz, got {l1ad}")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new TrialEvaluationRequest(
            LoadConfig(settings),
            TargetRateHz: settings.TargetRateHz,
            L1adRateHz: settings.L1adRateHz,
            OutputDirectory: settings.OutputDirectory,
            IncludeDijets: !settings.NoDijets,
            ReuseScores: !settings.Rescore,
            PlotScale: settings.PlotScale,
            PreprocessedPath: settings.Preprocessed);

        TrialEvaluationResult result;
        using (var reporter = new ProgressReporter())
        {
            var progress = new SynchronousProgress<TrialEvaluationProgress>(update => Show(reporter, update));
            result = TrialEvaluation.Run(request, progress, cancellationToken);
        }

        PrintSummary(result);
        return 0;
    }

    /// <summary>The configuration file (or the save_path's trial.json), with --save-path applied.</summary>
    internal static TrialConfig LoadConfig(Settings settings)
    {
        string path = settings.ConfigFile ?? Path.Combine(settings.SavePath!, EnsembleLayout.TrialFileName);
        if (settings.ConfigFile is null && !File.Exists(path))
        {
            throw new InputDataException(path, null,
                "not found: the save_path holds no trained trial (or pass --config)");
        }

        TrialConfig config = TrialConfig.Load(path);
        return settings.SavePath is null ? config : (config with { SavePath = settings.SavePath }).Validate();
    }

    /// <summary>Renders one progress report of <see cref="TrialEvaluation.Run"/> (also for <c>hltad run</c>).</summary>
    internal static void Show(ProgressReporter reporter, TrialEvaluationProgress update)
    {
        switch (update.Stage)
        {
            case TrialEvaluationStage.Members or TrialEvaluationStage.Reading or TrialEvaluationStage.Note:
                reporter.Message(update.Message ?? "");
                break;
            case TrialEvaluationStage.Scoring:
                reporter.Report("scoring", update.Done, update.Total);
                break;
            case TrialEvaluationStage.Evaluating:
                reporter.Report("evaluating", update.Done, update.Total, "networks");
                break;
            case TrialEvaluationStage.Plotting:
                reporter.Report("plotting", update.Done, update.Total, "plots");
                break;
            default:
                reporter.Report("writing", update.Done, update.Total, "files");
                break;
        }
    }

    /// <summary>The closing summary: L1AD line, thresholds and rates, L1-seeded TSE gains, files written.</summary>
    internal static void PrintSummary(TrialEvaluationResult result)
    {
        EvaluationResults results = result.Results;
        EvaluationOptions o = results.Options;
        AnsiConsole.WriteLine($"L1AD threshold {Format(o.L1adThreshold)} at L1AD_rate {Format(o.L1adRateHz)} Hz " +
            $"(total rate {Format(o.L1adTotalRateHz)} Hz); HLTAD target {Format(o.TargetRateHz)} Hz");
        AnsiConsole.Write(ThresholdTable(results));
        AnsiConsole.Write(GainTable(results));
        foreach (string warning in RateShortfalls.Describe(results))
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
        AnsiConsole.WriteLine($"evaluated {result.Members.Count} member(s): {result.ScoreFilesWritten} " +
            $"score files written, {result.ScoreFilesReused} reused, {result.Plots} plots");
        AnsiConsole.WriteLine($"wrote {result.ResultsFile} and {result.ReportFile}");
    }

    /// <summary>Per object type and seeding scheme: threshold and rates, mean ± std over the members.</summary>
    private static Table ThresholdTable(EvaluationResults results)
    {
        var table = new Table().Title("HLTAD thresholds and rates (mean ± std over members)")
            .AddColumn("objects").AddColumn("scheme")
            .AddColumn(new TableColumn("threshold").RightAligned())
            .AddColumn(new TableColumn("pure rate (Hz)").RightAligned())
            .AddColumn(new TableColumn("total rate (Hz)").RightAligned())
            .AddColumn(new TableColumn("incoming (Hz)").RightAligned());
        foreach (string objectType in results.ObjectTypes)
        {
            foreach (SeedingScheme seeding in new[] { SeedingScheme.L1Seeded, SeedingScheme.L1All })
            {
                SchemeResult[] schemes = results.Members.Select(m => m.Find(objectType))
                    .OfType<ObjectTypeResult>().Select(r => r.Scheme(seeding)).ToArray();
                string Stat(Func<SchemeResult, double> value) =>
                    MeanStd(SummaryStatistic.Of(schemes.Select(s => (double?)value(s))));
                table.AddRow(objectType, SchemeNames.Label(seeding), Stat(s => s.Threshold.Threshold),
                    Stat(s => s.Threshold.PureRateHz), Stat(s => s.Threshold.TotalRateHz),
                    Format(schemes[0].Threshold.IncomingRateHz));
            }
        }

        return table;
    }

    /// <summary>Per sample (not the background): L1-seeded TSE gain per object type, mean ± std.</summary>
    private static Table GainTable(EvaluationResults results)
    {
        var tse = new EfficiencyScheme(SeedingScheme.L1Seeded, EfficiencyKind.Tse);
        var table = new Table().Title($"{tse.Label} gain over HLT, % (mean ± std over members)").AddColumn("sample");
        foreach (string objectType in results.ObjectTypes)
        {
            table.AddColumn(new TableColumn(objectType).RightAligned());
        }

        string[] tags = results.Summary.ObjectTypes.SelectMany(s => s.Tags).Distinct()
            .Where(t => t != results.Options.BackgroundTag).Order(StringComparer.Ordinal).ToArray();
        foreach (string tag in tags)
        {
            var cells = new List<string> { Markup.Escape(tag) };
            foreach (string objectType in results.ObjectTypes)
            {
                SampleEfficiencySummary? summary = results.Summary.Find(objectType)?.Efficiencies[tse]
                    .GetValueOrDefault(tag);
                cells.Add(summary is null ? "–" : MeanStd(summary.GainPercent));
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string MeanStd(SummaryStatistic statistic) => statistic.Mean is double mean
        ? $"{Format(mean)} ± {Spread(statistic.StandardDeviation ?? 0)}"
        : "–";

    /// <summary>4 significant digits, or whole numbers with thousands separators from 1000 up.</summary>
    private static string Format(double value) => Math.Abs(value) >= 1000
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>2 significant digits, or whole numbers from 100 up.</summary>
    private static string Spread(double value) => Math.Abs(value) >= 100
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("G2", CultureInfo.InvariantCulture);
}
