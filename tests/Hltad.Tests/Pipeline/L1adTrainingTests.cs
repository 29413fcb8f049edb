using Hltad.Engine;
using Hltad.Matching;
using Hltad.Physics;
using Hltad.Pipeline;
using Hltad.Tests.World;

namespace Hltad.Tests.Pipeline;

public sealed class L1adTrainingTests
{
    [Fact]
    public void Run_TinyWorld_WritesAn44InputEncoderTheMatchStepCanScoreWith()
    {
        using var directory = new TemporaryDirectory();
        string model = directory.File("l1ad.onnx");
        var options = L1adTrainingOptions.Default with
        {
            Training = L1adTrainingOptions.Default.Training with { MaxEpochs = 2 },
        };

        (int events, double loss) = L1adTraining.Run(Path.Combine(TinyWorld.Root, "EB"),
            Path.Combine(TinyWorld.Root, Hltad.World.WorldGenerator.L1adTrainingFileName), model, options, null,
            CancellationToken.None);

        // Every listed pair is an event of the world, so all of them are found.
        Assert.Equal(TinyWorld.Summary.L1adTrainingEvents, events);
        Assert.True(double.IsFinite(loss));

        // The ONNX encoder gives 3 latent means per event; its score is their mean square (section 2).
        using L1adScorer scorer = L1adScorer.Load(model);
        var inputs = new float[2 * Topo2A.Inputs];
        inputs[0] = 1.5f;
        inputs[Topo2A.Inputs + 3] = -2f;
        float[] scores = scorer.Score(inputs, 2);
        Assert.All(scores, score => Assert.True(float.IsFinite(score) && score >= 0));
    }

    [Fact]
    public void Run_SameSeedTwice_SameEncoderBytes()
    {
        using var directory = new TemporaryDirectory();
        var options = L1adTrainingOptions.Default with
        {
            Training = L1adTrainingOptions.Default.Training with { MaxEpochs = 1 },
        };
        string eb = Path.Combine(TinyWorld.Root, "EB");
        string listed = Path.Combine(TinyWorld.Root, Hltad.World.WorldGenerator.L1adTrainingFileName);

        L1adTraining.Run(eb, listed, directory.File("a.onnx"), options, null, CancellationToken.None);
        L1adTraining.Run(eb, listed, directory.File("b.onnx"), options, null, CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(directory.File("a.onnx")), File.ReadAllBytes(directory.File("b.onnx")));
    }
}
