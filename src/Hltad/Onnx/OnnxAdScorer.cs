using Hltad.Physics;
using Microsoft.ML.OnnxRuntime;

namespace Hltad.Onnx;

/// <summary>
/// Scores events with an ONNX model in ONNX Runtime (SEMANTICS.md sections 8 and 10). The model must have one
/// float input of shape (N, 48) and one float output: a reconstruction (N, 48), scored with
/// <see cref="MaskedMseScore"/> against the input, or a score (N,) / (N, 1), taken as it is.
/// The session runs on the CPU with a fixed thread count and sequential execution, so the same model and inputs
/// give the same scores.
/// </summary>
public sealed class OnnxAdScorer : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly int _batchRows;
    private readonly bool _fixedBatch;

    private OnnxAdScorer(string path, InferenceSession session, OnnxAdScorerOptions options)
    {
        ModelPath = path;
        _session = session;
        (InputName, long batchDimension) = CheckInput(path, session);
        (OutputName, Kind) = CheckOutput(path, session);
        _fixedBatch = batchDimension > 0;
        _batchRows = _fixedBatch ? checked((int)batchDimension) : options.BatchSize;
    }

    /// <summary>The model file.</summary>
    public string ModelPath { get; }

    /// <summary>Name of the model's input.</summary>
    public string InputName { get; }

    /// <summary>Name of the model's output.</summary>
    public string OutputName { get; }

    /// <summary>Whether the output is a reconstruction or a score.</summary>
    public OnnxModelKind Kind { get; }

    /// <summary>Values per event the model takes: 48.</summary>
    public int Features => ObjectLayout.Features;

    /// <summary>Opens <paramref name="path"/> and checks its input and output.</summary>
    /// <exception cref="OnnxModelException">
    /// The file is missing, is not an ONNX model ONNX Runtime can load, or its input or output does not fit.
    /// </exception>
    public static OnnxAdScorer Open(string path, OnnxAdScorerOptions? options = null)
    {
        options ??= new OnnxAdScorerOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.IntraOpThreads);
        if (!File.Exists(path))
        {
            throw new OnnxModelException(path, "model file not found");
        }

        InferenceSession session = Load(path, options);
        try
        {
            return new OnnxAdScorer(path, session, options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The AD score of each of <paramref name="count"/> events stored row-major, 48 values each, in
    /// <paramref name="events"/>. <paramref name="progress"/> receives the number of events scored so far.
    /// </summary>
    public float[] Scores(
        ReadOnlySpan<float> events,
        int count,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (events.Length != (long)count * Features)
        {
            throw new ArgumentException(
                $"{count} events of {Features} values need {(long)count * Features} values, got {events.Length}",
                nameof(events));
        }

        var scores = new float[count];
        var buffer = new float[_batchRows * Features];
        for (int start = 0; start < count; start += _batchRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(_batchRows, count - start);
            ReadOnlySpan<float> batch = events.Slice(start * Features, rows * Features);
            batch.CopyTo(buffer);
            if (_fixedBatch)
            {
                buffer.AsSpan(rows * Features).Clear();
            }

            ScoreBatch(buffer, _fixedBatch ? _batchRows : rows, rows, scores.AsSpan(start, rows));
            progress?.Report(start + rows);
        }

        return scores;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    /// <summary>Runs a batch of <paramref name="runRows"/> rows and keeps the first <paramref name="rows"/>.</summary>
    private void ScoreBatch(float[] buffer, int runRows, int rows, Span<float> scores)
    {
        Memory<float> memory = buffer.AsMemory(0, runRows * Features);
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, memory, [runRows, Features]);
        using IDisposableReadOnlyCollection<OrtValue> outputs =
            _session.Run(_runOptions, [InputName], [input], [OutputName]);

        ReadOnlySpan<float> output = outputs[0].GetTensorDataAsSpan<float>();
        long expected = Kind == OnnxModelKind.Reconstruction ? (long)runRows * Features : runRows;
        if (output.Length != expected)
        {
            throw new OnnxModelException(ModelPath,
                $"output '{OutputName}' has {output.Length} values for {runRows} events, expected {expected}");
        }

        if (Kind == OnnxModelKind.Score)
        {
            output[..rows].CopyTo(scores);
        }
        else
        {
            MaskedMseScore.Events(buffer.AsSpan(0, rows * Features), output[..(rows * Features)], Features, scores);
        }
    }

    private static InferenceSession Load(string path, OnnxAdScorerOptions options)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            return new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException error)
        {
            throw new OnnxModelException(path, $"not a loadable ONNX model ({FirstLine(error.Message)})", error);
        }
    }

    private static (string Name, long BatchDimension) CheckInput(string path, InferenceSession session)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new OnnxModelException(path,
                $"the model has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputNames)}); " +
                "expected one (N, 48) float input");
        }

        (string name, NodeMetadata meta) = session.InputMetadata.First();
        int[] dims = meta.IsTensor ? meta.Dimensions : [];
        if (!meta.IsTensor || meta.ElementType != typeof(float) || dims.Length != 2 ||
            dims[1] != ObjectLayout.Features)
        {
            throw new OnnxModelException(path,
                $"input '{name}' is {Describe(meta)}; expected a float tensor of shape (N, {ObjectLayout.Features})");
        }

        return (name, dims[0]);
    }

    private static (string Name, OnnxModelKind Kind) CheckOutput(string path, InferenceSession session)
    {
        if (session.OutputMetadata.Count != 1)
        {
            throw new OnnxModelException(path,
                $"the model has {session.OutputMetadata.Count} outputs ({string.Join(", ", session.OutputNames)}); " +
                "expected one");
        }

        (string name, NodeMetadata meta) = session.OutputMetadata.First();
        int[] dims = meta.IsTensor ? meta.Dimensions : [];
        OnnxModelKind? kind = !meta.IsTensor || meta.ElementType != typeof(float) ? null : dims switch
        {
            [_] => OnnxModelKind.Score,
            [_, 1] => OnnxModelKind.Score,
            [_, ObjectLayout.Features] => OnnxModelKind.Reconstruction,
            _ => null,
        };
        return kind is OnnxModelKind known
            ? (name, known)
            : throw new OnnxModelException(path,
                $"output '{name}' is {Describe(meta)}; expected a float reconstruction (N, {ObjectLayout.Features}) " +
                "or a float score (N,) or (N, 1)");
    }

    private static string Describe(NodeMetadata meta)
    {
        if (!meta.IsTensor)
        {
            return $"a {meta.OnnxValueType}";
        }

        string[] dims = meta.Dimensions
            .Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.IsNullOrEmpty(meta.SymbolicDimensions[i]) ? "?" : meta.SymbolicDimensions[i])
            .ToArray();
        string shape = dims.Length == 1 ? $"({dims[0]},)" : $"({string.Join(", ", dims)})";
        string type = meta.ElementType == typeof(float) ? "float"
            : meta.ElementType == typeof(double) ? "double"
            : meta.ElementType.Name.ToLowerInvariant();
        return $"{type} {shape}";
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
