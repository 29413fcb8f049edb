namespace Hltad.Matching;

/// <summary>Throughput of the data steps, events (EB + MC) per second of wall time, medians over repetitions.</summary>
/// <param name="Events">Events in the world.</param>
/// <param name="GenerateEventsPerSecond">Median of <c>generate</c> (files written).</param>
/// <param name="ReadEventsPerSecond">Median of reading every dataset the match step needs from every ntuple.</param>
/// <param name="MatchEventsPerSecond">Median of the whole match step (validate, read, score, split, write).</param>
/// <param name="GenerateSeconds">Every generate repetition, seconds.</param>
/// <param name="ReadSeconds">Every read repetition, seconds.</param>
/// <param name="MatchSeconds">Every match repetition, seconds.</param>
public sealed record IoThroughputResult(
    long Events,
    double GenerateEventsPerSecond,
    double ReadEventsPerSecond,
    double MatchEventsPerSecond,
    IReadOnlyList<double> GenerateSeconds,
    IReadOnlyList<double> ReadSeconds,
    IReadOnlyList<double> MatchSeconds);
