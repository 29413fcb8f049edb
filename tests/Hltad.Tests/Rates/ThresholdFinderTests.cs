using Hltad.Rates;

namespace Hltad.Tests.Rates;

public sealed class ThresholdFinderTests
{
    // Five events, Σw = 10, incoming 100 Hz, so each unit of weight is 10 Hz.
    //   score  weight  pass
    //   0.9    1       no    cumulative pure 1 → 10 Hz
    //   0.7    2       yes   pure 1 → 10 Hz, total 3 → 30 Hz
    //   0.5    3       no    pure 4 → 40 Hz, total 6 → 60 Hz
    //   0.3    4       no    pure 8 → 80 Hz
    private static readonly float[] Scores = [0.5f, 0.9f, 0.3f, 0.7f];
    private static readonly double[] Weights = [3, 1, 4, 2];
    private static readonly bool[] Pass = [false, false, false, true];

    [Fact]
    public void Find_TargetBetweenLevels_TakesHighestLevelReachingIt()
    {
        RateThreshold found = ThresholdFinder.Find("test", Scores, Weights, Pass, 25, 100);

        Assert.Equal(0.5f, found.Threshold);
        Assert.Equal(40, found.PureRateHz, 12);
        Assert.Equal(60, found.TotalRateHz, 12);
    }

    [Fact]
    public void Find_TargetExactlyReached_StopsThere()
    {
        RateThreshold found = ThresholdFinder.Find("test", Scores, Weights, Pass, 10, 100);

        Assert.Equal(0.9f, found.Threshold);
        Assert.Equal(10, found.PureRateHz, 12);
        Assert.Equal(10, found.TotalRateHz, 12);
    }

    [Fact]
    public void Find_TiedScores_CountsEveryTiedEvent()
    {
        // Three events tied at 0.8 (weights 1, 1, 2, one passing the menu) and one at 0.1 (weight 4).
        // Σw = 8, incoming 80 Hz → 10 Hz per unit. At 0.8: pure 3 → 30 Hz, total 4 → 40 Hz.
        float[] scores = [0.8f, 0.1f, 0.8f, 0.8f];
        double[] weights = [1, 4, 1, 2];
        bool[] pass = [false, false, true, false];

        RateThreshold found = ThresholdFinder.Find("test", scores, weights, pass, 5, 80);

        Assert.Equal(0.8f, found.Threshold);
        Assert.Equal(30, found.PureRateHz, 12);
        Assert.Equal(40, found.TotalRateHz, 12);
    }

    [Fact]
    public void Find_Subset_UsesOnlyIncludedEvents()
    {
        // Leaving out the 0.3 event: Σw = 6, 100/6 Hz per unit; at 0.5 the pure weight is 4 → 66.67 Hz.
        bool[] include = [true, true, false, true];

        RateThreshold found = ThresholdFinder.Find("test", Scores, Weights, Pass, 50, 100, include);

        Assert.Equal(0.5f, found.Threshold);
        Assert.Equal(400.0 / 6, found.PureRateHz, 10);
        Assert.Equal(100, found.TotalRateHz, 10);
    }

    [Fact]
    public void Find_UnreachableTarget_ReportsLargestReachable()
    {
        var error = Assert.Throws<ImpossibleRateException>(
            () => ThresholdFinder.Find("HLTAD threshold", Scores, Weights, Pass, 81, 100));

        Assert.Equal(80, error.ReachableHz, 12);
        Assert.Contains("HLTAD threshold", error.Message);
        Assert.Contains("80 Hz", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Find_BadTarget_Throws(double target)
    {
        var error = Assert.Throws<HltadException>(() => ThresholdFinder.Find("t", Scores, Weights, Pass, target, 100));
        Assert.Contains("target rate", error.Message);
    }

    [Fact]
    public void Find_NegativeWeight_NamesTheEvent()
    {
        double[] weights = [3, -1, 4, 2];
        var error = Assert.Throws<HltadException>(() => ThresholdFinder.Find("t", Scores, weights, Pass, 10, 100));
        Assert.Contains("event 1", error.Message);
    }

    [Fact]
    public void Find_EmptySelection_SaysBackgroundIsEmpty()
    {
        bool[] none = [false, false, false, false];
        var error = Assert.Throws<HltadException>(
            () => ThresholdFinder.Find("t", Scores, Weights, Pass, 10, 100, none));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Find_ZeroWeightSum_Throws()
    {
        double[] weights = [0, 0, 0, 0];
        var error = Assert.Throws<HltadException>(() => ThresholdFinder.Find("t", Scores, weights, Pass, 10, 100));
        Assert.Contains("sum", error.Message);
    }
}
