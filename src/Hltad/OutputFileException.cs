namespace Hltad;

/// <summary>An output file could not be written (disk full, no permission, a directory in the way, …).</summary>
public sealed class OutputFileException : HltadException
{
    public OutputFileException(string path, string problem)
        : base($"{path}: cannot be written: {problem}")
    {
        Path = path;
    }

    public OutputFileException(string path, string problem, Exception inner)
        : base($"{path}: cannot be written: {problem}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}
