namespace Hltad.Onnx;

/// <summary>Options of <see cref="OnnxAdScorer"/>.</summary>
/// <param name="BatchSize">Events per ONNX Runtime call (models with a fixed batch dimension use theirs).</param>
/// <param name="IntraOpThreads">ONNX Runtime intra-op threads; the result does not depend on it for these graphs,
/// but a fixed value keeps runs bit-identical.</param>
public sealed record OnnxAdScorerOptions(int BatchSize = 8192, int IntraOpThreads = 2);
