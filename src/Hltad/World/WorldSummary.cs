namespace Hltad.World;

/// <summary>What <see cref="WorldGenerator.Generate"/> wrote.</summary>
/// <param name="EnhancedBiasFiles">The <c>EB/EB_&lt;run&gt;_ntuples.h5</c> files, in run order.</param>
/// <param name="McFiles">The <c>MC/&lt;tag&gt;_ntuples.h5</c> files, in process order.</param>
/// <param name="L1adTrainingFile">The <c>L1AD_training_events.h5</c> file.</param>
/// <param name="EnhancedBiasEvents">EB events written.</param>
/// <param name="McEvents">MC events written.</param>
/// <param name="L1adTrainingEvents">Pairs in the L1AD training list.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record WorldSummary(
    IReadOnlyList<string> EnhancedBiasFiles,
    IReadOnlyList<string> McFiles,
    string L1adTrainingFile,
    long EnhancedBiasEvents,
    long McEvents,
    int L1adTrainingEvents,
    TimeSpan Elapsed)
{
    /// <summary>Events (EB + MC) per second of wall time, files written included.</summary>
    public double EventsPerSecond =>
        Elapsed.TotalSeconds > 0 ? (EnhancedBiasEvents + McEvents) / Elapsed.TotalSeconds : 0;
}
