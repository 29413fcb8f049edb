namespace Hltad.Io;

/// <summary>
/// The contents of an HDF5 file to write: named root-level datasets (row-major arrays with a shape)
/// and root-group attributes, in the order added. Arrays are referenced, not copied.
/// Element types map to HDF5 as h5py would store the numpy equivalents: float32, float64, int32, int64,
/// uint8, and bool as the 8-bit enum FALSE = 0, TRUE = 1 (read back by h5py as dtype bool).
/// </summary>
public sealed class Hdf5Datasets
{
    private readonly List<Hdf5DatasetEntry> _datasets = [];
    private readonly List<KeyValuePair<string, object>> _attributes = [];

    /// <summary>The datasets, in the order added.</summary>
    public IReadOnlyList<Hdf5DatasetEntry> Datasets => _datasets;

    /// <summary>The root-group attributes (string, double or long values), in the order added.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Attributes => _attributes;

    /// <summary>
    /// Adds a float32 dataset; <paramref name="shape"/> defaults to one dimension of the array's length.
    /// </summary>
    public Hdf5Datasets Add(string name, float[] values, params long[] shape) => AddEntry(name, values, shape);

    /// <summary>Adds a float64 dataset.</summary>
    public Hdf5Datasets Add(string name, double[] values, params long[] shape) => AddEntry(name, values, shape);

    /// <summary>Adds an int32 dataset.</summary>
    public Hdf5Datasets Add(string name, int[] values, params long[] shape) => AddEntry(name, values, shape);

    /// <summary>Adds an int64 dataset.</summary>
    public Hdf5Datasets Add(string name, long[] values, params long[] shape) => AddEntry(name, values, shape);

    /// <summary>Adds a uint8 dataset.</summary>
    public Hdf5Datasets Add(string name, byte[] values, params long[] shape) => AddEntry(name, values, shape);

    /// <summary>Adds a bool dataset, stored as h5py stores numpy bool.</summary>
    public Hdf5Datasets Add(string name, bool[] values, params long[] shape) => AddEntry(name, values, shape);

    /// <summary>Adds a string attribute to the root group (variable-length UTF-8, h5py reads it as str).</summary>
    public Hdf5Datasets AddAttribute(string name, string value) => AddAttributeEntry(name, value);

    /// <summary>Adds a float64 attribute to the root group.</summary>
    public Hdf5Datasets AddAttribute(string name, double value) => AddAttributeEntry(name, value);

    /// <summary>Adds an int64 attribute to the root group.</summary>
    public Hdf5Datasets AddAttribute(string name, long value) => AddAttributeEntry(name, value);

    private Hdf5Datasets AddEntry(string name, Array values, long[] shape)
    {
        CheckName(name);
        if (_datasets.Any(entry => entry.Name == name))
        {
            throw new ArgumentException($"dataset '{name}' is added twice", nameof(name));
        }

        long[] dims = shape.Length == 0 ? [values.Length] : (long[])shape.Clone();
        long product = 1;
        foreach (long dim in dims)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"dataset '{name}': negative dimension {dim}", nameof(shape));
            }

            product *= dim;
        }

        if (product != values.Length)
        {
            throw new ArgumentException(
                $"dataset '{name}': shape ({string.Join(", ", dims)}) holds {product} values, "
                + $"array has {values.Length}",
                nameof(shape));
        }

        _datasets.Add(new Hdf5DatasetEntry(name, values, dims));
        return this;
    }

    private Hdf5Datasets AddAttributeEntry(string name, object value)
    {
        CheckName(name);
        if (_attributes.Any(entry => entry.Key == name))
        {
            throw new ArgumentException($"attribute '{name}' is added twice", nameof(name));
        }

        _attributes.Add(new KeyValuePair<string, object>(name, value));
        return this;
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/') || name == ".")
        {
            throw new ArgumentException($"'{name}' is not a valid root-level HDF5 name", nameof(name));
        }
    }
}
