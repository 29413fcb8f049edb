using Hltad.Engine;
using Hltad.Engine.Layers;

namespace Hltad.Tests.Engine;

/// <summary>
/// The masked, weighted loss with L2 (SEMANTICS.md section 7) against finite differences and a hand value.
/// </summary>
public sealed class LossGradientTests
{
    [Fact]
    public void MaskedMse_HandExample_MatchesFormula()
    {
        // Event 0: targets (1, 0, −999, 2), outputs (1.5, 7, 7, 1): mask (1, 0, 0, 1), Σ = 0.25 + 1 = 1.25,
        // count 2 → ℓ₀ = 0.625, weight 2. Event 1: all targets 0 → count 0 → ℓ₁ = 0 (divided by 1).
        // Batch loss = (2 · 0.625 + 3 · 0) / 2 = 0.625.
        var batch = new BatchState(2) { Rows = 2 };
        batch.Weights[0] = 2f;
        batch.Weights[1] = 3f;
        float[] targets = [1, 0, -999, 2, 0, 0, 0, 0];
        float[] outputs = [1.5f, 7, 7, 1, 4, 4, 4, 4];
        float[] gradient = new float[8];
        var loss = new MaskedMseLoss();
        loss.Compute(0, batch, 4, targets, default, outputs, gradient);
        loss.Compute(1, batch, 4, targets, default, outputs, gradient);
        Assert.Equal(0.625, (loss.PartialSum(0) + loss.PartialSum(1)) / 2, 12);

        // ∂/∂y₀₀ = 2 · w · (y − t) / (n · count) = 2 · 2 · 0.5 / (2 · 2) = 0.5; masked entries 0.
        Assert.Equal([0.5f, 0, 0, -1f, 0, 0, 0, 0], gradient);
    }

    [Fact]
    public void MaskedMse_ExplicitMask_UsesMaskNotTargets()
    {
        // Mask (0, 1, 1, 0) on targets (1, 0, −999, 2): Σ = (7 − 0)² + (7 + 999)² over count 2.
        var batch = new BatchState(1) { Rows = 1 };
        batch.Weights[0] = 1f;
        var loss = new MaskedMseLoss();
        loss.Compute(0, batch, 4, [1, 0, -999, 2], [0, 1, 1, 0], [1.5f, 7, 7, 1], Span<float>.Empty);
        loss.Compute(1, batch, 4, [1, 0, -999, 2], [0, 1, 1, 0], [1.5f, 7, 7, 1], Span<float>.Empty);
        Assert.Equal((49.0 + 1006.0 * 1006.0) / 2, loss.PartialSum(0) + loss.PartialSum(1), 9);
    }

    [Fact]
    public void WeightedMaskedLossWithL2_NetworkParameters_MatchFiniteDifferences()
    {
        // A small Dense → BN → ReLU → Dropout → Dense network; loss = Σ wᵢ ℓᵢ / n + c Σ w² (kernels
        // only).
        const float coupling = 0.05f;
        Layer[] layers =
        [
            new DenseLayer("d0", 6, 5), new BatchNormLayer("bn0", 5), new ActivationLayer(5, Activation.Relu),
            new DropoutLayer(5, 0.2f, 3, key: 9), new DenseLayer("d1", 5, 6),
        ];
        var harness = new LayerHarness(layers, rows: 7, seed: 8);
        var random = new Xoshiro256StarStar(31);
        float[] targets = LayerHarness.Random(random, 7 * 6);
        targets[3] = 0f;
        targets[10] = -999f;
        targets.CopyTo(harness.Input, 0);
        for (int r = 0; r < 7; r++)
        {
            harness.Network.Batch.Weights[r] = (float)(0.5 + random.NextDouble());
        }

        var adam = new AdamOptimizer(harness.Network.Store, harness.Network.TrainableByLayer) { L2Coupling = coupling };
        var loss = new MaskedMseLoss();
        double Loss(bool withGradient)
        {
            harness.Forward();
            float[] gradient = new float[7 * 6];
            Span<float> target = withGradient ? gradient : default;
            loss.Compute(0, harness.Network.Batch, 6, targets, default, harness.Output, target);
            double sum = loss.PartialSum(0);
            loss.Compute(1, harness.Network.Batch, 6, targets, default, harness.Output, target);
            sum += loss.PartialSum(1);
            if (withGradient)
            {
                harness.Backward(gradient);
            }

            return sum / 7 + adam.Penalty();
        }

        Loss(withGradient: true);
        ParameterStore store = harness.Network.Store;
        var analytic = store.Trainable.Select(s => Enumerable.Range(0, s.Length)
            .Select(i => AdamOptimizer.CombinedGradient(store.Gradients[0][s.Offset + i],
                store.Gradients[1][s.Offset + i], store.Values[s.Offset + i], s.IsKernel ? 2 * coupling : 0f))
            .ToArray()).ToArray();
        for (int s = 0; s < store.Trainable.Count; s++)
        {
            ParameterSlot slot = store.Trainable[s];
            for (int i = 0; i < slot.Length; i++)
            {
                double numeric = GradientCheckTests.Central(store.Values, slot.Offset + i, () => Loss(false));
                GradientCheckTests.AssertClose(numeric, analytic[s][i], 5e-3, $"{slot.Name}[{i}]");
            }
        }
    }
}
