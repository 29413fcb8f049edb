namespace Hltad.Onnx;

/// <summary>What <see cref="OnnxFileScoring.Run"/> did.</summary>
/// <param name="Events">Events scored.</param>
/// <param name="Kind">How the model's output became the score.</param>
/// <param name="InputDataset">Dataset read, e.g. <c>HLT_data</c>.</param>
/// <param name="OutputDataset">Dataset written, e.g. <c>HLT_AD_scores</c>.</param>
/// <param name="ModelInput">Name of the model's input.</param>
/// <param name="ModelOutput">Name of the model's output.</param>
public sealed record OnnxFileScoringResult(
    int Events,
    OnnxModelKind Kind,
    string InputDataset,
    string OutputDataset,
    string ModelInput,
    string ModelOutput);
