using Hltad.Engine;
using Hltad.Onnx;
using PureHDF;

namespace Hltad.Tests.Onnx;

/// <summary><c>hltad score</c>, run as a process on the committed h5py-written inputs in TestData/onnx.</summary>
public sealed class ScoreCommandTests
{
    [SkippableTheory]
    [InlineData("HLT_AE_0")]
    [InlineData("L1_AE_0")]
    [InlineData("folded_MSE_AE_0")]
    public void Score_FixtureModel_WritesNumpyGraphScores(string name)
    {
        // Expected: tools/reference/onnx_fixture_scores.py, the graph evaluated node by node in numpy.
        (string model, string data, string objects, _, float[] expected) = FixtureScores.Model(name);
        string modelPath = SharedFixtures.Require(model);
        using var folder = new TemporaryDirectory();
        string output = folder.File("scores.h5");

        var (exitCode, _, error) = HltadProcess.Run("score", "--model", modelPath,
            "--data", FixtureScores.DataFile(data), "--objects", objects, "--out", output);

        Assert.True(exitCode == 0, error);
        FixtureScores.AssertClose(expected, ReadScores(output, $"{objects}_AD_scores"), 1e-5);
    }

    [Fact]
    public void Score_ExportedModelOnMatchedFile_WritesInProcessScores()
    {
        // (64, 16, 3) L1_data, flattened row-major, scored by an exported small network with the score in the graph.
        InferenceNetwork network = TestNetworks.Small(seed: 51);
        using var folder = new TemporaryDirectory();
        string model = folder.File("small.onnx");
        OnnxExporter.Export(network, model, new OnnxExportOptions(OnnxExportOutput.AdScore));
        string data = FixtureScores.DataFile("fixture_matched.h5");
        (float[] inputs, int count) = ScoreFileHdf5.ReadEvents(data, "L1_data");
        string output = folder.File("scores.h5");

        var (exitCode, stdout, error) = HltadProcess.Run("score", "--model", model, "--data", data,
            "--objects", "L1", "--out", output);

        Assert.True(exitCode == 0, error);
        Assert.Contains("scored 64 events of L1_data", stdout);
        FixtureScores.AssertClose(InferenceNetworkRunner.Scores(network, inputs, count),
            ReadScores(output, "L1_AD_scores"), 1e-5);
    }

    public static TheoryData<string, string[]> BadInputs => new()
    {
        // case, words the one-line error must contain
        { "missing model", ["missing.onnx", "not found"] },
        { "not onnx", ["text.onnx", "not a loadable ONNX model"] },
        { "input width 40", ["narrow.onnx", "(N, 40)"] },
        { "missing dataset", ["no_hlt.h5", "dataset 'HLT_data'", "no such dataset"] },
        { "data width 47", ["wide47.h5", "dataset 'HLT_data'", "(5, 47)"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Score_BadInput_FailsWithOneClearLineAndWritesNothing(string badCase, string[] words)
    {
        using var folder = new TemporaryDirectory();
        (string model, string data) = Prepare(folder, badCase);
        string output = folder.File("out.h5");
        string[] before = Directory.GetFiles(folder.Path);

        var (exitCode, _, error) = HltadProcess.Run("score", "--model", model, "--data", data, "--out", output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("hltad: error: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        foreach (string word in words)
        {
            Assert.Contains(word, error);
        }

        Assert.Equal(before.Order(), Directory.GetFiles(folder.Path).Order());
    }

    private static (string Model, string Data) Prepare(TemporaryDirectory folder, string badCase)
    {
        string goodModel = folder.File("good.onnx");
        OnnxExporter.Export(TestNetworks.Small(seed: 1), goodModel);
        string goodData = FixtureScores.DataFile("fixture_matched.h5");
        switch (badCase)
        {
            case "missing model":
                return (folder.File("missing.onnx"), goodData);
            case "not onnx":
                File.WriteAllText(folder.File("text.onnx"), "not a model");
                return (folder.File("text.onnx"), goodData);
            case "input width 40":
                var narrow = new InferenceNetwork([TestNetworks.Dense(new Random(1), 40, 40, Activation.Linear)]);
                OnnxExporter.Export(narrow, folder.File("narrow.onnx"));
                return (folder.File("narrow.onnx"), goodData);
            case "missing dataset":
                new H5File { ["L1_data"] = new float[2, 48] }.Write(folder.File("no_hlt.h5"));
                return (goodModel, folder.File("no_hlt.h5"));
            case "data width 47":
                new H5File { ["HLT_data"] = new float[5, 47] }.Write(folder.File("wide47.h5"));
                return (goodModel, folder.File("wide47.h5"));
            default:
                throw new ArgumentException(badCase, nameof(badCase));
        }
    }

    private static float[] ReadScores(string path, string dataset)
    {
        using var file = H5File.OpenRead(path);
        return file.Dataset(dataset).Read<float[]>();
    }
}
