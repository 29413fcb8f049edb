using System.Runtime.CompilerServices;
using Hltad.Physics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Hltad.Matching;

/// <summary>
/// The L1AD network run with ONNX Runtime (two intra-op threads): checks at load that the model takes an
/// (N, 44) float input, then scores Topo2A vectors in batches (SEMANTICS.md section 2). Thread-safe.
/// </summary>
public sealed class L1adScorer : IDisposable
{
    /// <summary>Rows per ONNX Runtime call.</summary>
    public const int BatchRows = 16384;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly int _outputWidth;

    private L1adScorer(string modelPath, InferenceSession session, L1adScoreKind kind)
    {
        ModelPath = modelPath;
        Kind = kind;
        _session = session;
        (_inputName, _outputName, _outputWidth) = CheckSignature(modelPath, session, kind);
    }

    /// <summary>The model file.</summary>
    public string ModelPath { get; }

    /// <summary>How outputs become scores.</summary>
    public L1adScoreKind Kind { get; }

    /// <summary>Loads the model and checks its signature.</summary>
    /// <exception cref="InputDataException">The file is missing or not a loadable ONNX model, its input is not
    /// an (N, 44) float tensor, or (masked MSE) its output is not (N, 44).</exception>
    public static L1adScorer Load(string modelPath, L1adScoreKind kind = L1adScoreKind.MeanSquare, int threads = 2)
    {
        if (!File.Exists(modelPath))
        {
            throw new InputDataException(modelPath, null, "L1AD model file not found");
        }

        InferenceSession session;
        try
        {
            using var options = new SessionOptions
            {
                IntraOpNumThreads = Math.Max(1, threads),
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException error)
        {
            throw new InputDataException(modelPath, null, $"not a loadable ONNX model ({error.Message})", error);
        }

        try
        {
            return new L1adScorer(modelPath, session, kind);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Scores <paramref name="count"/> Topo2A vectors (row-major, 44 per event). Mean-square:
    /// score = (1/K) Σ_j y_j² over the K outputs; masked MSE: see <see cref="L1adScoreKind.MaskedMse"/>.
    /// Sums are accumulated in float64 and rounded to float32.
    /// </summary>
    public float[] Score(ReadOnlyMemory<float> inputs, int count, CancellationToken cancellationToken = default)
    {
        if (inputs.Length != (long)count * Topo2A.Inputs)
        {
            throw new ArgumentException($"expected {count} × 44 inputs, got {inputs.Length}", nameof(inputs));
        }

        var scores = new float[count];
        for (int start = 0; start < count; start += BatchRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(BatchRows, count - start);
            ScoreBatch(inputs.Slice(start * Topo2A.Inputs, rows * Topo2A.Inputs), rows, scores.AsSpan(start, rows));
        }

        return scores;
    }

    public void Dispose() => _session.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScoreBatch(ReadOnlyMemory<float> batch, int rows, Span<float> scores)
    {
        // ONNX Runtime only reads the input; the cast to writable memory does not let it write.
        var memory = System.Runtime.InteropServices.MemoryMarshal.AsMemory(batch);
        using var input = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, memory, [rows, Topo2A.Inputs]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        ReadOnlySpan<float> output = outputs[0].GetTensorDataAsSpan<float>();
        if (output.Length != rows * _outputWidth)
        {
            throw new InputDataException(
                ModelPath,
                null,
                $"output '{_outputName}' has {output.Length} values for {rows} events, expected {rows * _outputWidth}");
        }

        ReadOnlySpan<float> x = batch.Span;
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> y = output.Slice(i * _outputWidth, _outputWidth);
            scores[i] = Kind == L1adScoreKind.MeanSquare
                ? MeanSquare(y)
                : MaskedMse(x.Slice(i * Topo2A.Inputs, Topo2A.Inputs), y);
        }
    }

    private static float MeanSquare(ReadOnlySpan<float> y)
    {
        double sum = 0;
        foreach (float value in y)
        {
            sum += (double)value * value;
        }

        return (float)(sum / y.Length);
    }

    private static float MaskedMse(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < x.Length; j++)
        {
            if (x[j] != 0 && x[j] != PhysicsConstants.MetNotComputed)
            {
                double difference = (double)x[j] - y[j];
                sum += difference * difference;
                count++;
            }
        }

        return (float)(sum / Math.Max(count, 1));
    }

    private static (string Input, string Output, int Width) CheckSignature(
        string modelPath, InferenceSession session, L1adScoreKind kind)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new InputDataException(
                modelPath,
                null,
                $"L1AD model has {session.InputMetadata.Count} inputs; one (N, 44) float input is required");
        }

        var (inputName, input) = session.InputMetadata.First();
        int[] dims = input.IsTensor ? input.Dimensions : [];
        bool fits = input.IsTensor && input.ElementDataType == TensorElementType.Float && dims.Length == 2
            && dims[0] <= 0 && dims[1] == Topo2A.Inputs;
        if (!fits)
        {
            throw new InputDataException(modelPath, null,
                $"L1AD model input '{inputName}' is {Describe(input)}; an (N, 44) float input is required");
        }

        var (outputName, output) = session.OutputMetadata.First();
        int[] outDims = output.IsTensor ? output.Dimensions : [];
        bool outputFits = output.IsTensor && output.ElementDataType == TensorElementType.Float && outDims.Length == 2
            && outDims[1] > 0;
        if (!outputFits)
        {
            throw new InputDataException(modelPath, null,
                $"L1AD model output '{outputName}' is {Describe(output)}; an (N, K) float output is required");
        }

        if (kind == L1adScoreKind.MaskedMse && outDims[1] != Topo2A.Inputs)
        {
            throw new InputDataException(modelPath, null,
                $"masked-mse needs a 44-wide reconstruction, but output '{outputName}' is {Describe(output)}");
        }

        return (inputName, outputName, outDims[1]);
    }

    private static string Describe(NodeMetadata node)
    {
        if (!node.IsTensor)
        {
            return $"a {node.OnnxValueType} value";
        }

        string shape = string.Join(", ", node.Dimensions.Select((d, i) =>
            d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : (node.SymbolicDimensions.ElementAtOrDefault(i) is { Length: > 0 } name ? name : "?")));
        return $"{node.ElementDataType.ToString().ToLowerInvariant()} with shape ({shape})";
    }
}
