using System.ComponentModel;
using System.Globalization;
using Hltad.Engine;
using Hltad.Pipeline;
using Hltad.World;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad l1ad train</c>: an L1AD VAE on the Topo2A inputs of a world's L1AD training events.</summary>
internal sealed class L1adTrainCommand : Command<L1adTrainCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--world <DIR>")]
        [Description("A folder with EB/ and L1AD_training_events.h5 (e.g. from `hltad generate`).")]
        public string? World { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The ONNX file to write: input (N, 44), output the latent mean.")]
        public string? Output { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Epoch cap (default 30).")]
        public int Epochs { get; init; } = L1adTrainingOptions.Default.Training.MaxEpochs;

        [CommandOption("--seed <N>")]
        [Description("Seed (default 1).")]
        public ulong Seed { get; init; } = 1;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(World) || string.IsNullOrWhiteSpace(Output)
                ? ValidationResult.Error("--world and --out are required")
                : Epochs < 1 ? ValidationResult.Error("--epochs must be ≥ 1") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = L1adTrainingOptions.Default with
        {
            Training = L1adTrainingOptions.Default.Training with { MaxEpochs = settings.Epochs },
            Seed = settings.Seed,
        };
        var culture = CultureInfo.InvariantCulture;
        var progress = new SynchronousProgress<EpochReport>(epoch => Console.WriteLine(string.Format(culture,
            "epoch {0,3}/{1}  loss {2:G5}  val {3:G5}  {4:N0} events/s",
            epoch.Epoch, settings.Epochs, epoch.TrainLoss, epoch.ValidationLoss, epoch.EventsPerSecond)));
        (int events, double loss) = L1adTraining.Run(
            Path.Combine(settings.World!, "EB"), Path.Combine(settings.World!, WorldGenerator.L1adTrainingFileName),
            settings.Output!, options, progress, cancellationToken);
        AnsiConsole.MarkupLine(string.Format(culture,
            "trained on {0:N0} events, best validation loss {1:G5}: [bold]{2}[/]",
            events, loss, Markup.Escape(settings.Output!)));
        return 0;
    }
}
