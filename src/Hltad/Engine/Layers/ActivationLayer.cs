namespace Hltad.Engine.Layers;

/// <summary>
/// ReLU (<c>max(x, 0)</c>) or LeakyReLU (<c>x &gt; 0 ? x : slope · x</c>, Keras default slope 0.3). The
/// derivative at x = 0 is taken as that of the negative side (0, or slope), as TensorFlow does.
/// </summary>
internal sealed class ActivationLayer(int features, Activation activation, float slope = 0.3f)
    : Layer(features, features)
{
    public Activation Activation { get; } = activation;

    public float Slope { get; } = slope;

    public override void Forward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        ReadOnlySpan<float> x = Input.AsSpan(start * Inputs, (end - start) * Inputs);
        Span<float> y = Output.AsSpan(start * Inputs, (end - start) * Inputs);
        switch (Activation)
        {
            case Activation.Relu:
                Kernels.Elementwise.Relu(x, y);
                break;
            case Activation.LeakyRelu:
                Kernels.Elementwise.LeakyRelu(x, y, Slope);
                break;
            default:
                x.CopyTo(y);
                break;
        }
    }

    public override void Backward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        ReadOnlySpan<float> x = Input.AsSpan(start * Inputs, (end - start) * Inputs);
        ReadOnlySpan<float> dy = OutputGradient.AsSpan(start * Inputs, (end - start) * Inputs);
        Span<float> dx = InputGradient.AsSpan(start * Inputs, (end - start) * Inputs);
        switch (Activation)
        {
            case Activation.Relu:
                Kernels.Elementwise.ReluBackward(x, dy, dx);
                break;
            case Activation.LeakyRelu:
                Kernels.Elementwise.LeakyReluBackward(x, dy, dx, Slope);
                break;
            default:
                dy.CopyTo(dx);
                break;
        }
    }
}
