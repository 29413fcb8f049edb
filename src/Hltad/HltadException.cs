namespace Hltad;

/// <summary>Base of every error the library reports to its caller; the message is meant for the user.</summary>
public class HltadException : Exception
{
    public HltadException(string message) : base(message) { }

    public HltadException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An input file or dataset is missing, unreadable or of the wrong shape or content.</summary>
public sealed class InputDataException : HltadException
{
    public InputDataException(string path, string? dataset, string problem)
        : base(dataset is null ? $"{path}: {problem}" : $"{path}: dataset '{dataset}': {problem}")
    {
        Path = path;
        Dataset = dataset;
    }

    public InputDataException(string path, string? dataset, string problem, Exception inner)
        : base(dataset is null ? $"{path}: {problem}" : $"{path}: dataset '{dataset}': {problem}", inner)
    {
        Path = path;
        Dataset = dataset;
    }

    public string Path { get; }

    public string? Dataset { get; }
}

/// <summary>A configuration key or command-line option has a value that is not allowed.</summary>
public sealed class ConfigurationException : HltadException
{
    public ConfigurationException(string key, string problem) : base($"configuration '{key}': {problem}")
    {
        Key = key;
    }

    public string Key { get; }
}

/// <summary>A requested rate cannot be reached, or the events to reach it with are missing.</summary>
public sealed class ImpossibleRateException : HltadException
{
    public ImpossibleRateException(string what, double targetHz, double reachableHz)
        : base($"{what}: a pure rate of {targetHz:G6} Hz cannot be reached; " +
            $"the largest reachable is {reachableHz:G6} Hz")
    {
        TargetHz = targetHz;
        ReachableHz = reachableHz;
    }

    public double TargetHz { get; }

    public double ReachableHz { get; }
}
