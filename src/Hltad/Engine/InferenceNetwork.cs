namespace Hltad.Engine;

/// <summary>Activation applied after a dense step of an <see cref="InferenceNetwork"/>.</summary>
public enum Activation
{
    Linear,
    Relu,
    LeakyRelu,
}

/// <summary>
/// One dense step in inference form: <c>y = act(x · Kernel + Bias)</c>, with batch normalisation already
/// folded in and dropout removed. <see cref="Kernel"/> is (Inputs, Outputs) row-major.
/// </summary>
public sealed record DenseStep(int Inputs, int Outputs, float[] Kernel, float[] Bias, Activation Activation,
    float LeakyReluSlope = 0.3f);

/// <summary>
/// A feed-forward network in inference form: the contract between the training engine, the ONNX exporter
/// and the scorers. Batch norm that follows an activation (small network) is a separate affine step.
/// </summary>
public sealed record InferenceNetwork(IReadOnlyList<InferenceStep> Steps)
{
    public int Inputs => Steps[0].Inputs;

    public int Outputs => Steps[^1].Outputs;
}

/// <summary>A step of an <see cref="InferenceNetwork"/>: a dense layer or a per-feature affine map.</summary>
public abstract record InferenceStep(int Inputs, int Outputs);

/// <summary>Dense step, see <see cref="DenseStep"/>.</summary>
public sealed record DenseInference(DenseStep Dense) : InferenceStep(Dense.Inputs, Dense.Outputs);

/// <summary>Per-feature <c>y = x · Scale + Shift</c> (batch norm in inference form that cannot be folded).</summary>
public sealed record AffineInference(float[] Scale, float[] Shift) : InferenceStep(Scale.Length, Scale.Length);
