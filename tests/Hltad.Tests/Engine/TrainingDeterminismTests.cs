using Hltad.Engine;

namespace Hltad.Tests.Engine;

public sealed class TrainingDeterminismTests
{
    private static readonly TrainingSet Train = SyntheticEvents.Make(1, 1500);
    private static readonly TrainingSet Validation = SyntheticEvents.Make(2, 300);
    private static readonly TrainingOptions Options = new(MaxEpochs: 4, BatchSize: 256);

    [Fact]
    public void SameSeed_TwoRuns_BitIdenticalWeights()
    {
        byte[] first = TrainAndSave(new AutoencoderArchitecture(), Options, 5, epochs: 3);
        byte[] second = TrainAndSave(new AutoencoderArchitecture(), Options, 5, epochs: 3);
        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeed_Weights_Differ()
    {
        byte[] first = TrainAndSave(new AutoencoderArchitecture(), Options, 5, epochs: 1);
        byte[] second = TrainAndSave(new AutoencoderArchitecture(), Options, 6, epochs: 1);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void OneCoreAndTwoCores_BitIdenticalWeights()
    {
        byte[] parallel = TrainAndSave(new AutoencoderArchitecture(Large: false), Options, 9, epochs: 2);
        byte[] serial = TrainAndSave(new AutoencoderArchitecture(Large: false), Options with { UseBothCores = false },
            9, epochs: 2);
        Assert.Equal(parallel, serial);
    }

    [Fact]
    public void ResumeFromCheckpoint_AfterEachEpoch_BitIdenticalToUninterrupted()
    {
        var architecture = new AutoencoderArchitecture(L2Coupling: 0.001f);
        var uninterrupted = AutoencoderTrainer.Start(architecture, Options, 21);
        for (int e = 0; e < 4; e++)
        {
            uninterrupted.RunEpoch(Train, Validation);
        }

        // Save and reload the state after every epoch.
        var trainer = AutoencoderTrainer.Start(architecture, Options, 21);
        for (int e = 0; e < 4; e++)
        {
            trainer.RunEpoch(Train, Validation);
            using var checkpoint = new MemoryStream();
            trainer.SaveCheckpoint(checkpoint);
            checkpoint.Position = 0;
            trainer = AutoencoderTrainer.Resume(checkpoint);
        }

        Assert.Equal(TensorBytes(uninterrupted.CurrentModel()), TensorBytes(trainer.CurrentModel()));
        Assert.Equal(TensorBytes(uninterrupted.BestModel()), TensorBytes(trainer.BestModel()));
        Assert.Equal(uninterrupted.History.Select(h => (h.TrainLoss, h.ValidationLoss, h.LearningRate)),
            trainer.History.Select(h => (h.TrainLoss, h.ValidationLoss, h.LearningRate)));
        Assert.True(uninterrupted.IsFinished);
        Assert.True(trainer.IsFinished);
    }

    [Fact]
    public void CancelledEpoch_StateOfPreviousEpoch_ContinuesIdentically()
    {
        var reference = AutoencoderTrainer.Start(new AutoencoderArchitecture(), Options, 33);
        reference.RunEpoch(Train, Validation);
        reference.RunEpoch(Train, Validation);

        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(), Options, 33);
        trainer.RunEpoch(Train, Validation);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.RunEpoch(Train, Validation, cancelled.Token));
        trainer.RunEpoch(Train, Validation);
        Assert.Equal(TensorBytes(reference.CurrentModel()), TensorBytes(trainer.CurrentModel()));
    }

    private static byte[] TrainAndSave(AutoencoderArchitecture architecture, TrainingOptions options, ulong seed,
        int epochs)
    {
        var trainer = AutoencoderTrainer.Start(architecture, options, seed);
        for (int e = 0; e < epochs; e++)
        {
            trainer.RunEpoch(Train, Validation);
        }

        return TensorBytes(trainer.CurrentModel());
    }

    /// <summary>Every weight and statistic, bit for bit (the saved file also holds timings).</summary>
    internal static byte[] TensorBytes(Autoencoder model) =>
        model.Tensors().OrderBy(t => t.Key).SelectMany(t => t.Value.SelectMany(BitConverter.GetBytes)).ToArray();
}
