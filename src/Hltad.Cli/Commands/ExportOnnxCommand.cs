using System.ComponentModel;
using Hltad.Engine;
using Hltad.Onnx;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad export-onnx</c>: a trained autoencoder as ONNX (opset 13), reconstruction or AD score
/// output.</summary>
internal sealed class ExportOnnxCommand : Command<ExportOnnxCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--model <FILE>")]
        [Description("A trained model (model.hltad).")]
        public string? Model { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The ONNX file to write.")]
        public string? Output { get; init; }

        [CommandOption("--score")]
        [Description("Output the per-event AD score (N,) computed in the graph instead of the reconstruction.")]
        public bool Score { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Output)
                ? ValidationResult.Error("--model and --out are required")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Autoencoder model = Autoencoder.Load(settings.Model!);
        var output = settings.Score ? OnnxExportOutput.AdScore : OnnxExportOutput.Reconstruction;
        var options = new OnnxExportOptions(Output: output);
        OnnxExporter.Export(model.ToInference(), settings.Output!, options);
        AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(settings.Output!)}[/] " +
            $"(input (N, {model.Architecture.Features}), " +
            $"output {(settings.Score ? "AD score (N,)" : "reconstruction")})");
        return 0;
    }
}
