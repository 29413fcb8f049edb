using Hltad.Engine;
using Hltad.Engine.Layers;

namespace Hltad.Tests.Engine;

public sealed class VaeTests
{
    [Fact]
    public void VaeLoss_ReconstructionPlusBetaKl_MatchesFiniteDifferences()
    {
        // Dense → Sampling → Dense with fixed noise (fixed step): loss = Σ wᵢ (ℓᵢ + β KLᵢ) / n.
        const float beta = 0.7f;
        Layer[] layers = [new DenseLayer("e", 5, 4), new SamplingLayer(2, beta, 1, key: 3), new DenseLayer("d", 2, 5)];
        var harness = new LayerHarness(layers, rows: 6, seed: 10);
        var random = new Xoshiro256StarStar(41);
        float[] targets = LayerHarness.Random(random, 6 * 5);
        targets.CopyTo(harness.Input, 0);
        for (int r = 0; r < 6; r++)
        {
            harness.Network.Batch.Weights[r] = (float)(0.5 + random.NextDouble());
        }

        var sampling = (SamplingLayer)layers[1];
        var loss = new MaskedMseLoss();
        double Loss(bool withGradient)
        {
            harness.Forward();
            float[] gradient = new float[6 * 5];
            double sum = 0;
            for (int part = 0; part < 2; part++)
            {
                loss.Compute(part, harness.Network.Batch, 5, targets, default, harness.Output,
                    withGradient ? gradient : default);
                sum += loss.PartialSum(part) + sampling.PartialSum(part);
            }

            if (withGradient)
            {
                harness.Backward(gradient);
            }

            return sum / 6;
        }

        Loss(withGradient: true);
        ParameterStore store = harness.Network.Store;
        float[] analytic = store.Trainable.SelectMany(s => Enumerable.Range(0, s.Length)
            .Select(i => (float)harness.ParameterGradient(s, i))).ToArray();
        int k = 0;
        foreach (ParameterSlot slot in store.Trainable)
        {
            for (int i = 0; i < slot.Length; i++, k++)
            {
                double numeric = GradientCheckTests.Central(store.Values, slot.Offset + i, () => Loss(false));
                GradientCheckTests.AssertClose(numeric, analytic[k], 3e-3, $"{slot.Name}[{i}]");
            }
        }
    }

    [Fact]
    public void KlTerm_HandExample_MatchesFormula()
    {
        // μ = (1, −2), s = (0, ln 4): KL = −½ [(1 + 0 − 1 − 1) + (1 + ln 4 − 4 − 4)] = −½ (−1 − 7
        // + ln 4)
        //   = 4 − ½ ln 4 = 3.3068528…; β = 2, w = 1.5 → 9.92055846…
        var sampling = new SamplingLayer(2, beta: 2f, layerIndex: 0, key: 1)
        {
            Input = [1f, -2f, 0f, MathF.Log(4f)],
            Output = new float[2],
        };
        sampling.Reserve(1);
        var batch = new BatchState(1) { Rows = 1, Training = false };
        batch.Weights[0] = 1.5f;
        sampling.Forward(0, 0, batch, new ParameterStore());
        sampling.Forward(0, 1, batch, new ParameterStore());
        Assert.Equal(2 * 1.5 * (4 - 0.5 * Math.Log(4)), sampling.PartialSum(0) + sampling.PartialSum(1), 5);
        Assert.Equal([1f, -2f], sampling.Output);
    }

    [Fact]
    public void Noise_ManyDraws_StandardNormalMoments()
    {
        // 20000 draws: the mean's standard error is 0.007 and the variance's 0.01; limits are 5 σ.
        double sum = 0, squares = 0;
        for (int e = 0; e < 20000; e++)
        {
            double x = SamplingLayer.Noise(12345, e);
            sum += x;
            squares += x * x;
        }

        Assert.InRange(sum / 20000, -0.035, 0.035);
        Assert.InRange(squares / 20000, 0.95, 1.05);
    }

