namespace Hltad.Onnx;

/// <summary>
/// An ONNX model file is missing, is not a readable ONNX model, or has inputs or outputs that the AD scorer
/// cannot use (it needs one float input of shape (N, 48) and one float output of shape (N, 48), (N,) or (N, 1)).
/// </summary>
public sealed class OnnxModelException : HltadException
{
    public OnnxModelException(string path, string problem) : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    public OnnxModelException(string path, string problem, Exception inner) : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The model file at fault.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
