using System.Runtime.CompilerServices;
using System.Buffers;

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

    /// <summary>
    /// Number of events (first dimension) shared by the required datasets; when none were required, set by the first
    /// dataset read.
    /// </summary>
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

    /// <summary>
    /// The leading <paramref name="leading"/> objects of the first <paramref name="events"/> events (default all) of
    /// an object array, as (pt, eta, phi): columns 0, 1, 2 of a 3-column array, 0, 2, 3 of a 4-column one.
    /// </summary>
    public ObjectArray ReadObjects(string dataset, int leading, int events = int.MaxValue)
    {
        long[] shape = CheckedShape(NtupleDatasetSpec.Objects(dataset, leading));
        return Extract(dataset, (int)shape[1], (int)shape[2], leading, Math.Min(events, EventCount));
    }

    /// <summary>
    /// A MET array of the first <paramref name="events"/> events (default all) as one object per event:
    /// (met, column 1, phi) of a 3-column array, (met, column 2, phi) of a 4-column one.
    /// </summary>
    public ObjectArray ReadMet(string dataset, int events = int.MaxValue)
    {
        long[] shape = CheckedShape(NtupleDatasetSpec.Met(dataset));
        return Extract(dataset, 1, (int)shape[1], 1, Math.Min(events, EventCount));
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ObjectArray Extract(string dataset, int stored, int columns, int leading, int events)
    {
        // The whole dataset goes through a pooled buffer: PureHDF reads fastest into memory it is given.
        int length = checked(EventCount * stored * columns);
        float[] raw = ArrayPool<float>.Shared.Rent(length);
        try
        {
            _file.ReadFloat32(dataset, raw.AsMemory(0, length));
            var values = new float[events * leading * ObjectArray.Columns];
            int middle = columns == 4 ? 2 : 1;
            for (int i = 0; i < events; i++)
            {
                for (int k = 0; k < leading; k++)
                {
                    int source = (i * stored + k) * columns;
                    int target = (i * leading + k) * ObjectArray.Columns;
                    values[target] = raw[source];
                    values[target + 1] = raw[source + middle];
                    values[target + 2] = raw[source + columns - 1];
                }
            }

            return new ObjectArray(events, leading, values);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(raw);
        }
    }

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
                throw new InputDataException(
                    Path, spec.Name, $"has {shape[0]} events but the others have {EventCount}");
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
            NtupleDatasetRole.Objects when shape.Length != 3 =>
                $"has shape {Format(shape)}, expected (N, objects, 3 or 4)",
            NtupleDatasetRole.Objects when shape[2] is not (3 or 4) =>
                $"has {shape[2]} columns per object, expected 3 or 4",
            NtupleDatasetRole.Objects when shape[1] < spec.LeadingObjects =>
                $"stores {shape[1]} objects per event, at least {spec.LeadingObjects} are needed",
            NtupleDatasetRole.Met when shape.Length != 2 => $"has shape {Format(shape)}, expected (N, 3 or 4)",
            NtupleDatasetRole.Met when shape[1] is not (3 or 4) => $"has {shape[1]} columns, expected 3 or 4",
            NtupleDatasetRole.PerEvent when shape.Length != 1 => $"has shape {Format(shape)}, expected (N,)",
            _ => null,
        };
        return problem is null ? shape : throw new InputDataException(Path, spec.Name, problem);
    }

    private static string Format(long[] shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
