namespace Hltad.Io;

/// <summary>
/// How <see cref="Hdf5Writer"/> stores datasets. <see cref="None"/> writes contiguous, uncompressed
/// datasets (fastest to write and to read back). The gzip levels write chunked datasets with the
/// deflate filter (HDF5 filter 1, what h5py calls gzip), optionally after the byte shuffle filter.
/// </summary>
public enum Hdf5Compression
{
    None,

    /// <summary>gzip, fastest level.</summary>
    GzipFast,

    /// <summary>gzip, zlib's default level.</summary>
    Gzip,

    /// <summary>gzip, smallest output.</summary>
    GzipSmallest,
}
