using Hltad.Io;
using Hltad.Matching;

namespace Hltad.Tests.Matching;

/// <summary>
/// The ONNX wrapper on small models of our own (tools/reference/make_l1ad_test_models.py) and on the real L1AD
/// encoder of the shared fixtures.
/// </summary>
public sealed class L1adScorerTests
{
    private static readonly string Linear3 = TestData.Path("matching", "l1ad_linear3.onnx");
    private static readonly string Linear44 = TestData.Path("matching", "l1ad_linear44.onnx");

    [Fact]
    public void Score_MeanSquare_MeanOfSquaredOutputs()
    {
        // l1ad_linear3: y = 2 · (x0, x1, x2). Row 0 (1, 2, 3) → (2, 4, 6) → (4 + 16 + 36) / 3 = 18.6667;
        // row 1 (−0.5, 0, 0) → (−1, 0, 0) → 1/3.
        using var scorer = L1adScorer.Load(Linear3);
        var inputs = new float[2 * 44];
        (inputs[0], inputs[1], inputs[2]) = (1, 2, 3);
        inputs[44] = -0.5f;

        float[] scores = scorer.Score(inputs, 2);

        Assert.Equal(56f / 3, scores[0], 5);
        Assert.Equal(1f / 3, scores[1], 6);
    }

    [Fact]
    public void Score_MaskedMse_IgnoresZeroAndMinus999Inputs()
    {
        // l1ad_linear44: y = 0.5 x + 0.1. Row 0: x0 = 2 → (2 − 1.1)² = 0.81; x3 = 4 → (4 − 2.1)² = 3.61; x1 =
        // −999
        // and the zeros are masked: (0.81 + 3.61) / 2 = 2.21. Row 1 is all zeros: nothing unmasked → 0 / 1 = 0.
        using var scorer = L1adScorer.Load(Linear44, L1adScoreKind.MaskedMse);
        var inputs = new float[2 * 44];
        (inputs[0], inputs[1], inputs[3]) = (2, -999, 4);

        float[] scores = scorer.Score(inputs, 2);

        Assert.Equal(2.21f, scores[0], 5);
        Assert.Equal(0f, scores[1]);
    }

    [Fact]
    public void Score_MoreRowsThanOneBatch_ScoresEveryRow()
    {
        using var scorer = L1adScorer.Load(Linear3);
        int n = L1adScorer.BatchRows + 3;
        var inputs = new float[n * 44];
        for (int i = 0; i < n; i++)
        {
            inputs[i * 44] = i % 7;
        }

        float[] scores = scorer.Score(inputs, n);

        // (2 · (i mod 7))² / 3.
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(4f * (i % 7) * (i % 7) / 3, scores[i], 4));
    }

    [Fact]
    public void Load_ModelWithInput48_NamesModelAndShape()
    {
        string path = TestData.Path("matching", "l1ad_input48.onnx");

        var error = Assert.Throws<InputDataException>(() => L1adScorer.Load(path));

        Assert.Equal(
            $"{path}: L1AD model input 'x' is float with shape (N, 48); an (N, 44) float input is required",
            error.Message);
    }

    [Fact]
    public void Load_ModelWithIntegerInput_NamesTheType()
    {
        string path = TestData.Path("matching", "l1ad_input_int.onnx");

        var error = Assert.Throws<InputDataException>(() => L1adScorer.Load(path));

        Assert.Contains("is int64 with shape (N, 44)", error.Message);
    }

    [Fact]
    public void Load_MaskedMseWithThreeOutputs_Refuses()
    {
        var error = Assert.Throws<InputDataException>(() => L1adScorer.Load(Linear3, L1adScoreKind.MaskedMse));

        Assert.Contains("masked-mse needs a 44-wide reconstruction", error.Message);
    }

    [Fact]
    public void Load_NotAnOnnxFile_SaysSo()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("model.onnx");
        File.WriteAllText(path, "not a model");

        var error = Assert.Throws<InputDataException>(() => L1adScorer.Load(path));

        Assert.StartsWith($"{path}: not a loadable ONNX model", error.Message);
    }

    [SkippableFact]
    public void Score_MaskedMseOnFixtureRows_EqualsNumpy()
    {
        // tools/reference/match_fixtures.py: masked MSE of l1ad_linear44 on the first 50 Topo2A rows of EB_473255.
        string file = SharedFixtures.Require("ntuples/EB/EB_473255_ntuples.h5");
        var golden = MatchingGolden.Load();
        using var reader = NtupleReader.Open(file, []);
        float[] topo = Topo2AInputs.Build(
            reader.ReadObjects("L1_jFexSR_jets", 6).Take(50), reader.ReadObjects("L1_eFex_taus", 4).Take(50),
            reader.ReadObjects("L1_muons", 4).Take(50), reader.ReadMet("L1_MET").Take(50));
        using var scorer = L1adScorer.Load(Linear44, L1adScoreKind.MaskedMse);

        float[] scores = scorer.Score(topo, 50);

        MatchingGolden.AssertRelative(golden.MaskedMseLinear44, scores, 1e-5);
    }
}
