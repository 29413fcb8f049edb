using Hltad.Engine;

namespace Hltad.Tests.Engine;

public sealed class EngineApiTests
{
    [Theory]
    [InlineData(0, 0.1f, 0f, "latent_dim")]
    [InlineData(4, 1.0f, 0f, "dropout")]
    [InlineData(4, 0.1f, -1f, "L2_reg_coupling")]
    public void Start_BadArchitecture_ThrowsNamingKey(int latent, float dropout, float l2, string key)
    {
        var e = Assert.Throws<ConfigurationException>(() => AutoencoderTrainer.Start(
            new AutoencoderArchitecture(LatentDim: latent, DropoutRate: dropout, L2Coupling: l2),
            new TrainingOptions(), 1));
        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void Start_ZeroBatchSize_ThrowsNamingKey()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            AutoencoderTrainer.Start(new AutoencoderArchitecture(), new TrainingOptions(BatchSize: 0), 1));
        Assert.Equal("batch_size", e.Key);
    }

    [Fact]
    public void TrainingSet_WeightsOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TrainingSet(new float[96], null, new float[3], 2));
        Assert.Throws<ArgumentException>(() => new TrainingSet(new float[95], null, null, 2));
        Assert.Throws<ArgumentException>(() => new TrainingSet(new float[96], new float[10], null, 2));
    }

    [Fact]
    public void RunEpoch_WrongFeatureCount_Throws()
    {
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(), new TrainingOptions(), 1);
        var data = new TrainingSet(new float[40], null, null, 1);
        Assert.Throws<ArgumentException>(() => trainer.RunEpoch(data, data));
    }

    [Fact]
    public void RunEpoch_AfterMaxEpochs_ThrowsInvalidOperation()
    {
        TrainingSet data = SyntheticEvents.Make(1, 64);
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(Large: false),
            new TrainingOptions(MaxEpochs: 1), 1);
        trainer.RunEpoch(data, data);
        Assert.True(trainer.IsFinished);
        Assert.Throws<InvalidOperationException>(() => trainer.RunEpoch(data, data));
    }

    [Fact]
    public void EarlyStopping_ConstantLossAfterBest_StopsAfterPatienceAndReducesRate()
    {
        // Learning rate 1e-12 keeps the validation loss flat: epoch 1 is the best, epochs 2..4 do not improve
        // (patience 3 → stop after epoch 4); the rate is cut after 2 epochs without improvement (epoch 3).
        TrainingSet data = SyntheticEvents.Make(1, 64);
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(Large: false, DropoutRate: 0f),
            new TrainingOptions(MaxEpochs: 50, EarlyStoppingPatience: 3, LearningRatePatience: 2,
                LearningRate: 1e-12), 1);
        Autoencoder best = trainer.Train(data, data);
        Assert.Equal(4, trainer.EpochsCompleted);
        Assert.Equal(1, trainer.BestEpoch);
        Assert.Equal([1e-12, 1e-12, 1e-12, 1e-13], trainer.History.Select(h => h.LearningRate).ToArray(),
            new ToleranceComparer(1e-25));
        Assert.Equal(trainer.History[0].ValidationLoss, trainer.BestValidationLoss);
        Assert.NotNull(best);
    }

    [Fact]
    public void AdScore_HandExample_MatchesFormula()
    {
        // Inputs (1, 0, −999, 3), reconstruction (2, 5, 5, 1): mask (1, 0, 0, 1), (1 + 4) / 2 = 2.5.
        Assert.Equal(2.5f, AdScore.MaskedMse([1f, 0f, -999f, 3f], [2f, 5f, 5f, 1f], default));
        Assert.Equal(0f, AdScore.MaskedMse([0f, 0f], [2f, 5f], default));
        Assert.Equal((4f + 1f) / 2f, AdScore.MeanSquare([2f, -1f]));
    }

    [Fact]
    public void Xoshiro_StateRoundTrip_ContinuesSameSequence()
    {
        var a = new Xoshiro256StarStar(77);
        a.NextUInt64();
        var b = Xoshiro256StarStar.FromState(a.GetState());
        ulong[] expected = [.. Enumerable.Range(0, 5).Select(_ => a.NextUInt64())];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => b.NextUInt64()));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
