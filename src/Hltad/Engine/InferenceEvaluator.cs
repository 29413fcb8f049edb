using System.Buffers;
using Hltad.Engine.Kernels;

namespace Hltad.Engine;

/// <summary>
/// Evaluates an <see cref="InferenceNetwork"/> in process: chunks of 256 events pass through every step
/// (SIMD matrix products, bias and activation), the two halves of a large batch on the two cores. Safe to
/// call from several threads; steady-state calls allocate nothing but pooled buffers. Each event's result
/// depends only on that event, so it is the same for any batch size or thread count.
/// </summary>
public sealed unsafe class InferenceEvaluator
{
    private const int ChunkRows = 256;
    private const int ParallelThreshold = 1024;
    private readonly int _widest;

    /// <exception cref="ArgumentException">The network has no step or consecutive widths do not match.</exception>
    public InferenceEvaluator(InferenceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Steps.Count == 0)
        {
            throw new ArgumentException("the network has no step", nameof(network));
        }

        for (int i = 1; i < network.Steps.Count; i++)
        {
            if (network.Steps[i].Inputs != network.Steps[i - 1].Outputs)
            {
                throw new ArgumentException($"step {i} takes {network.Steps[i].Inputs} values, step {i - 1} " +
                    $"gives {network.Steps[i - 1].Outputs}", nameof(network));
            }
        }

        Network = network;
        _widest = network.Steps.Max(s => Math.Max(s.Inputs, s.Outputs));
    }

    public InferenceNetwork Network { get; }

    /// <summary>outputs (count × Outputs) = network(inputs (count × Inputs)).</summary>
    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> outputs)
    {
        Check(inputs, count, outputs.Length, Network.Outputs * (long)count, "outputs");
        fixed (float* x = inputs, y = outputs)
        {
            Run(x, null, y, count, Finish.Copy);
        }
    }

    /// <summary>
    /// HLTAD score (SEMANTICS.md section 8) per event of a reconstruction network: the masked MSE between
    /// inputs and outputs, <paramref name="mask"/> empty for the default mask (see <see cref="AdScore"/>).
    /// </summary>
    public void ScoreReconstruction(ReadOnlySpan<float> inputs, ReadOnlySpan<float> mask, int count,
        Span<float> scores)
    {
        if (Network.Outputs != Network.Inputs)
        {
            throw new InvalidOperationException("a reconstruction score needs as many outputs as inputs");
        }

        Check(inputs, count, scores.Length, count, "scores");
        if (!mask.IsEmpty && mask.Length != inputs.Length)
        {
            throw new ArgumentException($"mask has {mask.Length} values, inputs {inputs.Length}", nameof(mask));
        }

        fixed (float* x = inputs, m = mask, s = scores)
        {
            Run(x, mask.IsEmpty ? null : m, s, count, Finish.MaskedMse);
        }
    }

    /// <summary>L1AD score (SEMANTICS.md section 2) per event: mean of the squared outputs.</summary>
    public void ScoreMeanSquare(ReadOnlySpan<float> inputs, int count, Span<float> scores)
    {
        Check(inputs, count, scores.Length, count, "scores");
        fixed (float* x = inputs, s = scores)
        {
            Run(x, null, s, count, Finish.MeanSquare);
        }
    }

    private void Check(ReadOnlySpan<float> inputs, int count, int outputLength, long needed, string what)
    {
        if (count < 0 || inputs.Length != (long)count * Network.Inputs)
        {
            throw new ArgumentException($"{inputs.Length} inputs are not {count} events of {Network.Inputs}");
        }

        if (outputLength < needed)
        {
            throw new ArgumentException($"{what} has room for {outputLength} values, {needed} needed");
        }
    }

    private void Run(float* x, float* mask, float* result, int count, Finish finish)
    {
        if (count == 0)
        {
            return;
        }

        if (count < ParallelThreshold || !PairExecutor.CanRunParallel)
        {
            RunRows(x, mask, result, 0, count, finish);
            return;
        }

        // Two halves on the two cores; pointers travel as integers into the phase.
        nint xi = (nint)x, mi = (nint)mask, ri = (nint)result;
        int split = count / 2;
        Action<int> half = part => RunRows((float*)xi, (float*)mi, (float*)ri, part == 0 ? 0 : split,
            part == 0 ? split : count, finish);
        PairExecutor.Shared.Run([half]);
    }

    private void RunRows(float* x, float* mask, float* result, int start, int end, Finish finish)
    {
        int rows = Math.Min(ChunkRows, end - start);
        int length = rows * _widest;
        float[] rented = ArrayPool<float>.Shared.Rent(2 * length);
        fixed (float* buffers = rented)
        {
            for (int first = start; first < end; first += ChunkRows)
            {
                int n = Math.Min(ChunkRows, end - first);
                float* output = Forward(x + (long)first * Network.Inputs, n, buffers, buffers + length);
                Complete(finish, x, mask, result, output, first, n);
            }
        }

        ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>Runs every step on n rows, ping-ponging between two buffers; returns the last output.</summary>
    private float* Forward(float* input, int n, float* bufferA, float* bufferB)
    {
        float* current = input;
        float* target = bufferA;
        foreach (InferenceStep step in Network.Steps)
        {
            switch (step)
            {
                case DenseInference { Dense: var d }:
                    fixed (float* w = d.Kernel, b = d.Bias)
                    {
                        Gemm.Multiply(n, d.Outputs, d.Inputs, current, d.Inputs, 1, w, d.Outputs, target, d.Outputs,
                            b, accumulate: false);
                    }

                    ApplyActivation(new Span<float>(target, n * d.Outputs), d.Activation, d.LeakyReluSlope);
                    break;
                case AffineInference affine:
                    ApplyAffine(current, target, n, affine.Scale, affine.Shift);
                    break;
                default:
                    throw new NotSupportedException($"inference step {step.GetType().Name}");
            }

            current = target;
            target = target == bufferA ? bufferB : bufferA;
        }

        return current;
    }

    private static void ApplyActivation(Span<float> values, Activation activation, float slope)
    {
        if (activation == Activation.Relu)
        {
            Elementwise.Relu(values, values);
        }
        else if (activation == Activation.LeakyRelu)
        {
            Elementwise.LeakyRelu(values, values, slope);
        }
    }

    private static void ApplyAffine(float* input, float* output, int n, float[] scale, float[] shift)
    {
        int width = scale.Length;
        for (int r = 0; r < n; r++)
        {
            float* x = input + (long)r * width;
            float* y = output + (long)r * width;
            for (int j = 0; j < width; j++)
            {
                y[j] = x[j] * scale[j] + shift[j];
            }
        }
    }

    private void Complete(Finish finish, float* x, float* mask, float* result, float* output, int first, int n)
    {
        int inputs = Network.Inputs;
        int outputs = Network.Outputs;
        for (int r = 0; r < n; r++)
        {
            int row = first + r;
            var y = new ReadOnlySpan<float>(output + (long)r * outputs, outputs);
            switch (finish)
            {
                case Finish.Copy:
                    y.CopyTo(new Span<float>(result + (long)row * outputs, outputs));
                    break;
                case Finish.MaskedMse:
                    result[row] = AdScore.MaskedMse(new ReadOnlySpan<float>(x + (long)row * inputs, inputs), y,
                        mask == null ? default : new ReadOnlySpan<float>(mask + (long)row * inputs, inputs));
                    break;
                default:
                    result[row] = AdScore.MeanSquare(y);
                    break;
            }
        }
    }

    private enum Finish
    {
        Copy,
        MaskedMse,
        MeanSquare,
    }
}
