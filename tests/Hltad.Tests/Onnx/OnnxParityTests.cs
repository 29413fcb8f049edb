using Hltad.Onnx;

namespace Hltad.Tests.Onnx;

public sealed class OnnxParityTests
{
    [Fact]
    public void Differences_ThreeEvents_LargestAbsoluteAndRelative()
    {
        // |1 − 1.5| = 0.5, relative 0.5 / 1.5 = 1/3; |100 − 101| = 1, relative 1/101; |0 − 0| = 0.
        OnnxParityResult result = OnnxParity.Differences([1f, 100f, 0f], [1.5f, 101f, 0f]);

        Assert.Equal(3, result.Events);
        Assert.Equal(1.0, result.MaxAbsoluteDifference);
        Assert.Equal(1.0 / 3, result.MaxRelativeDifference, 12);
        Assert.Equal(0, result.WorstEvent);
        Assert.Equal(1f, result.OnnxScore);
        Assert.Equal(1.5f, result.InProcessScore);
    }

    [Fact]
    public void Differences_OneSideNaN_RelativeIsNaN()
    {
        OnnxParityResult result = OnnxParity.Differences([1f, float.NaN], [1f, 2f]);

        Assert.True(double.IsNaN(result.MaxRelativeDifference));
        Assert.Equal(1, result.WorstEvent);
    }

    [Fact]
    public void Differences_WithTolerance_CountsEventsAboveIt()
    {
        // Relative differences by hand: 1/3, 1/101 ≈ 0.0099, 0, NaN (one side NaN), 0.1 / 2.1 ≈ 0.048.
        OnnxParityResult result = OnnxParity.Differences(
            [1f, 100f, 0f, float.NaN, 2f], [1.5f, 101f, 0f, 3f, 2.1f], tolerance: 0.01);

        Assert.Equal(3, result.EventsAboveTolerance);
        Assert.True(double.IsNaN(result.MaxRelativeDifference));
        Assert.Equal(3, result.WorstEvent);
    }
}
