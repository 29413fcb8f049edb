using Hltad.Engine;
using Hltad.Onnx;
using Onnx;

namespace Hltad.Tests.Onnx;

/// <summary>
/// Exported graphs run in ONNX Runtime and are compared with <see cref="InferenceNetworkRunner"/>, the plain
/// double-precision forward pass, on inputs with zeros and −999 so the score mask matters.
/// </summary>
public sealed class OnnxExporterTests
{
    /// <summary>Required agreement, issue 3 "Done when": ≤ 1e-5 relative.</summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<string, OnnxExportOutput> Networks => new()
    {
        { "large", OnnxExportOutput.Reconstruction },
        { "large", OnnxExportOutput.AdScore },
        { "small", OnnxExportOutput.Reconstruction },
        { "small", OnnxExportOutput.AdScore },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Export_RandomNetwork_OnnxRuntimeScoresMatchInProcess(string which, OnnxExportOutput output)
    {
        InferenceNetwork network = which == "large" ? TestNetworks.Large(seed: 11) : TestNetworks.Small(seed: 12);
        const int count = 300;
        float[] inputs = TestNetworks.Inputs(seed: 13, count);
        using var folder = new TemporaryDirectory();
        string path = folder.File("model.onnx");

        OnnxExporter.Export(network, path, new OnnxExportOptions(output));
        OnnxParityResult parity = OnnxParity.Compare(path, inputs, count,
            (x, n) => InferenceNetworkRunner.Scores(network, x, n));

        Assert.Equal(count, parity.Events);
        Assert.True(parity.MaxRelativeDifference <= Tolerance,
            $"relative difference {parity.MaxRelativeDifference:E3} at event {parity.WorstEvent}: " +
            $"ONNX {parity.OnnxScore}, in-process {parity.InProcessScore}");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Export_MinusNineNineNineInEveryColumn_AgreesWithinFloat32Cancellation(
        string which,
        OnnxExportOutput output)
    {
        // −999 fed into every column drives activations to O(1e3) while the counted entries are O(1), so the
        // float32 sums of ONNX Runtime lose digits in the reconstruction that the double-precision runner keeps.
        // Measured over 20 000 such events: 4e-6 (large), 3.1e-5 (small). Realistic inputs (above) stay ≤ 2e-6.
        InferenceNetwork network = which == "large" ? TestNetworks.Large(seed: 31) : TestNetworks.Small(seed: 32);
        const int count = 300;
        float[] inputs = TestNetworks.ScatteredInputs(seed: 33, count);
        using var folder = new TemporaryDirectory();
        string path = folder.File("model.onnx");

        OnnxExporter.Export(network, path, new OnnxExportOptions(output));
        OnnxParityResult parity = OnnxParity.Compare(path, inputs, count,
            (x, n) => InferenceNetworkRunner.Scores(network, x, n));

        Assert.True(parity.MaxRelativeDifference <= 1e-4,
            $"relative difference {parity.MaxRelativeDifference:E3} at event {parity.WorstEvent}");
    }

    [Theory]
    [InlineData(OnnxExportOutput.Reconstruction)]
    [InlineData(OnnxExportOutput.AdScore)]
    public void Export_EventsWithoutCountedEntries_ScoreZero(OnnxExportOutput output)
    {
        // Event 0 is all zeros, event 1 zeros and a −999 MET: the mask count is 0, the score 0 / max(0, 1) = 0.
        InferenceNetwork network = TestNetworks.Small(seed: 21);
        float[] inputs = TestNetworks.Inputs(seed: 22, count: 4);
        using var folder = new TemporaryDirectory();
        string path = folder.File("model.onnx");
        OnnxExporter.Export(network, path, new OnnxExportOptions(output));

        using OnnxAdScorer scorer = OnnxAdScorer.Open(path);
        float[] scores = scorer.Scores(inputs, 4);

        Assert.Equal(0f, scores[0]);
        Assert.Equal(0f, scores[1]);
        Assert.True(scores[2] > 0 && scores[3] > 0);
    }

    [Fact]
    public void Export_ScoreInGraph_MatchesHandComputedScore()
    {
        // 3 → 3 identity-plus-one network: y = x + 1 (kernel I, bias 1, linear).
        // x = (2, 0, −999): only column 0 counts, (3 − 2)² / 1 = 1.
        // x = (1, 4, 0):    columns 0 and 1 count, (1 + 1) / 2 = 1.
        // x = (0, 0, 0):    nothing counts, 0 / max(0, 1) = 0.
        var dense = new DenseStep(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 1], [1, 1, 1], Activation.Linear);
        var network = new InferenceNetwork([new DenseInference(dense)]);
        using var folder = new TemporaryDirectory();
        string path = folder.File("score.onnx");
        OnnxExporter.Export(network, path, new OnnxExportOptions(OnnxExportOutput.AdScore));

        float[] scores = RunThreeColumnModel(path, [2, 0, -999, 1, 4, 0, 0, 0, 0]);

        Assert.Equal([1f, 1f, 0f], scores);
    }

    [Fact]
    public void Export_Model_DeclaresOpsetInputAndOutput()
    {
        using var stream = new MemoryStream();
        OnnxExporter.Export(TestNetworks.Large(seed: 1), stream, new OnnxExportOptions(OnnxExportOutput.AdScore));

        ModelProto model = ModelProto.Parser.ParseFrom(stream.ToArray());

        Assert.Equal(8, model.IrVersion);
        Assert.Equal("hltad", model.ProducerName);
        Assert.Equal(13, Assert.Single(model.OpsetImport).Version);
        ValueInfoProto input = Assert.Single(model.Graph.Input);
        Assert.Equal("input", input.Name);
        Assert.Equal((int)TensorProto.Types.DataType.Float, input.Type.TensorType.ElemType);
        Assert.Equal("N", input.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(48, input.Type.TensorType.Shape.Dim[1].DimValue);
        ValueInfoProto output = Assert.Single(model.Graph.Output);
        Assert.Equal("ad_score", output.Name);
        Assert.Equal("N", Assert.Single(output.Type.TensorType.Shape.Dim).DimParam);
        Assert.Equal(10, model.Graph.Node.Count(n => n.OpType == "MatMul"));
    }

    [Fact]
    public void Export_SameNetworkTwice_IdenticalBytes()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        OnnxExporter.Export(TestNetworks.Small(seed: 5), first);
        OnnxExporter.Export(TestNetworks.Small(seed: 5), second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Export_ToExistingPath_ReplacesItAndLeavesNoTemporaryFile()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("model.onnx");
        File.WriteAllText(path, "old contents");

        OnnxExporter.Export(TestNetworks.Small(seed: 3), path);

        Assert.Equal(["model.onnx"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.NotNull(ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph);
    }

    [Fact]
    public void Build_ScoreForNetworkNarrowerThanInput_Throws()
    {
        var network = new InferenceNetwork([TestNetworks.Dense(new Random(1), 48, 4, Activation.Relu)]);

        var error = Assert.Throws<ArgumentException>(
            () => OnnxExporter.Build(network, new OnnxExportOptions(OnnxExportOutput.AdScore)));

        Assert.Contains("48 to 4", error.Message);
    }

    [Fact]
    public void Build_StepsThatDoNotChain_ThrowsNamingTheStep()
    {
        var random = new Random(1);
        var network = new InferenceNetwork(
        [
            TestNetworks.Dense(random, 48, 10, Activation.Relu),
            TestNetworks.Dense(random, 12, 48, Activation.Linear),
        ]);

        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.Build(network));

        Assert.Contains("step 1", error.Message);
    }

    /// <summary>Runs a (N, 3) → (N,) model directly in ONNX Runtime (the scorer only takes 48 columns).</summary>
    private static float[] RunThreeColumnModel(string path, float[] values)
    {
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(path);
        using var input = Microsoft.ML.OnnxRuntime.OrtValue.CreateTensorValueFromMemory(values, [values.Length / 3, 3]);
        using var runOptions = new Microsoft.ML.OnnxRuntime.RunOptions();
        using var outputs = session.Run(runOptions, ["input"], [input], ["ad_score"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
