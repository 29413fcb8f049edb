using System.ComponentModel;
using System.Globalization;
using Hltad.Matching;
using Hltad.Physics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary>
/// <c>hltad match</c>: EB and MC ntuples plus the L1AD network → one matched <c>&lt;tag&gt;.h5</c> per tag.
/// </summary>
internal sealed class MatchCommand : Command<MatchCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--eb <DIR>")]
        [Description("Folder of the Enhanced-Bias run ntuples (*.h5).")]
        public string? EbDirectory { get; init; }

        [CommandOption("--mc <DIR>")]
        [Description("Folder of the MC ntuples, one file per process (*.h5).")]
        public string? McDirectory { get; init; }

        [CommandOption("--l1ad-train <FILE>")]
        [Description("HDF5 file with run_number, event_number of the L1AD training events.")]
        public string? L1adTrainingFile { get; init; }

        [CommandOption("--l1ad-model <FILE>")]
        [Description("The L1AD network (ONNX, (N, 44) float input).")]
        public string? L1adModelFile { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder for the <tag>.h5 files.")]
        public string? OutputDirectory { get; init; }

        [CommandOption("--l1ad-score <KIND>")]
        [Description("L1AD score: mean-square (default) or masked-mse.")]
        [DefaultValue("mean-square")]
        public string ScoreKind { get; init; } = "mean-square";

        [CommandOption("--mc-cap <N>")]
        [Description("Events kept per MC process (the first ones); default 100000.")]
        [DefaultValue(PhysicsConstants.DefaultMcCap)]
        public int McCap { get; init; } = PhysicsConstants.DefaultMcCap;

        public override ValidationResult Validate()
        {
            (string Name, string? Value)[] required =
            [
                ("--eb", EbDirectory), ("--mc", McDirectory), ("--l1ad-train", L1adTrainingFile),
                ("--l1ad-model", L1adModelFile), ("--out", OutputDirectory),
            ];
            string[] missing = required
                .Where(option => string.IsNullOrWhiteSpace(option.Value))
                .Select(option => option.Name)
                .ToArray();
            if (missing.Length > 0)
            {
                return ValidationResult.Error($"missing required option(s): {string.Join(", ", missing)}");
            }

            if (ParseScoreKind(ScoreKind) is null)
            {
                return ValidationResult.Error($"--l1ad-score must be mean-square or masked-mse, not '{ScoreKind}'");
            }

            return McCap < 0 ? ValidationResult.Error("--mc-cap must be ≥ 0") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new MatchOptions(
            settings.EbDirectory!, settings.McDirectory!, settings.L1adTrainingFile!, settings.L1adModelFile!,
            settings.OutputDirectory!)
        {
            ScoreKind = ParseScoreKind(settings.ScoreKind)!.Value,
            McCap = settings.McCap,
        };

        MatchSummary summary;
        using (var reporter = new ProgressReporter())
        {
            var progress = new SynchronousProgress<MatchProgress>(update => Show(reporter, update));
            summary = Matcher.Run(options, progress, cancellationToken);
        }

        PrintSummary(summary);
        return 0;
    }

    internal static L1adScoreKind? ParseScoreKind(string text) => text switch
    {
        "mean-square" => L1adScoreKind.MeanSquare,
        "masked-mse" => L1adScoreKind.MaskedMse,
        _ => null,
    };

    private static void Show(ProgressReporter reporter, MatchProgress update)
    {
        switch (update.Stage)
        {
            case MatchStage.Scoring or MatchStage.Writing:
                reporter.Report(update.Stage.ToString().ToLowerInvariant(), update.EventsDone, update.EventsTotal);
                break;
            case MatchStage.Warning:
                reporter.Message($"warning: {update.Message}");
                break;
            default:
                reporter.Message(update.Message);
                break;
        }
    }

    private static void PrintSummary(MatchSummary summary)
    {
        var table = new Table().AddColumn("tag").AddColumn(new TableColumn("events").RightAligned());
        foreach (var tag in summary.Tags)
        {
            table.AddRow(Markup.Escape(tag.Tag), tag.Events.ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (summary.RepeatedPairs > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]{summary.RepeatedPairs} repeated (run, event) pairs "
                + $"({summary.RepeatedEvents} extra events)[/]");
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "matched {0:N0} EB + {1:N0} MC events in {2:F2} s ({3:N0} events/s)",
            summary.EbEvents, summary.McEvents, summary.Elapsed.TotalSeconds, summary.EventsPerSecond));
    }
}
