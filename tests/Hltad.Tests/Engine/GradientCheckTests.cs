using Hltad.Engine;
using Hltad.Engine.Layers;

namespace Hltad.Tests.Engine;

/// <summary>
/// Analytic gradients against central finite differences (step h) of a float32 forward pass whose loss is
/// summed in double. The float rounding of the outputs (≈ 6e-8 relative) divided by 2h and the O(h²)
/// truncation bound the difference, hence tolerance 2e-3 relative + 2e-4 absolute at h = 1e-2 for the
/// smooth layers; kinked activations get inputs at least 3h away from 0.
/// </summary>
public sealed class GradientCheckTests
{
    private const float Step = 1e-2f;

    [Fact]
    public void Dense_InputAndParameters_MatchFiniteDifferences()
    {
        var harness = new LayerHarness([new DenseLayer("d", 5, 7)], rows: 6, seed: 1);
        CheckAll(harness, awayFromZero: 0);
    }

    [Fact]
    public void BatchNormTrainingMode_InputAndParameters_MatchFiniteDifferences()
    {
        var norm = new BatchNormLayer("bn", 4);
        var harness = new LayerHarness([norm], rows: 9, seed: 2);

        // Non-trivial γ and β so that their gradients and the scaling path are exercised.
        var random = new Xoshiro256StarStar(20);
        LayerHarness.Random(random, 4, 1.0, 0.5).CopyTo(harness.Network.Store.ValuesOf(norm.Gamma));
        LayerHarness.Random(random, 4).CopyTo(harness.Network.Store.ValuesOf(norm.Beta));
        CheckAll(harness, awayFromZero: 0);
    }

    [Fact]
    public void Relu_Input_MatchesFiniteDifferences()
    {
        var harness = new LayerHarness([new ActivationLayer(6, Activation.Relu)], rows: 5, seed: 3);
        CheckAll(harness, awayFromZero: 3 * Step);
    }

    [Fact]
    public void LeakyRelu_Input_MatchesFiniteDifferences()
    {
        var harness = new LayerHarness([new ActivationLayer(6, Activation.LeakyRelu, 0.3f)], rows: 5, seed: 4);
        CheckAll(harness, awayFromZero: 3 * Step);
    }

    [Fact]
    public void DropoutFixedMask_Input_MatchesFiniteDifferences()
    {
        var harness = new LayerHarness([new DropoutLayer(8, 0.4f, 0, key: 77)], rows: 6, seed: 5);
        CheckAll(harness, awayFromZero: 0);
    }

    [Fact]
    public void LargeBlockChain_InputAndParameters_MatchFiniteDifferences()
    {
        Layer[] layers =
        [
            new DenseLayer("d0", 5, 6), new BatchNormLayer("bn0", 6), new ActivationLayer(6, Activation.Relu),
            new DropoutLayer(6, 0.2f, 3, key: 5), new DenseLayer("d1", 6, 4),
        ];
        var harness = new LayerHarness(layers, rows: 8, seed: 6);
        CheckAll(harness, awayFromZero: 0, tolerance: 5e-3);
    }

    /// <summary>Checks ∂(Σ probe·y)/∂input and /∂every trainable value.</summary>
    internal static void CheckAll(LayerHarness harness, double awayFromZero, double tolerance = 2e-3)
    {
        var random = new Xoshiro256StarStar(99);
        int inputs = harness.Network.Features;
        int outputs = harness.Network.OutputFeatures;
        LayerHarness.Random(random, harness.Rows * inputs, 1.0, awayFromZero).CopyTo(harness.Input, 0);
        float[] probe = LayerHarness.Random(random, harness.Rows * outputs);

        harness.Forward();
        string pattern = harness.KinkPattern();
        harness.Backward(probe);
        float[] analyticInput = (float[])harness.InputGradient.Clone();
        float[][] analyticParameters = [.. harness.Network.Store.Trainable.Select(s =>
            Enumerable.Range(0, s.Length).Select(i => (float)harness.ParameterGradient(s, i)).ToArray())];

        // A difference across a kink of an activation is no derivative: such elements are skipped.
        int skipped = 0;
        int checkedCount = 0;
        double Loss()
        {
            double value = harness.ProbeLoss(probe);
            if (harness.KinkPattern() != pattern)
            {
                throw new KinkCrossedException();
            }

            return value;
        }

        void Check(float[] values, int index, double analytic, string what)
        {
            try
            {
                AssertClose(Central(values, index, Loss), analytic, tolerance, what);
                checkedCount++;
            }
            catch (KinkCrossedException)
            {
                skipped++;
            }
        }

        for (int i = 0; i < harness.Rows * inputs; i++)
        {
            Check(harness.Input, i, analyticInput[i], $"input {i}");
        }

        ParameterStore store = harness.Network.Store;
        for (int s = 0; s < store.Trainable.Count; s++)
        {
            ParameterSlot slot = store.Trainable[s];
            for (int i = 0; i < slot.Length; i++)
            {
                Check(store.Values, slot.Offset + i, analyticParameters[s][i], $"{slot.Name}[{i}]");
            }
        }

        harness.ProbeLoss(probe);
        Assert.True(skipped <= checkedCount / 10, $"{skipped} of {skipped + checkedCount} crossed a kink");
    }

    private sealed class KinkCrossedException : Exception;

    internal static double Central(float[] values, int index, Func<double> loss)
    {
        float original = values[index];
        float h = Step;
        values[index] = original + h;
        double plus = loss();
        values[index] = original - h;
        double minus = loss();
        values[index] = original;
        return (plus - minus) / ((double)(original + h) - (original - h));
    }

    internal static void AssertClose(double numeric, double analytic, double tolerance, string what)
    {
        double allowed = tolerance * Math.Abs(numeric) + tolerance / 10;
        Assert.True(Math.Abs(numeric - analytic) <= allowed, $"{what}: numeric {numeric}, analytic {analytic}");
    }
}