    [Fact]
    public void Train_TopoLikeData_LossFallsAndEncoderScoreMatchesUnfoldedMeans()
    {
        TrainingSet train = Topo(1, 1200);
        TrainingSet validation = Topo(2, 300);
        var trainer = VaeTrainer.Start(new VaeArchitecture(), new TrainingOptions(MaxEpochs: 6, BatchSize: 128), 3);
        double before = trainer.EvaluateLoss(validation);
        VariationalAutoencoder model = trainer.Train(train, validation);
        Assert.True(trainer.BestValidationLoss < 0.8 * before, $"{trainer.BestValidationLoss} vs {before}");

        // The exported encoder against the unfolded layers in inference mode (z = μ there).
        var harness = new LayerHarness(VaeLayers.Build(model.Architecture, 0), rows: 20, seed: 0, initialise: false);
        StoreTensors.Import(harness.Network.Store, model.Tensors(), harness.Network.Store.Values,
            harness.Network.Store.StatisticValues, "test");
        harness.Network.RefreshDerived();
        harness.Network.Batch.Training = false;
        validation.Inputs.AsSpan(0, 20 * 44).CopyTo(harness.Input);
        harness.Forward();
        int sample = VaeLayers.HeadIndex(harness.Network.Layers) + 1;
        float[] means = harness.Network.Layers[sample].Output;
        float[] scores = new float[20];
        model.Score(validation.Inputs.AsSpan(0, 20 * 44), 20, scores);
        for (int i = 0; i < 20; i++)
        {
            double expected = (means[3 * i] * (double)means[3 * i] + means[3 * i + 1] * (double)means[3 * i + 1]
                + means[3 * i + 2] * (double)means[3 * i + 2]) / 3;
            Assert.Equal(expected, scores[i], 1e-5 * (1 + expected));
        }
    }

    [Fact]
    public void SaveLoad_Vae_RoundTripsAndRefusesAutoencoderLoader()
    {
        var trainer = VaeTrainer.Start(new VaeArchitecture(LatentDim: 2), new TrainingOptions(MaxEpochs: 1), 5);
        trainer.RunEpoch(Topo(1, 300), Topo(2, 100));
        VariationalAutoencoder model = trainer.BestModel();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        VariationalAutoencoder loaded = VariationalAutoencoder.Load(stream);
        Assert.Equal(model.Architecture, loaded.Architecture);
        Assert.Equal(model.Tensors().OrderBy(t => t.Key).SelectMany(t => t.Value),
            loaded.Tensors().OrderBy(t => t.Key).SelectMany(t => t.Value));
        stream.Position = 0;
        Assert.Throws<ModelFormatException>(() => Autoencoder.Load(stream));
    }

    [Fact]
    public void Resume_VaeCheckpoint_BitIdentical()
    {
        TrainingSet train = Topo(1, 400);
        TrainingSet validation = Topo(2, 100);
        var options = new TrainingOptions(MaxEpochs: 3, BatchSize: 64);
        var straight = VaeTrainer.Start(new VaeArchitecture(), options, 8);
        var resumed = VaeTrainer.Start(new VaeArchitecture(), options, 8);
        straight.RunEpoch(train, validation);
        straight.RunEpoch(train, validation);
        resumed.RunEpoch(train, validation);
        using var checkpoint = new MemoryStream();
        resumed.SaveCheckpoint(checkpoint);
        checkpoint.Position = 0;
        resumed = VaeTrainer.Resume(checkpoint);
        resumed.RunEpoch(train, validation);
        Assert.Equal(straight.CurrentModel().Tensors().OrderBy(t => t.Key).SelectMany(t => t.Value),
            resumed.CurrentModel().Tensors().OrderBy(t => t.Key).SelectMany(t => t.Value));
    }

    /// <summary>44 values per event from the 48-value toy events (first 44 columns).</summary>
    private static TrainingSet Topo(ulong seed, int count)
    {
        TrainingSet events = SyntheticEvents.Make(seed, count);
        float[] inputs = new float[count * 44];
        for (int i = 0; i < count; i++)
        {
            events.Inputs.AsSpan(i * 48, 44).CopyTo(inputs.AsSpan(i * 44));
        }

        return new TrainingSet(inputs, null, events.Weights, count);
    }
}
