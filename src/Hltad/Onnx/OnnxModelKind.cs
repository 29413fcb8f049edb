namespace Hltad.Onnx;

/// <summary>How an ONNX model's output becomes an AD score, decided from its declared output shape.</summary>
public enum OnnxModelKind
{
    /// <summary>Output (N, 48): the score is the masked MSE of input and output (SEMANTICS.md section 8).</summary>
    Reconstruction,

    /// <summary>Output (N,) or (N, 1): the output is the score.</summary>
    Score,
}
