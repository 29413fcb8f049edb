using Hltad.Engine.Kernels;

namespace Hltad.Engine.Layers;

/// <summary>
/// Fully connected layer <c>y = x · W + b</c>, W (Inputs × Outputs) row-major. Keras defaults: W Glorot-uniform,
/// U(−l, l) with l = √(6 / (Inputs + Outputs)), drawn row by row as <c>(2u − 1) · l</c> in double and
/// rounded to float; b = 0. W counts in the L2 penalty (SEMANTICS.md section 7).
/// </summary>
/// <remarks>
/// <paramref name="glorotHeads"/> &gt; 1 initialises the kernel as that many side-by-side Keras Dense kernels
/// (the VAE's mean and log-variance heads): fan-out Outputs / heads in the limit.
/// </remarks>
internal sealed unsafe class DenseLayer(string name, int inputs, int outputs, int glorotHeads = 1)
    : Layer(inputs, outputs)
{
    private float[] _kernelTransposed = [];

    public string Name { get; } = name;

    public ParameterSlot Kernel { get; private set; } = null!;

    public ParameterSlot Bias { get; private set; } = null!;

    public override void Register(ParameterStore store)
    {
        Kernel = store.AddTrainable(Name + ".kernel", Inputs, Outputs, isKernel: true);
        Bias = store.AddTrainable(Name + ".bias", 1, Outputs, isKernel: false);
        _kernelTransposed = new float[Inputs * Outputs];
    }

    public override void Initialise(ParameterStore store, Xoshiro256StarStar random)
    {
        double limit = Math.Sqrt(6.0 / (Inputs + Outputs / glorotHeads));
        Span<float> kernel = store.ValuesOf(Kernel);
        for (int i = 0; i < kernel.Length; i++)
        {
            kernel[i] = (float)((2.0 * random.NextDouble() - 1.0) * limit);
        }

        store.ValuesOf(Bias).Clear();
        AfterUpdate(store);
    }

    public override void Forward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        fixed (float* x = Input, y = Output, w = store.Values)
        {
            Gemm.Multiply(end - start, Outputs, Inputs, x + (long)start * Inputs, Inputs, 1, w + Kernel.Offset,
                Outputs, y + (long)start * Outputs, Outputs, w + Bias.Offset, accumulate: false);
        }
    }

    public override void Backward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        int rows = end - start;
        fixed (float* x = Input, dy = OutputGradient, dx = InputGradient, g = store.Gradients[part],
               wt = _kernelTransposed)
        {
            float* dyRows = dy + (long)start * Outputs;

            // Kernel gradient Xᵀ · dY over this part's rows (zero when it has none).
            Gemm.Multiply(Inputs, Outputs, rows, x + (long)start * Inputs, 1, Inputs, dyRows, Outputs,
                g + Kernel.Offset, Outputs, null, accumulate: false);

            // Bias gradient: column sums of dY.
            ColumnSums(dyRows, rows, Outputs, g + Bias.Offset);

            // Input gradient dY · Wᵀ.
            if (NeedsInputGradient)
            {
                Gemm.Multiply(rows, Inputs, Outputs, dyRows, Outputs, 1, wt, Inputs, dx + (long)start * Inputs,
                    Inputs, null, accumulate: false);
            }
        }
    }

    /// <summary>Refreshes the transposed kernel used for the input gradient.</summary>
    public override void AfterUpdate(ParameterStore store)
    {
        ReadOnlySpan<float> kernel = store.ValuesOf(Kernel);
        for (int i = 0; i < Inputs; i++)
        {
            for (int j = 0; j < Outputs; j++)
            {
                _kernelTransposed[j * Inputs + i] = kernel[i * Outputs + j];
            }
        }
    }

    private static void ColumnSums(float* rows, int count, int width, float* sums)
    {
        var target = new Span<float>(sums, width);
        target.Clear();
        for (int r = 0; r < count; r++)
        {
            Elementwise.Add(new ReadOnlySpan<float>(rows + (long)r * width, width), target);
        }
    }
}
