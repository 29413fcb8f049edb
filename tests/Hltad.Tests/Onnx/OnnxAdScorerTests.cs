using Hltad.Engine;
using Hltad.Onnx;

namespace Hltad.Tests.Onnx;

public sealed class OnnxAdScorerTests
{
    [SkippableTheory]
    [InlineData("HLT_AE_0", OnnxModelKind.Reconstruction, "input_9")]
    [InlineData("L1_AE_0", OnnxModelKind.Reconstruction, "input_15")]
    [InlineData("folded_MSE_AE_0", OnnxModelKind.Score, "input")]
    public void Scores_FixtureModel_MatchNumpyGraphEvaluation(string name, OnnxModelKind kind, string inputName)
    {
        // Expected: tools/reference/onnx_fixture_scores.py, the graph evaluated node by node in numpy.
        (string model, string data, string objects, _, float[] expected) = FixtureScores.Model(name);
        string modelPath = SharedFixtures.Require(model);
        (float[] values, int count) = ScoreFileHdf5.ReadEvents(FixtureScores.DataFile(data), $"{objects}_data");

        using OnnxAdScorer scorer = OnnxAdScorer.Open(modelPath);
        float[] scores = scorer.Scores(values, count);

        Assert.Equal(kind, scorer.Kind);
        Assert.Equal(inputName, scorer.InputName);
        FixtureScores.AssertClose(expected, scores, 1e-5);
    }

    [Fact]
    public void Scores_BatchesSmallerThanTheData_MatchInProcessAndRepeatBitIdentically()
    {
        // 100 events in batches of 7: 14 full batches and a last one of 2.
        InferenceNetwork network = TestNetworks.Small(seed: 41);
        float[] inputs = TestNetworks.Inputs(seed: 42, count: 100);
        using var folder = new TemporaryDirectory();
        string path = folder.File("model.onnx");
        OnnxExporter.Export(network, path);
        var progress = new List<int>();

        using OnnxAdScorer scorer = OnnxAdScorer.Open(path, new OnnxAdScorerOptions(BatchSize: 7));
        float[] first = scorer.Scores(inputs, 100, new SynchronousProgress(progress));
        float[] second = scorer.Scores(inputs, 100);

        FixtureScores.AssertClose(InferenceNetworkRunner.Scores(network, inputs, 100), first, 1e-5);
        Assert.Equal(first, second);
        Assert.Equal(15, progress.Count);
        Assert.Equal(100, progress[^1]);
    }

    [Fact]
    public void Open_OutputOfOneColumn_IsTakenAsTheScore()
    {
        // 48 → 1 linear network: output (N, 1), the score is the output itself.
        var network = new InferenceNetwork([TestNetworks.Dense(new Random(7), 48, 1, Activation.Linear)]);
        float[] inputs = TestNetworks.Inputs(seed: 8, count: 20);
        using var folder = new TemporaryDirectory();
        string path = folder.File("one.onnx");
        OnnxExporter.Export(network, path);

        using OnnxAdScorer scorer = OnnxAdScorer.Open(path);
        float[] scores = scorer.Scores(inputs, 20);

        Assert.Equal(OnnxModelKind.Score, scorer.Kind);
        FixtureScores.AssertClose(InferenceNetworkRunner.Reconstruct(network, inputs, 20), scores, 1e-5);
    }

    [Fact]
    public void Open_MissingFile_ThrowsNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<OnnxModelException>(() => OnnxAdScorer.Open(path));

        Assert.Equal(path, error.Path);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Open_FileThatIsNotOnnx_Throws()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("text.onnx");
        File.WriteAllText(path, "this is not a protobuf");

        var error = Assert.Throws<OnnxModelException>(() => OnnxAdScorer.Open(path));

        Assert.Contains("not a loadable ONNX model", error.Message);
    }

    [Fact]
    public void Open_InputOf40Columns_ThrowsNamingTheShape()
    {
        var network = new InferenceNetwork([TestNetworks.Dense(new Random(1), 40, 40, Activation.Linear)]);
        using var folder = new TemporaryDirectory();
        string path = folder.File("narrow.onnx");
        OnnxExporter.Export(network, path);

        var error = Assert.Throws<OnnxModelException>(() => OnnxAdScorer.Open(path));

        Assert.Contains("input 'input' is float (N, 40)", error.Message);
    }

    [Fact]
    public void Open_OutputOfThreeColumns_ThrowsNamingTheShape()
    {
        var network = new InferenceNetwork([TestNetworks.Dense(new Random(1), 48, 3, Activation.Linear)]);
        using var folder = new TemporaryDirectory();
        string path = folder.File("three.onnx");
        OnnxExporter.Export(network, path);

        var error = Assert.Throws<OnnxModelException>(() => OnnxAdScorer.Open(path));

        Assert.Contains("output 'reconstruction' is float (N, 3)", error.Message);
    }

    /// <summary>Records reports on the calling thread (<see cref="Progress{T}"/> would post them elsewhere).</summary>
    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
