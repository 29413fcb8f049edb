namespace Hltad.Io;

/// <summary>Storage layout of the datasets written by <see cref="Hdf5Writer"/>.</summary>
/// <param name="Compression">Compression filter; <see cref="Hdf5Compression.None"/> (default) writes contiguous
/// data.</param>
/// <param name="Shuffle">Apply the byte shuffle filter before gzip (ignored without compression).</param>
/// <param name="ChunkRows">Rows (first dimension) per chunk of a compressed dataset; default 4096.</param>
public sealed record Hdf5Storage(
    Hdf5Compression Compression = Hdf5Compression.None,
    bool Shuffle = true,
    int ChunkRows = 4096)
{
    /// <summary>Contiguous, uncompressed datasets.</summary>
    public static Hdf5Storage Contiguous { get; } = new();
}
