using System.ComponentModel;
using System.Globalization;
using Hltad.Engine;
using Hltad.Io;
using Hltad.Onnx;
using Hltad.Physics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary>
/// <c>hltad compare-onnx</c>: the same events through ONNX Runtime on an exported file and through the in-process
/// network; prints the largest score difference.
/// </summary>
internal sealed class CompareOnnxCommand : Command<CompareOnnxCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--model <FILE>")]
        [Description("The trained model (model.hltad).")]
        public string? Model { get; init; }

        [CommandOption("--onnx <FILE>")]
        [Description("Its ONNX export (reconstruction or score output).")]
        public string? Onnx { get; init; }

        [CommandOption("--data <FILE>")]
        [Description("A preprocessed <tag>.h5 with HLT_data / L1_data (N, 48).")]
        public string? Data { get; init; }

        [CommandOption("--objects <TYPE>")]
        [Description("HLT or L1 (default HLT).")]
        public string Objects { get; init; } = "HLT";

        [CommandOption("--tolerance <REL>")]
        [Description("Count the events whose relative difference exceeds this (or is NaN); exit with 1 if any do.")]
        public double? Tolerance { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Onnx) || string.IsNullOrWhiteSpace(Data)
                ? ValidationResult.Error("--model, --onnx and --data are required")
                : Objects is not ("HLT" or "L1")
                    ? ValidationResult.Error($"--objects must be HLT or L1, not '{Objects}'")
                : Tolerance is double tolerance && !(tolerance >= 0)
                    ? ValidationResult.Error($"--tolerance must be a relative difference ≥ 0, not {tolerance}")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Autoencoder model = Autoencoder.Load(settings.Model!);
        string dataset = settings.Objects + "_data";
        float[] inputs;
        using (Hdf5Reader reader = Hdf5Reader.Open(settings.Data!))
        {
            if (!reader.Contains(dataset))
            {
                throw new InputDataException(settings.Data!, dataset, "not found");
            }

            inputs = reader.ReadFloat32(dataset);
        }

        int count = inputs.Length / ObjectLayout.Features;
        OnnxParityResult parity = OnnxParity.Compare(settings.Onnx!, inputs, count, (values, n) =>
        {
            var scores = new float[n];
            model.Score(values, ReadOnlySpan<float>.Empty, n, scores);
            return scores;
        }, tolerance: settings.Tolerance ?? double.PositiveInfinity);

        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(culture,
            "{0:N0} events: largest score difference {1:G3} absolute, {2:G3} relative " +
            "(event {3}: ONNX {4:G9}, in-process {5:G9})",
            parity.Events, parity.MaxAbsoluteDifference, parity.MaxRelativeDifference, parity.WorstEvent,
            parity.OnnxScore, parity.InProcessScore));
        if (settings.Tolerance is not double tolerance)
        {
            return 0;
        }

        Console.WriteLine(string.Format(culture, "{0:N0} of {1:N0} events differ by more than {2:G3} relative",
            parity.EventsAboveTolerance, parity.Events, tolerance));
        return parity.EventsAboveTolerance > 0 ? 1 : 0;
    }
}
