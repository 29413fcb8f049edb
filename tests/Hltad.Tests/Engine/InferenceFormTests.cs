using Hltad.Engine;

namespace Hltad.Tests.Engine;

public sealed class InferenceFormTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ToInference_FoldedNetwork_ScoresAsUnfoldedValidationPath(bool large)
    {
        // The validation loss runs the unfolded layers in inference mode; with unit weights and no L2 it is
        // the mean of the per-event scores, so the folded network's scores must average to it.
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(Large: large),
            new TrainingOptions(MaxEpochs: 3, BatchSize: 128), 12);
        TrainingSet train = SyntheticEvents.Make(1, 800);
        trainer.RunEpoch(train, SyntheticEvents.Make(2, 100));
        trainer.RunEpoch(train, SyntheticEvents.Make(2, 100));
        TrainingSet data = SyntheticEvents.Make(5, 300);
        var unweighted = new TrainingSet(data.Inputs, null, null, data.Count);
        double expected = trainer.EvaluateLoss(unweighted);

        Autoencoder model = trainer.CurrentModel();
        float[] scores = new float[data.Count];
        model.Score(data.Inputs, default, data.Count, scores);
        Assert.Equal(expected, scores.Average(s => (double)s), 5e-6 * expected);
    }

    [Fact]
    public void ToInference_Small_HasAffineStepsAfterReluBlocks()
    {
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(Large: false), new TrainingOptions(), 1);
        InferenceNetwork network = trainer.CurrentModel().ToInference();

        // dense32 relu, affine, dense8 relu, affine, latent relu, dense8 relu, affine, dense32 relu, affine, out.
        string shape = string.Join(" ", network.Steps.Select(s => s switch
        {
            DenseInference d => $"D{d.Outputs}{d.Dense.Activation.ToString()[0]}",
            _ => "A",
        }));
        Assert.Equal("D32R A D8R A D4R D8R A D32R A D48L", shape);
    }

    [Fact]
    public void ToInference_Large_FoldsEveryBatchNorm()
    {
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(), new TrainingOptions(), 1);
        InferenceNetwork network = trainer.CurrentModel().ToInference();
        Assert.Equal([100, 100, 64, 32, 4, 32, 64, 100, 100, 48], network.Steps.Select(s => s.Outputs));
        Assert.All(network.Steps, s => Assert.IsType<DenseInference>(s));
    }

    [Fact]
    public void Score_OneEventAndBatch_SameValues()
    {
        Autoencoder model = AutoencoderTrainer.Start(new AutoencoderArchitecture(), new TrainingOptions(), 3)
            .CurrentModel();
        TrainingSet data = SyntheticEvents.Make(6, 2100);
        float[] batch = new float[data.Count];
        model.Score(data.Inputs, default, data.Count, batch);
        for (int i = 0; i < data.Count; i += 97)
        {
            float[] one = new float[1];
            model.Score(data.Inputs.AsSpan(i * 48, 48), default, 1, one);
            Assert.Equal(batch[i], one[0]);
        }
    }

    [Fact]
    public void Score_ExplicitMask_MatchesAdScoreOnReconstruction()
    {
        Autoencoder model = AutoencoderTrainer.Start(new AutoencoderArchitecture(Large: false),
            new TrainingOptions(), 3).CurrentModel();
        TrainingSet data = SyntheticEvents.Make(7, 40);
        float[] mask = data.Inputs.Select((v, i) => i % 5 == 0 ? 0f : 1f).ToArray();
        float[] reconstruction = new float[data.Inputs.Length];
        model.Reconstruct(data.Inputs, data.Count, reconstruction);
        float[] scores = new float[data.Count];
        model.Score(data.Inputs, mask, data.Count, scores);
        float[] expected = new float[data.Count];
        AdScore.MaskedMse(data.Inputs, reconstruction, mask, data.Count, expected);
        Assert.Equal(expected, scores);
    }
}
