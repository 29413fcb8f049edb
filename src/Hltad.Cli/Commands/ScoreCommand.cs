using Hltad.Onnx;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad score --model M.onnx --data T.h5 [--objects HLT|L1] --out S.h5</c>.</summary>
internal sealed class ScoreCommand : Command<ScoreSettings>
{
    public override int Execute(CommandContext context, ScoreSettings settings, CancellationToken cancellationToken)
    {
        var options = new OnnxAdScorerOptions(settings.BatchSize, settings.Threads);
        OnnxFileScoringResult result = OnnxFileScoring.Run(
            settings.Model!, settings.Data!, settings.Objects, settings.Out!, options,
            cancellationToken: cancellationToken);

        string how = result.Kind == OnnxModelKind.Reconstruction
            ? "masked MSE of the reconstruction"
            : "the model's score output";
        AnsiConsole.MarkupLineInterpolated($"scored {result.Events} events of {result.InputDataset}: {how}");
        AnsiConsole.MarkupLineInterpolated($"wrote {settings.Out} ({result.OutputDataset})");
        return 0;
    }
}
