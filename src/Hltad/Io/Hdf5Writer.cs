using PureHDF;
using PureHDF.Filters;
using PureHDF.VOL.Native;

namespace Hltad.Io;

/// <summary>
/// Writes an <see cref="Hdf5Datasets"/> as an HDF5 file (PureHDF) under a temporary name and renames it
/// into place when complete; on failure the temporary file is deleted. Same contents → identical bytes.
/// </summary>
public static class Hdf5Writer
{
    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> atomically (temporary name, then rename).
    /// </summary>
    /// <exception cref="OutputFileException">The file or its directory cannot be written.</exception>
    public static void Write(string path, Hdf5Datasets contents, Hdf5Storage? storage = null)
    {
        using var pending = WritePending(path, contents, storage);
        pending.Commit();
    }

    /// <summary>
    /// Writes <paramref name="contents"/> to a temporary name beside <paramref name="path"/> and returns it
    /// uncommitted, so that several outputs can be renamed together once all are written
    /// (<see cref="PendingFile.CommitAll"/>). Disposing it uncommitted deletes it.
    /// </summary>
    public static PendingFile WritePending(string path, Hdf5Datasets contents, Hdf5Storage? storage = null)
    {
        var pending = PendingFile.Create(path);
        storage ??= Hdf5Storage.Contiguous;
        try
        {
            using (var stream = new FileStream(pending.TemporaryPath, new FileStreamOptions
                   {
                       Mode = FileMode.Create,
                       Access = FileAccess.ReadWrite,
                       PreallocationSize = storage.Compression == Hdf5Compression.None ? DataBytes(contents) : 0,
                   }))
            {
                Build(contents, storage).Write(stream);
            }

            return pending;
        }
        catch (Exception error)
        {
            pending.Dispose();
            if (error is IOException or UnauthorizedAccessException)
            {
                throw new OutputFileException(path, error.Message, error);
            }

            throw;
        }
    }

    /// <summary>
    /// The bytes of the datasets' values: a lower bound of the file's size, reserved on disk before writing
    /// (ext4 writes into reserved blocks about three times faster than it allocates them page by page).
    /// </summary>
    private static long DataBytes(Hdf5Datasets contents) => contents.Datasets.Sum(entry =>
        entry.Values.LongLength * entry.Values switch
        {
            double[] or long[] => 8,
            float[] or int[] => 4,
            _ => 1,
        });

    private static H5File Build(Hdf5Datasets contents, Hdf5Storage storage)
    {
        var file = new H5File();
        foreach (var entry in contents.Datasets)
        {
            file[entry.Name] = Dataset(entry, storage);
        }

        foreach (var (name, value) in contents.Attributes)
        {
            file.Attributes[name] = value;
        }

        return file;
    }

    private static H5Dataset Dataset(Hdf5DatasetEntry entry, Hdf5Storage storage)
    {
        object data = entry.Values is bool[] flags ? ToEnum(flags) : entry.Values;
        ulong[] dims = entry.Shape.Select(d => (ulong)d).ToArray();
        if (storage.Compression == Hdf5Compression.None || entry.Values.Length == 0)
        {
            return new H5Dataset(data, fileDims: dims, datasetCreation: new H5DatasetCreation(Filters: []));
        }

        var chunks = new uint[dims.Length];
        chunks[0] = (uint)Math.Clamp((long)dims[0], 1, Math.Max(1, storage.ChunkRows));
        for (int i = 1; i < dims.Length; i++)
        {
            chunks[i] = (uint)Math.Max(1UL, dims[i]);
        }

        return new H5Dataset(
            data,
            chunks: chunks,
            fileDims: dims,
            datasetCreation: new H5DatasetCreation(Filters: Filters(storage)));
    }

    private static List<H5Filter> Filters(Hdf5Storage storage)
    {
        int level = storage.Compression switch
        {
            Hdf5Compression.GzipFast => 1,
            Hdf5Compression.GzipSmallest => 9,
            _ => -1,
        };
        var filters = new List<H5Filter>();
        if (storage.Shuffle)
        {
            filters.Add(ShuffleFilter.Id);
        }

        filters.Add(new H5Filter(DeflateFilter.Id, new Dictionary<string, object>
        {
            [DeflateFilter.COMPRESSION_LEVEL] = level,
        }));
        return filters;
    }

    private static Hdf5Bool[] ToEnum(bool[] flags)
    {
        var values = new Hdf5Bool[flags.Length];
        for (int i = 0; i < flags.Length; i++)
        {
            values[i] = flags[i] ? Hdf5Bool.TRUE : Hdf5Bool.FALSE;
        }

        return values;
    }
}
