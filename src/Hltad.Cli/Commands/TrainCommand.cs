using System.ComponentModel;
using System.Globalization;
using Hltad.Configuration;
using Hltad.Preprocessing;
using Hltad.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad train</c>: the ensemble of a trial, resumable (SEMANTICS.md section 7).</summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : TrialSettings
    {
        [CommandOption("--resume")]
        [Description("Continue the trial in its save_path: finished members are kept, an unfinished one continues.")]
        public bool Resume { get; init; }

        [CommandOption("--member <K>")]
        [Description("Train only member K (0-based), e.g. one member per batch job.")]
        public int? Member { get; init; }

        [CommandOption("--preprocessed <DIR>")]
        [Description("Reuse this `hltad preprocess` output instead of preprocessing matched_path.")]
        public string? Preprocessed { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TrialConfig config = settings.LoadConfig();
        var request = new TrialTrainingRequest(config, settings.Resume, settings.Member, settings.Preprocessed);
        TrialTrainingResult result;
        using (var reporter = new ProgressReporter())
        {
            var preprocess = PreprocessLog(reporter, "preprocess: ");
            var training = new SynchronousProgress<TrainingProgress>(update => reporter.Message(Describe(update)));
            result = TrialTraining.Run(request, preprocess, training, cancellationToken);
        }

        AnsiConsole.MarkupLine(string.Format(CultureInfo.InvariantCulture,
            "trained {0} member(s) now; {1} of {2} finished in [bold]{3}[/]",
            result.TrainedMembers.Count, result.FinishedMembers.Count, config.NumTrainings,
            Markup.Escape(result.Layout.SavePath)));
        return 0;
    }

    /// <summary>One log line per preprocessing step (not per sample).</summary>
    internal static IProgress<PreprocessProgress> PreprocessLog(ProgressReporter reporter, string prefix)
    {
        string? last = null;
        return new SynchronousProgress<PreprocessProgress>(update =>
        {
            if (update.Step != last)
            {
                last = update.Step;
                reporter.Message(prefix + update.Step);
            }
        });
    }

    /// <summary>One line per epoch: member, object type, epoch, losses, rate and time left.</summary>
    internal static string Describe(TrainingProgress update)
    {
        var culture = CultureInfo.InvariantCulture;
        string who = string.Format(culture, "member {0}/{1} {2,-3}", update.Member + 1, update.Members,
            OptionNames.Of(update.ObjectType));
        if (update.Epoch is null)
        {
            return who + " finished earlier, kept";
        }

        var epoch = update.Epoch;
        string eta = update.EstimatedRemaining is TimeSpan left ? $"  ETA {Format(left)}" : "";
        return string.Format(culture,
            "{0} epoch {1,3}/{2}  loss {3:G5}  val {4:G5}{5}  lr {6:G2}  {7:N0} events/s{8}",
            who, epoch.Epoch, update.MaxEpochs, epoch.TrainLoss, epoch.ValidationLoss, epoch.Improved ? " *" : "  ",
            epoch.LearningRate, epoch.EventsPerSecond, eta);
    }

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" :
        span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{span.Seconds}s";
}
