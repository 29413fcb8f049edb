namespace Hltad.Engine;

/// <summary>Medians measured by <see cref="EngineBenchmark.Run"/>.</summary>
/// <param name="TrainEventsPerSecond">Large autoencoder, batch 512, training events per second of wall time.</param>
/// <param name="InferenceEventsPerSecond">Batched inference plus AD score (section 8), events per second.</param>
/// <param name="SingleEventMicroseconds">Inference plus score of one event, microseconds.</param>
/// <param name="KernelPath">Instruction set the kernels used ("Vector512", "Vector256" or "Scalar").</param>
public sealed record EngineBenchmarkResult(
    double TrainEventsPerSecond,
    double InferenceEventsPerSecond,
    double SingleEventMicroseconds,
    string KernelPath);
