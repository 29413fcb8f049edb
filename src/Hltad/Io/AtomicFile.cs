namespace Hltad.Io;

/// <summary>
/// Writes one file so that it appears complete or not at all: under a temporary name beside it, renamed into
/// place when the writer returns (see <see cref="PendingFile"/>). On failure the temporary file is deleted and an
/// existing file at the path is untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a new stream, then renames the file to <paramref
    /// name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write) => WriteNamed(path, temporary =>
    {
        using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
        write(stream);
    });

    /// <summary>As <see cref="Write"/>, for writers that need a file name rather than a stream.</summary>
    public static void WriteNamed(string path, Action<string> write)
    {
        using PendingFile pending = PendingFile.Create(path);
        write(pending.TemporaryPath);
        pending.Commit();
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));
}
