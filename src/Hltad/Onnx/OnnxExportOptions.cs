namespace Hltad.Onnx;

/// <summary>Options of <see cref="OnnxExporter"/>.</summary>
/// <param name="Output">Reconstruction (variant A) or the per-event AD score computed in the graph (variant B).</param>
/// <param name="InputName">Name of the graph input, shape (N, features) float, N symbolic.</param>
/// <param name="OutputName">
/// Name of the graph output; null picks <c>reconstruction</c> or <c>ad_score</c> from <paramref name="Output"/>.
/// </param>
/// <param name="BatchDimension">Name of the symbolic batch dimension.</param>
/// <param name="GraphName">Name stored in the graph.</param>
/// <param name="DocString">Free text stored in the model (e.g. which training run it came from).</param>
public sealed record OnnxExportOptions(
    OnnxExportOutput Output = OnnxExportOutput.Reconstruction,
    string InputName = "input",
    string? OutputName = null,
    string BatchDimension = "N",
    string GraphName = "hltad_autoencoder",
    string? DocString = null)
{
    /// <summary>The output name actually written.</summary>
    public string ResolvedOutputName =>
        OutputName ?? (Output == OnnxExportOutput.AdScore ? "ad_score" : "reconstruction");
}
