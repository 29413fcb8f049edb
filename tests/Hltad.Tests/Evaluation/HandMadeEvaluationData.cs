using Hltad.Evaluation;

namespace Hltad.Tests.Evaluation;

/// <summary>
/// A data set small enough to evaluate by hand; the working is in <see cref="ObjectTypeEvaluatorTests"/>.
/// Options: L1AD total rate 1000 Hz, L1-all incoming rate 2000 Hz, target 250 Hz.
/// <code>
/// EB_test  i  score  w  passL1 passHLT L1Seeded  mu
///          0  0.9    1  0      0       1         20
///          1  0.8    2  1      1       1         22
///          2  0.8    1  0      0       0         30
///          3  0.6    1  1      0       0         31
///          4  0.5    3  1      1       0         40
///          5  0.4    1  0      0       1          0
///          6  0.3    2  1      0       0         45
///          7  0.2    1  0      0       0         50
/// Sig      j  score  w  passL1 passHLT L1Seeded
///          0  0.95   1  0      0       1
///          1  0.9    1  1      1       1
///          2  0.7    1  1      0       0
///          3  0.6    1  0      0       1
///          4  0.1    1  1      1       0
///          5  0.05   1  0      0       0
/// NoHlt    0  0.95   1  0      0       1        (no HLT pass: gains null)
///          1  0.1    1  0      0       1
/// Unseeded 0  0.99   1  0      1       0        (no event in either seed mask)
///          1  0.2    1  0      0       0
/// </code>
/// </summary>
internal static class HandMadeEvaluationData
{
    public static EvaluationOptions Options { get; } = new(
        L1adRateHz: 1000, L1adThreshold: 0.5f, L1adTotalRateHz: 1000, TargetRateHz: 250, L1AllIncomingRateHz: 2000);

    public static EvaluationSample Background { get; } = new(
        "EB_test",
        [1, 2, 1, 1, 3, 1, 2, 1],
        Bits("01011010"),
        Bits("01001000"),
        Bits("11000100"),
        [20, 22, 30, 31, 40, 0, 45, 50]);

    public static float[] BackgroundScores { get; } = [0.9f, 0.8f, 0.8f, 0.6f, 0.5f, 0.4f, 0.3f, 0.2f];

    public static EvaluationSample Signal { get; } = new(
        "Sig", [1, 1, 1, 1, 1, 1], Bits("011010"), Bits("010010"), Bits("110100"));

    public static float[] SignalScores { get; } = [0.95f, 0.9f, 0.7f, 0.6f, 0.1f, 0.05f];

    public static EvaluationSample NoHlt { get; } = new("NoHlt", [1, 1], Bits("00"), Bits("00"), Bits("11"));

    public static EvaluationSample Unseeded { get; } = new("Unseeded", [1, 1], Bits("00"), Bits("10"), Bits("00"));

    public static IReadOnlyList<EvaluationSample> Samples { get; } = [Signal, Background, NoHlt, Unseeded];

    public static ObjectTypeScores Scores(string objectType = "HLT", float[]? signalScores = null) => new(
        objectType,
        new Dictionary<string, float[]>
        {
            ["EB_test"] = BackgroundScores,
            ["Sig"] = signalScores ?? SignalScores,
            ["NoHlt"] = [0.95f, 0.1f],
            ["Unseeded"] = [0.99f, 0.2f],
        });

    public static bool[] Bits(string bits) => bits.Select(c => c == '1').ToArray();
}
