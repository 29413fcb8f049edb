using Hltad.Data;
using Hltad.Training;

namespace Hltad.Tests.Training;

public sealed class TrainingWeightsTests
{
    [Fact]
    public void Compute_Enabled_ScalesBothByThousandOverValidationSum()
    {
        // Σ w(EB_val) = 1 + 3 = 4 → factor 1000 / 4 = 250.
        (double[] train, double[] validation) =
            TrainingWeights.Compute(Sample("EB_train", 2, 0.5), Sample("EB_val", 1, 3));

        Assert.Equal([500.0, 125.0], train);
        Assert.Equal([250.0, 750.0], validation);
    }

    [Fact]
    public void Compute_Disabled_AllOne()
    {
        (double[] train, double[] validation) = TrainingWeights.Compute(
            Sample("EB_train", 2, 0.5, 7), Sample("EB_val", 1), enabled: false);

        Assert.Equal([1.0, 1.0, 1.0], train);
        Assert.Equal([1.0], validation);
    }

    [Fact]
    public void Compute_ValidationSumZero_Throws()
    {
        var e = Assert.Throws<HltadException>(() =>
            TrainingWeights.Compute(Sample("EB_train", 1), Sample("EB_val", 0, 0)));

        Assert.Contains("the EB_val weights sum to 0", e.Message);
    }

    [Fact]
    public void Compute_NegativeWeight_ThrowsNamingEvent()
    {
        var e = Assert.Throws<HltadException>(() =>
            TrainingWeights.Compute(Sample("EB_train", 1, -2), Sample("EB_val", 1)));

        Assert.Contains("event 1 of EB_train has weight -2", e.Message);
    }

    private static PreprocessedSample Sample(string tag, params double[] weights)
    {
        int n = weights.Length;
        return new PreprocessedSample
        {
            Tag = tag,
            Hlt = new float[n * 48],
            L1 = new float[n * 48],
            PassL1 = new bool[n],
            PassHlt = new bool[n],
            L1Seeded = new bool[n],
            Weights = weights,
            L1adScores = new float[n],
            SourceTag = new int[n],
            SourceRow = new long[n],
        };
    }
}
