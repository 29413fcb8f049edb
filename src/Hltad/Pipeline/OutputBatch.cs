using Hltad.Io;

namespace Hltad.Pipeline;

/// <summary>
/// Outputs written under temporary names and renamed into place together once every one is written, so a
/// run that fails leaves none of them; disposing the batch uncommitted deletes the temporaries.
/// </summary>
internal sealed class OutputBatch : IDisposable
{
    private readonly List<PendingFile> _pending = [];

    public int Count => _pending.Count;

    /// <summary>Writes an HDF5 file to its temporary name.</summary>
    public void Add(string path, Hdf5Datasets contents) => _pending.Add(Hdf5Writer.WritePending(path, contents));

    /// <summary>Writes bytes to the temporary name of <paramref name="path"/>.</summary>
    /// <exception cref="OutputFileException">The file or its folder cannot be written.</exception>
    public void Add(string path, byte[] content)
    {
        PendingFile pending = PendingFile.Create(path);
        try
        {
            File.WriteAllBytes(pending.TemporaryPath, content);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            pending.Dispose();
            throw new OutputFileException(path, error.Message, error);
        }

        _pending.Add(pending);
    }

    /// <summary>Renames every file into place, in the order they were added.</summary>
    public void CommitAll() => PendingFile.CommitAll(_pending);

    public void Dispose()
    {
        foreach (PendingFile file in _pending)
        {
            file.Dispose();
        }
    }
}
