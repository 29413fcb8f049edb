using Hltad.Engine;
using Hltad.Onnx;

namespace Hltad.Tests.Onnx;

public sealed class InferenceNetworkRunnerTests
{
    [Fact]
    public void Reconstruct_TwoSteps_MatchesHandComputation()
    {
        // Dense 2 → 2, kernel [[1, −1], [2, 0.5]] (row = input), bias (0.5, −3), ReLU, then affine
        // scale (2, 10) shift (1, −1), then dense 2 → 1 kernel [[1], [1]], bias 0, LeakyReLU 0.3.
        // x = (1, 2): linear = (1 + 4 + 0.5, −1 + 1 − 3) = (5.5, −3) → ReLU (5.5, 0) → affine (12, −1)
        //            → 12 − 1 = 11 → 11.
        // x = (0, −4): linear = (−8 + 0.5, −2 − 3) = (−7.5, −5) → ReLU (0, 0) → affine (1, −1) → 0
        // → 0.
        // x = (−1, 0): linear = (−1 + 0.5, 1 − 3) = (−0.5, −2) → ReLU (0, 0) → affine (1, −1) → 0 →
        // 0.
        // x = (0, 0):  linear = (0.5, −3) → (0.5, 0) → (2, −1) → 1.
        var network = new InferenceNetwork(
        [
            new DenseInference(new DenseStep(2, 2, [1, -1, 2, 0.5f], [0.5f, -3], Activation.Relu)),
            new AffineInference([2, 10], [1, -1]),
            new DenseInference(new DenseStep(2, 1, [1, 1], [0], Activation.LeakyRelu, 0.3f)),
        ]);

        float[] outputs = InferenceNetworkRunner.Reconstruct(network, [1, 2, 0, -4, -1, 0, 0, 0], 4);

        Assert.Equal([11f, 0f, 0f, 1f], outputs);
    }

    [Fact]
    public void Reconstruct_LeakyReluOnNegative_ScalesBySlope()
    {
        // 1 → 1, kernel 2, bias −1, LeakyReLU 0.25: x = 0 → −1 → −0.25; x = 3 → 5 → 5.
        var network = new InferenceNetwork(
            [new DenseInference(new DenseStep(1, 1, [2], [-1], Activation.LeakyRelu, 0.25f))]);

        Assert.Equal([-0.25f, 5f], InferenceNetworkRunner.Reconstruct(network, [0, 3], 2));
    }

    [Fact]
    public void Scores_NetworkOfOtherWidth_Throws()
    {
        var network = new InferenceNetwork([new DenseInference(new DenseStep(2, 1, [1, 1], [0], Activation.Relu))]);

        Assert.Throws<ArgumentException>(() => InferenceNetworkRunner.Scores(network, [1, 2], 1));
    }
}
