using System.ComponentModel;
using System.Globalization;
using Hltad.Data;
using Hltad.Evaluation;
using Hltad.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad run</c>: the whole study into one folder, resumable, with a headline table at the end.</summary>
internal sealed class RunCommand : Command<RunCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Folder of the study (default: study). Re-running into it resumes.")]
        public string OutputDirectory { get; init; } = "study";

        [CommandOption("--preset <NAME>")]
        [Description("smoke (seconds), default (minutes, 300k EB events, 10 members) or full (reference scale).")]
        public string Preset { get; init; } = "default";

        [CommandOption("--config <FILE>")]
        [Description("A trial configuration that replaces the preset's trial settings.")]
        public string? ConfigFile { get; init; }

        [CommandOption("--eb <DIR>")]
        [Description("Real EB ntuples (with --mc, --l1ad-train, --l1ad-model: skips the synthetic world).")]
        public string? EbDirectory { get; init; }

        [CommandOption("--mc <DIR>")]
        [Description("Real MC ntuples.")]
        public string? McDirectory { get; init; }

        [CommandOption("--l1ad-train <FILE>")]
        [Description("run_number/event_number of the events the L1AD network was trained on.")]
        public string? L1adTrainingFile { get; init; }

        [CommandOption("--l1ad-model <FILE>")]
        [Description("The L1AD network (ONNX, (N, 44) input).")]
        public string? L1adModelFile { get; init; }

        [CommandOption("--l1ad-rate <HZ>")]
        [Description("L1AD rate budget in Hz (preset default: 1000; smoke 2e5).")]
        public double? L1adRateHz { get; init; }

        [CommandOption("--target-rate <HZ>")]
        [Description("HLTAD pure-rate budget in Hz (default 10).")]
        public double? TargetRateHz { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the world, the L1AD network and the trial (default 1).")]
        public long Seed { get; init; } = 1;

        public override ValidationResult Validate()
        {
            string?[] data = [EbDirectory, McDirectory, L1adTrainingFile, L1adModelFile];
            if (data.Any(value => value is not null) && data.Any(value => value is null))
            {
                return ValidationResult.Error(
                    "--eb, --mc, --l1ad-train and --l1ad-model go together: " +
                    "give all four, or none for the synthetic world");
            }

            if (L1adRateHz is double l1ad && !(l1ad > 0))
            {
                return ValidationResult.Error($"--l1ad-rate must be a positive number of Hz, got {l1ad}");
            }

            return TargetRateHz is double target && !(target > 0)
                ? ValidationResult.Error($"--target-rate must be a positive number of Hz, got {target}")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        StudyData? data = settings.EbDirectory is null ? null : new StudyData(
            settings.EbDirectory, settings.McDirectory!, settings.L1adTrainingFile!, settings.L1adModelFile!);
        var request = new StudyRequest(settings.OutputDirectory, StudyPreset.Named(settings.Preset),
            settings.ConfigFile, data, settings.L1adRateHz, settings.TargetRateHz, settings.Seed);

        StudyResult result;
        using (var reporter = new ProgressReporter())
        {
            var progress = new SynchronousProgress<StudyProgress>(update =>
            {
                if (update.Total > 0)
                {
                    reporter.Report(update.Step, update.Done, update.Total, update.Unit);
                }
                else
                {
                    reporter.Message($"[{update.Step}] {update.Message}");
                }
            });
            result = StudyRunner.Run(request, progress, cancellationToken);
        }

        PrintHeadline(result);
        return 0;
    }

    /// <summary>Per sample: the L1-seeded TSE gain, mean ± std over the members, for each object type.</summary>
    private static void PrintHeadline(StudyResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        EvaluationResults results = result.Evaluation.Results;
        var scheme = new EfficiencyScheme(SeedingScheme.L1Seeded, EfficiencyKind.Tse);
        var types = results.Summary.ObjectTypes;
        var table = new Table().Title($"L1-seeded TSE gain at {results.Options.TargetRateHz:G4} Hz pure rate, " +
            $"mean ± std over {result.Evaluation.Members.Count} members");
        table.AddColumn("sample");
        foreach (var type in types)
        {
            table.AddColumn(new TableColumn($"{type.ObjectType} gain (%)").RightAligned());
        }

        IEnumerable<string> tags = types.Count == 0 ? [] : types[0].Tags.Where(tag => tag != SampleTags.Test);
        foreach (string tag in tags)
        {
            var cells = new List<string> { Markup.Escape(tag) };
            foreach (var type in types)
            {
                SummaryStatistic? gain = type.Efficiencies[scheme].TryGetValue(tag, out var sample)
                    ? sample.GainPercent
                    : null;
                cells.Add(gain?.Mean is double mean
                    ? string.Format(culture, "{0:F1} ± {1:F1}", mean, gain.StandardDeviation ?? 0)
                    : "n/a");
            }

            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
        foreach (string warning in RateShortfalls.Describe(results))
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        AnsiConsole.MarkupLine($"report:  [bold]{Markup.Escape(result.Evaluation.ReportFile)}[/]");
        AnsiConsole.MarkupLine($"results: {Markup.Escape(result.Evaluation.ResultsFile)}");
    }
}
