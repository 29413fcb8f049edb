namespace Hltad.Onnx;

/// <summary>What the single output of an exported autoencoder graph is (SEMANTICS.md section 10).</summary>
public enum OnnxExportOutput
{
    /// <summary>The (N, 48) reconstruction of the (N, 48) input.</summary>
    Reconstruction,

    /// <summary>The (N,) per-event AD score, the masked MSE of section 8 computed in the graph.</summary>
    AdScore,
}
