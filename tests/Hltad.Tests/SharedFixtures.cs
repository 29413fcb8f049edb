namespace Hltad.Tests;

/// <summary>
/// Locates the third-party and h5py-written fixtures in <c>../shared/fixtures</c> beside the repository.
/// Tests that need them call <see cref="Require"/>, which skips the test when the folder is absent.
/// </summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary><c>../shared/fixtures</c>, or null when it is not there.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Path of a fixture below <c>shared/fixtures</c>; skips the calling test when absent.</summary>
    public static string Require(string relativePath)
    {
        Skip.If(Root.Value is null, "../shared/fixtures is not present");
        string path = Path.Combine(Root.Value!, relativePath);
        Skip.IfNot(File.Exists(path) || System.IO.Directory.Exists(path), $"fixture {relativePath} is not present");
        return path;
    }

    /// <summary>The repository root (the folder holding Hltad.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hltad.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static string? FindRoot()
    {
        string candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}
