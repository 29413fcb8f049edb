using System.ComponentModel;
using System.Globalization;
using Hltad.World;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad generate</c>: the deterministic synthetic world of EB and MC ntuples.</summary>
internal sealed class GenerateCommand : Command<GenerateCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Output folder: EB/, MC/ and L1AD_training_events.h5 are written below it.")]
        public string? OutputDirectory { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Random seed; the same seed gives byte-identical files. Default 1.")]
        [DefaultValue(1L)]
        public long Seed { get; init; } = 1;

        [CommandOption("--events-per-run <N>")]
        [Description("Events per EB run file (three runs). Default 100000.")]
        [DefaultValue(100_000)]
        public int EventsPerRun { get; init; } = 100_000;

        [CommandOption("--mc-events <N>")]
        [Description("Events per MC process file (nine processes). Default 20000.")]
        [DefaultValue(20_000)]
        public int McEvents { get; init; } = 20_000;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(OutputDirectory))
            {
                return ValidationResult.Error("missing required option: --out");
            }

            return EventsPerRun < 0 || McEvents < 0
                ? ValidationResult.Error("--events-per-run and --mc-events must be ≥ 0")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new WorldOptions(settings.OutputDirectory!)
        {
            Seed = settings.Seed,
            EventsPerRun = settings.EventsPerRun,
            McEventsPerProcess = settings.McEvents,
        };

        WorldSummary summary;
        using (var reporter = new ProgressReporter())
        {
            var progress = new SynchronousProgress<WorldProgress>(
                update => reporter.Report("generating", update.EventsDone, update.EventsTotal));
            summary = WorldGenerator.Generate(options, progress, cancellationToken);
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0} EB runs ({1:N0} events), {2} MC processes ({3:N0} events), L1AD training list of {4:N0} events",
            summary.EnhancedBiasFiles.Count, summary.EnhancedBiasEvents, summary.McFiles.Count, summary.McEvents,
            summary.L1adTrainingEvents));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "written to {0} in {1:F2} s ({2:N0} events/s)",
            Path.GetFullPath(settings.OutputDirectory!), summary.Elapsed.TotalSeconds, summary.EventsPerSecond));
        return 0;
    }
}
