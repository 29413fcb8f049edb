namespace Hltad.Io;

/// <summary>
/// An output written under a temporary name beside its final path. <see cref="Commit"/> renames it into
/// place; disposing an uncommitted file deletes the temporary, so a failed run leaves no half-written
/// output. Several pending files can be committed together with <see cref="CommitAll"/> once all are written.
/// </summary>
public sealed class PendingFile : IDisposable
{
    private static int _counter;
    private bool _committed;

    private PendingFile(string finalPath, string temporaryPath)
    {
        FinalPath = finalPath;
        TemporaryPath = temporaryPath;
    }

    /// <summary>Where the file goes when committed.</summary>
    public string FinalPath { get; }

    /// <summary>Where the file is written until then: <c>&lt;final&gt;.&lt;pid&gt;-&lt;n&gt;.tmp</c>.</summary>
    public string TemporaryPath { get; }

    /// <summary>
    /// Reserves a temporary name for <paramref name="finalPath"/> and creates its directory if needed.
    /// The caller writes <see cref="TemporaryPath"/>, then calls <see cref="Commit"/>.
    /// </summary>
    public static PendingFile Create(string finalPath)
    {
        string full = System.IO.Path.GetFullPath(finalPath);
        string? directory = System.IO.Path.GetDirectoryName(full);
        try
        {
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(finalPath, error.Message, error);
        }

        int number = Interlocked.Increment(ref _counter);
        return new PendingFile(full, $"{full}.{Environment.ProcessId}-{number}.tmp");
    }

    /// <summary>Renames the temporary file to the final path, replacing an existing file.</summary>
    public void Commit()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            File.Move(TemporaryPath, FinalPath, overwrite: true);
            _committed = true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(FinalPath, error.Message, error);
        }
    }

    /// <summary>
    /// Commits every file in order. If one rename fails, the files not yet committed are deleted
    /// (their temporaries), and the error is rethrown.
    /// </summary>
    public static void CommitAll(IReadOnlyList<PendingFile> files)
    {
        try
        {
            foreach (var file in files)
            {
                file.Commit();
            }
        }
        finally
        {
            foreach (var file in files)
            {
                file.Dispose();
            }
        }
    }

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            File.Delete(TemporaryPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary name never shadows a real output.
        }
    }
}
