namespace Hltad.Engine;

/// <summary>A model or checkpoint file is not one of ours, is of an unsupported version, or is damaged.</summary>
public sealed class ModelFormatException : HltadException
{
    public ModelFormatException(string source, string problem) : base($"{source}: {problem}")
    {
        SourceName = source;
        Problem = problem;
    }

    public ModelFormatException(string source, string problem, Exception inner) : base($"{source}: {problem}", inner)
    {
        SourceName = source;
        Problem = problem;
    }

    /// <summary>The file path, or a description of the stream.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
