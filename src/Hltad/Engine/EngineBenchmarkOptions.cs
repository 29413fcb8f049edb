namespace Hltad.Engine;

/// <summary>Sizes of the <see cref="EngineBenchmark"/> runs (defaults: a few seconds on two cores).</summary>
/// <param name="TrainEvents">Events per training epoch.</param>
/// <param name="TrainEpochs">Timed epochs (after one warm-up epoch); the median is reported.</param>
/// <param name="InferenceEvents">Events per batched inference call.</param>
/// <param name="InferenceRepetitions">Timed batched calls (after a warm-up call).</param>
/// <param name="SingleEventCalls">One-event calls per timed block; 9 blocks are timed.</param>
/// <param name="Seed">Seed of the random data and weights.</param>
public sealed record EngineBenchmarkOptions(
    int TrainEvents = 102_400,
    int TrainEpochs = 3,
    int InferenceEvents = 100_000,
    int InferenceRepetitions = 5,
    int SingleEventCalls = 2000,
    ulong Seed = 1);
