using Hltad.Physics;

namespace Hltad.Evaluation;

/// <summary>
/// Settings of the evaluation (SEMANTICS.md section 9). Rates in Hz.
/// </summary>
/// <param name="L1adRateHz">The L1AD rate budget the L1AD threshold was set with (section 6 step 1).</param>
/// <param name="L1adThreshold">The L1AD threshold found in preprocessing; events at or above it are L1Seeded.</param>
/// <param name="L1adTotalRateHz">
/// Total L1AD rate at that threshold: the incoming rate of the L1-seeded HLTAD threshold.
/// </param>
/// <param name="TargetRateHz">HLTAD pure-rate budget, default 10 Hz; used by both seeding schemes.</param>
/// <param name="L1AllIncomingRateHz">HLT input rate of the L1-all scheme, default 100 kHz.</param>
/// <param name="BackgroundTag">The background sample, default <c>EB_test</c>.</param>
public sealed record EvaluationOptions(
    double L1adRateHz,
    float L1adThreshold,
    double L1adTotalRateHz,
    double TargetRateHz = PhysicsConstants.DefaultTargetRateHz,
    double L1AllIncomingRateHz = PhysicsConstants.L1AllHltInputRateHz,
    string BackgroundTag = "EB_test")
{
    /// <summary>Tags never evaluated: the training and validation sets (section 9).</summary>
    public static IReadOnlyList<string> ExcludedTags { get; } = ["EB_train", "EB_val"];

    /// <summary>Checks that every rate is a positive finite number of Hz.</summary>
    /// <exception cref="ConfigurationException">A rate is not positive or not finite.</exception>
    public void Validate()
    {
        RequirePositive("target_rate", TargetRateHz);
        RequirePositive("L1AD_rate", L1adRateHz);
        RequirePositive("L1AD total rate", L1adTotalRateHz);
        RequirePositive("L1-all incoming rate", L1AllIncomingRateHz);
        if (string.IsNullOrEmpty(BackgroundTag))
        {
            throw new ConfigurationException("background tag", "must name a sample");
        }
    }

    private static void RequirePositive(string key, double valueHz)
    {
        if (!(valueHz > 0) || double.IsInfinity(valueHz))
        {
            throw new ConfigurationException(key, $"must be a positive number of Hz, got {valueHz}");
        }
    }
}
