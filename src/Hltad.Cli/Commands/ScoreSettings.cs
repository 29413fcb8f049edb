using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary>Options of <c>hltad score</c>.</summary>
internal sealed class ScoreSettings : CommandSettings
{
    [CommandOption("--model <FILE>")]
    [Description("ONNX model: input (N, 48) float; output a (N, 48) reconstruction or a (N,) score.")]
    public string? Model { get; init; }

    [CommandOption("--data <FILE>")]
    [Description("HDF5 file with HLT_data / L1_data, (N, 48) or (N, 16, 3) float32.")]
    public string? Data { get; init; }

    [CommandOption("--objects <HLT|L1>")]
    [Description("Which event arrays to score.")]
    [DefaultValue("HLT")]
    public string Objects { get; init; } = "HLT";

    [CommandOption("--out <FILE>")]
    [Description("HDF5 file to write, with dataset <HLT|L1>_AD_scores (N,) float32.")]
    public string? Out { get; init; }

    [CommandOption("--batch-size <EVENTS>")]
    [Description("Events per ONNX Runtime call.")]
    [DefaultValue(8192)]
    public int BatchSize { get; init; } = 8192;

    [CommandOption("--threads <N>")]
    [Description("ONNX Runtime intra-op threads.")]
    [DefaultValue(2)]
    public int Threads { get; init; } = 2;

    [CommandOption("--verbose")]
    [Description("Show the full exception on errors.")]
    public bool Verbose { get; init; }

    public override ValidationResult Validate()
    {
        string? missing = Model is null ? "--model" : Data is null ? "--data" : Out is null ? "--out" : null;
        if (missing is not null)
        {
            return ValidationResult.Error($"{missing} is required");
        }

        if (BatchSize <= 0 || Threads <= 0)
        {
            return ValidationResult.Error("--batch-size and --threads must be positive");
        }

        return ValidationResult.Success();
    }
}
