namespace Hltad.Io;

/// <summary>
/// An output written under a temporary name beside its final path. <see cref="Commit"/> renames it into
/// place; disposing an uncommitted file deletes the temporary, so a failed run leaves no half-written
/// output. Several pending files are committed all-or-none with <see cref="CommitAll"/> once all are written.
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

        RemoveAbandoned(full);
        int number = Interlocked.Increment(ref _counter);
        return new PendingFile(full, $"{full}.{Environment.ProcessId}-{number}.tmp");
    }

    /// <summary>
    /// Deletes temporary files of <paramref name="full"/> left by a process that no longer runs (one that was
    /// killed while writing), so that a re-run leaves a clean folder.
    /// </summary>
    private static void RemoveAbandoned(string full)
    {
        string? directory = System.IO.Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        string prefix = System.IO.Path.GetFileName(full) + ".";
        foreach (string candidate in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
        {
            string middle = System.IO.Path.GetFileName(candidate)[prefix.Length..^".tmp".Length];
            int dash = middle.IndexOf('-', StringComparison.Ordinal);
            bool abandoned = dash > 0 && int.TryParse(middle[..dash], out int pid)
                && pid != Environment.ProcessId && !IsRunning(pid);
            if (abandoned)
            {
                try
                {
                    File.Delete(candidate);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // Someone else's file, or gone already: leave it.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
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
    /// Commits every file, all or none: an existing output is first moved aside, and if any rename fails the
    /// files already renamed are removed, the previous outputs are put back and every temporary is deleted;
    /// then the error is rethrown as an <see cref="OutputFileException"/>.
    /// </summary>
    public static void CommitAll(IReadOnlyList<PendingFile> files)
    {
        var done = new List<(PendingFile File, string? Backup)>();
        try
        {
            foreach (var file in files)
            {
                string? backup = file.MoveExistingAside();
                done.Add((file, backup));
                file.Commit();
            }
        }
        catch (Exception error) when (error is HltadException or IOException or UnauthorizedAccessException)
        {
            RollBack(done);
            throw;
        }
        finally
        {
            foreach (var file in files)
            {
                file.Dispose();
            }
        }

        foreach (var (_, backup) in done)
        {
            TryDelete(backup);
        }
    }

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            TryDelete(TemporaryPath);
        }
    }

    private string? MoveExistingAside()
    {
        if (Directory.Exists(FinalPath))
        {
            throw new OutputFileException(
                FinalPath, "a directory of that name is in the way", new IOException(FinalPath));
        }

        if (!File.Exists(FinalPath))
        {
            return null;
        }

        string backup = TemporaryPath + ".previous";
        try
        {
            File.Move(FinalPath, backup);
            return backup;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(FinalPath, error.Message, error);
        }
    }

    private static void RollBack(List<(PendingFile File, string? Backup)> done)
    {
        foreach (var (file, backup) in Enumerable.Reverse(done))
        {
            if (file._committed)
            {
                TryDelete(file.FinalPath);
                file._committed = false;
            }

            if (backup is not null)
            {
                try
                {
                    File.Move(backup, file.FinalPath, overwrite: true);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // The previous output stays under its backup name; nothing better can be done here.
                }
            }
        }
    }

    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary name never shadows a real output.
        }
    }
}
