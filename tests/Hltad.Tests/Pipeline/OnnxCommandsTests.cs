using System.Globalization;
using System.Text.RegularExpressions;
using Hltad.Engine;
using Hltad.Io;
using Hltad.Onnx;
using Hltad.Physics;
using Hltad.Tests.Onnx;

namespace Hltad.Tests.Pipeline;

/// <summary><c>export-onnx</c> and <c>compare-onnx</c> on a model trained for one epoch in the test.</summary>
public sealed partial class OnnxCommandsTests
{
    private const int Events = 600;

    [Fact]
    public void ExportThenCompare_BothVariants_AgreeWithTheInProcessScoresTo1e5()
    {
        using var directory = new TemporaryDirectory();
        (string model, string data, Autoencoder autoencoder, float[] inputs) = TrainedModel(directory);

        foreach (bool scoreOutput in new[] { false, true })
        {
            string onnx = directory.File(scoreOutput ? "score.onnx" : "reconstruction.onnx");
            var export = HltadProcess.Run(
                ["export-onnx", "--model", model, "--out", onnx, .. (scoreOutput ? new[] { "--score" } : [])]);
            Assert.True(export.ExitCode == 0, export.Error);

            // The exported file, run by ONNX Runtime here, against the engine's own scores.
            var inProcess = new float[Events];
            autoencoder.Score(inputs, ReadOnlySpan<float>.Empty, Events, inProcess);
            using OnnxAdScorer scorer = OnnxAdScorer.Open(onnx);
            float[] fromOnnx = scorer.Scores(inputs, Events);
            OnnxParityResult parity = OnnxParity.Differences(fromOnnx, inProcess);
            Assert.True(parity.MaxRelativeDifference <= 1e-5, $"relative difference {parity.MaxRelativeDifference}");

            // The command prints the same comparison and honours --tolerance.
            var compare = HltadProcess.Run("compare-onnx", "--model", model, "--onnx", onnx, "--data", data,
                "--tolerance", "1e-5");
            Assert.True(compare.ExitCode == 0, compare.Error + compare.Out);
            Match printed = RelativeDifference().Match(compare.Out);
            Assert.True(printed.Success, compare.Out);
            Assert.True(double.Parse(printed.Groups[1].Value, CultureInfo.InvariantCulture) <= 1e-5);
            Assert.Contains($"0 of {Events.ToString("N0", CultureInfo.InvariantCulture)} events differ by more "
                + "than 1E-05 relative", compare.Out);

            // A NaN tolerance is refused.
            var refused = HltadProcess.Run("compare-onnx", "--model", model, "--onnx", onnx, "--data", data,
                "--tolerance", "NaN");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("--tolerance must be a relative difference ≥ 0", refused.Error);
        }
    }

    [Fact]
    public void ExportOnnx_NotAModelFile_ClearErrorAndNoOutput()
    {
        using var directory = new TemporaryDirectory();
        string bogus = directory.File("bogus.hltad");
        File.WriteAllText(bogus, "not a model");

        var (exitCode, _, error) = HltadProcess.Run("export-onnx", "--model", bogus, "--out", directory.File("x.onnx"));

        Assert.Equal(1, exitCode);
        Assert.Contains("bogus.hltad", error);
        Assert.False(File.Exists(directory.File("x.onnx")));
    }

    private static (string Model, string Data, Autoencoder Autoencoder, float[] Inputs) TrainedModel(
        TemporaryDirectory directory)
    {
        // Object-array-like inputs: a few rows filled, the rest zero padding.
        var random = new Random(5);
        var inputs = new float[Events * ObjectLayout.Features];
        for (int i = 0; i < Events; i++)
        {
            int rows = 1 + random.Next(8);
            for (int v = 0; v < rows * ObjectLayout.Columns; v++)
            {
                inputs[i * ObjectLayout.Features + v] = (float)(random.NextDouble() * 4 - 1);
            }
        }

        var set = new TrainingSet(inputs, null, null, Events);
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(), new TrainingOptions(MaxEpochs: 1), 3);
        trainer.RunEpoch(set, set);
        Autoencoder autoencoder = trainer.BestModel();
        string model = directory.File("model.hltad");
        autoencoder.Save(model);
        string data = directory.File("events.h5");
        Hdf5Writer.Write(data, new Hdf5Datasets().Add("HLT_data", inputs, Events, ObjectLayout.Features));
        return (model, data, autoencoder, inputs);
    }

    [GeneratedRegex(@"absolute, ([0-9.eE+-]+) relative")]
    private static partial Regex RelativeDifference();
}
