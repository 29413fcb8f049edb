namespace Hltad.Io;

/// <summary>
/// Reads an input ntuple (SEMANTICS.md section 1). <see cref="Open"/> checks, before any data is read,
/// that every required dataset exists, has the shape of its role and that all have the same number of
/// events; reading converts float32/float64/integer storage to the target type. A 4-column object or
/// MET array is read as columns 0, 2, 3 (pt, eta, phi).
/// </summary>
public sealed class NtupleReader : IDisposable
{
    private readonly Hdf5Reader _file;
    private readonly Dictionary<string, long[]> _shapes = new(StringComparer.Ordinal);

    private NtupleReader(Hdf5Reader file)
    {
        _file = file;
    }

    /// <summary>The file's path.</summary>
    public string Path => _file.Path;

    /// <summary>Number of events (first dimension) shared by the required datasets; 0 when none were required.</summary>
    public int EventCount { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> and validates <paramref name="required"/>.
    /// </summary>
    /// <exception cref="InputDataException">The file is missing or unreadable, a dataset is missing, has the wrong
    /// rank or column count or too few objects, or the datasets disagree on the number of events.</exception>
    public static NtupleReader Open(string path, IEnumerable<NtupleDatasetSpec> required)
    {
        var reader = new NtupleReader(Hdf5Reader.Open(path));
        try
        {
            reader.Validate(required);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Whether the file holds a dataset of that name.</summary>
    public bool Contains(string dataset) => _file.Contains(dataset);

    /// <summary>The leading <paramref name="leading"/> objects of an object array, as (pt, eta, phi).</summary>
    public ObjectArray ReadObjects(string dataset, int leading)
    {
        long[] shape = CheckedShape(NtupleDatasetSpec.Objects(dataset, leading));
        int stored = (int)shape[1];
        int columns = (int)shape[2];
        float[] raw = _file.ReadFloat32(dataset);
        var values = new float[EventCount * leading * ObjectArray.Columns];
        int etaColumn = columns == 4 ? 2 : 1;
        for (int i = 0; i < EventCount; i++)
        {
            for (int k = 0; k < leading; k++)
            {
                int source = (i * stored + k) * columns;
                int target = (i * leading + k) * ObjectArray.Columns;
                values[target] = raw[source];
                values[target + 1] = raw[source + etaColumn];
                values[target + 2] = raw[source + etaColumn + 1];
            }
        }

        return new ObjectArray(EventCount, leading, values);
    }

    /// <summary>A MET array as one object per event: (met, column 1 or 2, phi).</summary>
    public ObjectArray ReadMet(string dataset)
    {
        long[] shape = CheckedShape(NtupleDatasetSpec.Met(dataset));
        int columns = (int)shape[1];
        float[] raw = _file.ReadFloat32(dataset);
        var values = new float[EventCount * ObjectArray.Columns];
        int middle = columns == 4 ? 2 : 1;
        for (int i = 0; i < EventCount; i++)
        {
            values[i * 3] = raw[i * columns];
            values[i * 3 + 1] = raw[i * columns + middle];
            values[i * 3 + 2] = raw[i * columns + columns - 1];
        }

        return new ObjectArray(EventCount, 1, values);
    }

    /// <summary>A per-event flag (integer 0/1 or bool): true when non-zero.</summary>
    public bool[] ReadFlags(string dataset)
    {
        CheckedShape(NtupleDatasetSpec.PerEvent(dataset));
        return _file.ReadBool(dataset);
    }

    /// <summary>A per-event number as float64.</summary>
    public double[] ReadFloat64(string dataset)
    {
        CheckedShape(NtupleDatasetSpec.PerEvent(dataset));
        return _file.ReadFloat64(dataset);
    }

    /// <summary>A per-event number as float32.</summary>
    public float[] ReadFloat32(string dataset)
    {
        CheckedShape(NtupleDatasetSpec.PerEvent(dataset));
        return _file.ReadFloat32(dataset);
    }

    /// <summary>A per-event integer as int64.</summary>
    public long[] ReadInt64(string dataset)
    {
        CheckedShape(NtupleDatasetSpec.PerEvent(dataset));
        return _file.ReadInt64(dataset);
    }

    public void Dispose() => _file.Dispose();

    private void Validate(IEnumerable<NtupleDatasetSpec> required)
    {
        string? first = null;
        foreach (var spec in required)
        {
            long[] shape = CheckShape(spec);
            if (first is null)
            {
                first = spec.Name;
                EventCount = checked((int)shape[0]);
            }
            else if (shape[0] != EventCount)
            {
                throw new InputDataException(
                    Path, spec.Name, $"has {shape[0]} events but '{first}' has {EventCount}");
            }

            _shapes[spec.Name] = shape;
        }
    }

    private long[] CheckedShape(NtupleDatasetSpec spec)
    {
        if (!_shapes.TryGetValue(spec.Name, out long[]? shape))
        {
            // A dataset not declared at open: validate it now, against the declared event count.
            shape = CheckShape(spec);
            if (_shapes.Count > 0 && shape[0] != EventCount)
            {
                throw new InputDataException(Path, spec.Name, $"has {shape[0]} events but the others have {EventCount}");
            }

            if (_shapes.Count == 0)
            {
                EventCount = checked((int)shape[0]);
            }

            _shapes[spec.Name] = shape;
        }

        if (spec.Role == NtupleDatasetRole.Objects && shape[1] < spec.LeadingObjects)
        {
            throw new InputDataException(
                Path, spec.Name, $"stores {shape[1]} objects per event, at least {spec.LeadingObjects} are needed");
        }

        return shape;
    }

    private long[] CheckShape(NtupleDatasetSpec spec)
    {
        if (!_file.Contains(spec.Name))
        {
            throw new InputDataException(Path, spec.Name, "dataset is missing");
        }

        long[] shape = _file.Shape(spec.Name);
        if (_file.ElementType(spec.Name) == Hdf5ElementType.Other)
        {
            throw new InputDataException(Path, spec.Name, "does not hold numbers");
        }

        string? problem = spec.Role switch
        {
            NtupleDatasetRole.Objects when shape.Length != 3 => $"has shape {Format(shape)}, expected (N, objects, 3 or 4)",
            NtupleDatasetRole.Objects when shape[2] is not (3 or 4) => $"has {shape[2]} columns per object, expected 3 or 4",
            NtupleDatasetRole.Objects when shape[1] < spec.LeadingObjects =>
                $"stores {shape[1]} objects per event, at least {spec.LeadingObjects} are needed",
            NtupleDatasetRole.Met when shape.Length != 2 => $"has shape {Format(shape)}, expected (N, 3 or 4)",
            NtupleDatasetRole.Met when shape[1] is not (3 or 4) => $"has {shape[1]} columns, expected 3 or 4",
            NtupleDatasetRole.PerEvent when shape.Length != 1 => $"has shape {Format(shape)}, expected (N,)",
            _ => null,
        };
        return problem is null ? shape : throw new InputDataException(Path, spec.Name, problem);
    }

    private static string Format(long[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
