using PureHDF;
using PureHDF.Filters;
using PureHDF.VOL.Native;

namespace Hltad.Io;

/// <summary>
/// Reads the root-level datasets and attributes of one HDF5 file (PureHDF), converting any integer,
/// floating-point or h5py-bool storage to the element type asked for. Every failure is an
/// <see cref="InputDataException"/> naming the file and, where one is involved, the dataset.
/// Instances are not thread-safe; open one reader per thread.
/// </summary>
public sealed class Hdf5Reader : IDisposable
{
    private readonly NativeFile _file;

    static Hdf5Reader()
    {
        H5Filter.Register(new LzfFilter());
    }

    private Hdf5Reader(string path, NativeFile file)
    {
        Path = path;
        _file = file;
    }

    /// <summary>The path the reader was opened with.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="path"/>; a missing, non-HDF5 or truncated file is an <see cref="InputDataException"/>.
    /// </summary>
    public static Hdf5Reader Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputDataException(path, null, "is a directory, not an HDF5 file");
        }

        if (!File.Exists(path))
        {
            throw new InputDataException(path, null, "file not found");
        }

        try
        {
            return new Hdf5Reader(path, H5File.OpenRead(path));
        }
        catch (Exception error) when (error is not HltadException)
        {
            throw new InputDataException(path, null, DescribeOpenFailure(error), error);
        }
    }

    /// <summary>Whether the file holds a dataset of this name at its root.</summary>
    public bool Contains(string dataset)
    {
        try
        {
            return _file.LinkExists(dataset) && _file.Get(dataset) is IH5Dataset;
        }
        catch (Exception error) when (error is not HltadException)
        {
            throw Unreadable(dataset, error);
        }
    }

    /// <summary>Names of the datasets at the root of the file, in the file's link order.</summary>
    public IReadOnlyList<string> DatasetNames()
    {
        try
        {
            return _file.Children().OfType<IH5Dataset>().Select(child => child.Name).ToList();
        }
        catch (Exception error) when (error is not HltadException)
        {
            throw new InputDataException(Path, null, $"cannot list the datasets ({error.Message})", error);
        }
    }

    /// <summary>Dimensions of a dataset (empty for a scalar).</summary>
    public long[] Shape(string dataset)
    {
        var handle = Dataset(dataset);
        return Guard(dataset, () => handle.Space.Dimensions.Select(d => checked((long)d)).ToArray());
    }

    /// <summary>How the dataset's elements are stored.</summary>
    public Hdf5ElementType ElementType(string dataset) => Guard(dataset, () => Classify(Dataset(dataset)));

    /// <summary>All elements, row-major, converted to float32 (float64 rounds to nearest; integers convert).</summary>
    public float[] ReadFloat32(string dataset)
    {
        var handle = Dataset(dataset);
        var type = Guard(dataset, () => Classify(handle));
        return type switch
        {
            Hdf5ElementType.Float32 => Read<float>(dataset, handle),
            Hdf5ElementType.Float64 => Hdf5Conversions.ToFloat32(Read<double>(dataset, handle)),
            _ => Hdf5Conversions.ToFloat32(ReadIntegers(dataset, handle, type)),
        };
    }

    /// <summary>
    /// All elements, row-major, converted to float32, into <paramref name="destination"/>, whose length must be the
    /// dataset's element count. Float32 data is read straight into it (no allocation), which makes repeated reads
    /// into a reused buffer several times faster than <see cref="ReadFloat32(string)"/>.
    /// </summary>
    public void ReadFloat32(string dataset, Memory<float> destination)
    {
        var handle = Dataset(dataset);
        var type = Guard(dataset, () => Classify(handle));
        long count = Guard(dataset, () => (long)handle.Space.Dimensions.Aggregate(1UL, (a, b) => a * b));
        if (count != destination.Length)
        {
            throw new ArgumentException(
                $"dataset '{dataset}' has {count} elements, the destination {destination.Length}", nameof(destination));
        }

        if (type == Hdf5ElementType.Float32)
        {
            Guard(dataset, () =>
            {
                handle.Read(destination);
                return 0;
            });
            return;
        }

        ReadFloat32(dataset).CopyTo(destination);
    }

    /// <summary>All elements, row-major, converted to float64.</summary>
    public double[] ReadFloat64(string dataset)
    {
        var handle = Dataset(dataset);
        var type = Guard(dataset, () => Classify(handle));
        return type switch
        {
            Hdf5ElementType.Float64 => Read<double>(dataset, handle),
            Hdf5ElementType.Float32 => Array.ConvertAll(Read<float>(dataset, handle), value => (double)value),
            _ => Array.ConvertAll(ReadIntegers(dataset, handle, type), value => (double)value),
        };
    }

    /// <summary>All elements as 64-bit integers; the dataset must hold integers or booleans.</summary>
    public long[] ReadInt64(string dataset)
    {
        var handle = Dataset(dataset);
        return ReadIntegers(dataset, handle, Guard(dataset, () => Classify(handle)));
    }

    /// <summary>All elements as 32-bit integers; values outside the int32 range are an error.</summary>
    public int[] ReadInt32(string dataset)
    {
        long[] values = ReadInt64(dataset);
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is < int.MinValue or > int.MaxValue)
            {
                throw new InputDataException(Path, dataset, $"value {values[i]} at index {i} does not fit in int32");
            }

            result[i] = (int)values[i];
        }

        return result;
    }

    /// <summary>
    /// All elements as booleans: h5py bool directly; integers and floats are true when non-zero
    /// (the ntuples store trigger decisions as integer 0/1).
    /// </summary>
    public bool[] ReadBool(string dataset)
    {
        var handle = Dataset(dataset);
        var type = Guard(dataset, () => Classify(handle));
        return type switch
        {
            Hdf5ElementType.Float32 => Array.ConvertAll(Read<float>(dataset, handle), value => value != 0),
            Hdf5ElementType.Float64 => Array.ConvertAll(Read<double>(dataset, handle), value => value != 0),
            _ => Array.ConvertAll(ReadIntegers(dataset, handle, type), value => value != 0),
        };
    }

    /// <summary>Names of the attributes of the root group.</summary>
    public IReadOnlyList<string> AttributeNames() =>
        Guard(null, () => _file.Attributes().Select(attribute => attribute.Name).ToList());

    /// <summary>A string attribute of the root group, or null when there is none of that name.</summary>
    public string? StringAttribute(string name) => Guard(null, () =>
        _file.AttributeExists(name) ? _file.Attribute(name).Read<string>() : null);

    /// <summary>A numeric attribute of the root group as float64, or null when there is none of that name.</summary>
    public double? NumberAttribute(string name) => Guard(null, () =>
    {
        if (!_file.AttributeExists(name))
        {
            return (double?)null;
        }

        var attribute = _file.Attribute(name);
        return attribute.Type.Class switch
        {
            H5DataTypeClass.FloatingPoint when attribute.Type.Size == 4 => attribute.Read<float>(),
            H5DataTypeClass.FloatingPoint => attribute.Read<double>(),
            H5DataTypeClass.FixedPoint when attribute.Type.Size == 4 => attribute.Read<int>(),
            H5DataTypeClass.FixedPoint => attribute.Read<long>(),
            _ => throw new InputDataException(Path, null, $"attribute '{name}' is not a number"),
        };
    });

    public void Dispose() => _file.Dispose();

    private IH5Dataset Dataset(string dataset)
    {
        if (!Contains(dataset))
        {
            throw new InputDataException(Path, dataset, "dataset is missing");
        }

        return Guard(dataset, () => _file.Dataset(dataset));
    }

    private T[] Read<T>(string dataset, IH5Dataset handle) where T : unmanaged =>
        Guard(dataset, () => handle.Read<T[]>());

    private long[] ReadIntegers(string dataset, IH5Dataset handle, Hdf5ElementType type) => type switch
    {
        Hdf5ElementType.Bool or Hdf5ElementType.UInt8 => Hdf5Conversions.ToInt64(Read<byte>(dataset, handle)),
        Hdf5ElementType.Int8 => Hdf5Conversions.ToInt64(Read<sbyte>(dataset, handle)),
        Hdf5ElementType.Int16 => Hdf5Conversions.ToInt64(Read<short>(dataset, handle)),
        Hdf5ElementType.UInt16 => Hdf5Conversions.ToInt64(Read<ushort>(dataset, handle)),
        Hdf5ElementType.Int32 => Hdf5Conversions.ToInt64(Read<int>(dataset, handle)),
        Hdf5ElementType.UInt32 => Hdf5Conversions.ToInt64(Read<uint>(dataset, handle)),
        Hdf5ElementType.Int64 => Read<long>(dataset, handle),
        Hdf5ElementType.UInt64 => Hdf5Conversions.ToInt64(Read<ulong>(dataset, handle), Path, dataset),
        _ => throw new InputDataException(Path, dataset, $"holds {Describe(type)} values where integers are expected"),
    };

    private static Hdf5ElementType Classify(IH5Dataset handle)
    {
        var type = handle.Type;
        switch (type.Class)
        {
            case H5DataTypeClass.FloatingPoint:
                return type.Size switch
                {
                    4 => Hdf5ElementType.Float32,
                    8 => Hdf5ElementType.Float64,
                    _ => Hdf5ElementType.Other,
                };
            case H5DataTypeClass.FixedPoint:
                bool signed = type.FixedPoint.IsSigned;
                return type.Size switch
                {
                    1 => signed ? Hdf5ElementType.Int8 : Hdf5ElementType.UInt8,
                    2 => signed ? Hdf5ElementType.Int16 : Hdf5ElementType.UInt16,
                    4 => signed ? Hdf5ElementType.Int32 : Hdf5ElementType.UInt32,
                    8 => signed ? Hdf5ElementType.Int64 : Hdf5ElementType.UInt64,
                    _ => Hdf5ElementType.Other,
                };
            case H5DataTypeClass.Enumerated when type.Size == 1:
                return Hdf5ElementType.Bool;
            default:
                return Hdf5ElementType.Other;
        }
    }

    private static string Describe(Hdf5ElementType type) => type == Hdf5ElementType.Other
        ? "non-numeric"
        : type.ToString().ToLowerInvariant();

    private T Guard<T>(string? dataset, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception error) when (error is not HltadException)
        {
            throw Unreadable(dataset, error);
        }
    }

    private InputDataException Unreadable(string? dataset, Exception error) =>
        new(Path, dataset, $"cannot be read, the file may be truncated or damaged ({Innermost(error).Message})", error);

    private static Exception Innermost(Exception error) =>
        error.InnerException is null ? error : Innermost(error.InnerException);

    private static string DescribeOpenFailure(Exception error)
    {
        string message = error.Message;
        if (message.Contains("not a valid HDF 5 file", StringComparison.OrdinalIgnoreCase))
        {
            return "not an HDF5 file";
        }

        return message.Contains("too small", StringComparison.OrdinalIgnoreCase)
            ? "truncated HDF5 file (shorter than its header says)"
            : $"cannot be opened as HDF5, the file may be truncated or damaged ({message})";
    }
}
