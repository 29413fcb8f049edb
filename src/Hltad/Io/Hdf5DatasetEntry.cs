namespace Hltad.Io;

/// <summary>One dataset of an <see cref="Hdf5Datasets"/>: its name, row-major values and shape.</summary>
/// <param name="Name">Root-level dataset name.</param>
/// <param name="Values">A float[], double[], int[], long[], byte[] or bool[] array.</param>
/// <param name="Shape">Dimensions; their product equals the array's length.</param>
public sealed record Hdf5DatasetEntry(string Name, Array Values, IReadOnlyList<long> Shape);
