namespace Hltad.Tests;

/// <summary>A fresh folder under the system temp directory, deleted with its contents on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hltad-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>All files below the folder, relative to it, sorted.</summary>
    public IReadOnlyList<string> Files() => Directory
        .GetFiles(Path, "*", SearchOption.AllDirectories)
        .Select(path => System.IO.Path.GetRelativePath(Path, path))
        .OrderBy(path => path, StringComparer.Ordinal)
        .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
