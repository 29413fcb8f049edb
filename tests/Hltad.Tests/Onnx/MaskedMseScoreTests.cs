using Hltad.Onnx;

namespace Hltad.Tests.Onnx;

public sealed class MaskedMseScoreTests
{
    [Fact]
    public void Event_ZerosAndNotComputed_AreLeftOut()
    {
        // x = (1, 0, −999, 2), y = (2, 5, 7, 0): columns 0 and 3 count, ((2 − 1)² + (0 − 2)²) / 2 = 2.5.
        Assert.Equal(2.5f, MaskedMseScore.Event([1, 0, -999, 2], [2, 5, 7, 0]));
    }

    [Fact]
    public void Event_NothingCounted_ScoresZero()
    {
        // Mask count 0 → the division is by max(0, 1) = 1 and the sum is 0.
        Assert.Equal(0f, MaskedMseScore.Event([0, -999, 0], [3, 4, 5]));
    }

    [Fact]
    public void Events_TwoRows_ScoresEachRow()
    {
        // Row 0: x = (1, 2), y = (1, 4) → (0 + 4) / 2 = 2. Row 1: x = (3, 0), y = (0, 9) → 9 / 1 = 9.
        var scores = new float[2];

        MaskedMseScore.Events([1, 2, 3, 0], [1, 4, 0, 9], features: 2, scores);

        Assert.Equal([2f, 9f], scores);
    }
}
