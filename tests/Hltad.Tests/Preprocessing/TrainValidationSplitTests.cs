using Hltad.Preprocessing;

namespace Hltad.Tests.Preprocessing;

public sealed class TrainValidationSplitTests
{
    [Theory]
    // n = ⌊0.85 N⌋ exactly: 0.85 · 20 is 17 (in binary floating point 0.15 · 20 rounds up to 3.0000000000000004,
    // which makes sklearn's ceil-based split give 16); 0.85 · 1645 = 1398.25 → 1398; 0.85 · 7 = 5.95 → 5.
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(7, 5)]
    [InlineData(20, 17)]
    [InlineData(100, 85)]
    [InlineData(1645, 1398)]
    [InlineData(1_000_000, 850_000)]
    public void TrainCount_EventCount_FloorOfEightyFivePercent(int events, int expected)
    {
        Assert.Equal(expected, TrainValidationSplit.TrainCount(events));
    }

    [Fact]
    public void SplitMix64_Seed1234567_PublishedSequence()
    {
        // The reference outputs of Vigna's splitmix64.c for seed 1234567.
        var random = new SplitMix64(1234567);

        ulong[] outputs = [random.Next(), random.Next(), random.Next(), random.Next(), random.Next()];

        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL,
                16408922859458223821UL],
            outputs);
    }

    [Fact]
    public void Permutation_TenEvents_AsThePythonPort()
    {
        // tools/reference/preprocess_reference.py: permutation(10, 20240607) and permutation(10, 0).
        Assert.Equal([5, 2, 8, 4, 9, 6, 1, 7, 0, 3], TrainValidationSplit.Permutation(10, 20240607));
        Assert.Equal([4, 9, 2, 5, 1, 7, 6, 0, 3, 8], TrainValidationSplit.Permutation(10, 0));
    }

    [Fact]
    public void Permutation_ManyEvents_EveryEventOnce()
    {
        int[] order = TrainValidationSplit.Permutation(10_000, 42);

        Assert.Equal(Enumerable.Range(0, 10_000), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 10_000), order);
    }
}
