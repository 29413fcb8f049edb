using Hltad.Io;
using Hltad.Physics;
using PureHDF;
using PureHDF.VOL.Native;

namespace Hltad.Onnx;

/// <summary>
/// The little HDF5 input and output of <see cref="OnnxFileScoring"/>, kept in one place (PureHDF): reading one
/// event dataset as (N, 48) float32 and writing one (N,) float32 score dataset.
/// </summary>
internal static class ScoreFileHdf5
{
    /// <summary>
    /// Reads <paramref name="dataset"/> of <paramref name="path"/> as flat (N, 48) floats: either an (N, 48)
    /// dataset (preprocessed file) or an (N, 16, 3) one (matched file, flattened row-major). Float32 or float64.
    /// </summary>
    /// <exception cref="InputDataException">File or dataset missing, unreadable or misshapen.</exception>
    public static (float[] Values, int Count) ReadEvents(string path, string dataset)
    {
        if (!File.Exists(path))
        {
            throw new InputDataException(path, null, "file not found");
        }

        using NativeFile file = Open(path);
        try
        {
            IH5Dataset data = file.LinkExists(dataset) && file.Get(dataset) is IH5Dataset found
                ? found
                : throw new InputDataException(path, dataset, "no such dataset");
            int count = EventCount(path, dataset, data.Space.Dimensions);
            float[] values = ReadFloats(path, dataset, data);
            return (values, count);
        }
        catch (Exception error) when (error is not HltadException and not OutOfMemoryException)
        {
            throw new InputDataException(path, dataset, $"cannot be read ({error.Message})", error);
        }
    }

    /// <summary>Writes <paramref name="scores"/> as the (N,) float32 dataset <paramref name="dataset"/>.</summary>
    /// <remarks>Written to a temporary file beside <paramref name="path"/>, renamed over it when complete.</remarks>
    public static void WriteScores(string path, string dataset, float[] scores)
    {
        var file = new H5File { [dataset] = scores };
        AtomicFile.WriteNamed(path, temporary => file.Write(temporary));
    }

    private static NativeFile Open(string path)
    {
        try
        {
            return H5File.OpenRead(path);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InputDataException(path, null, $"not a readable HDF5 file ({error.Message})", error);
        }
    }

    private static int EventCount(string path, string dataset, ulong[] dims)
    {
        bool flat = dims.Length == 2 && dims[1] == ObjectLayout.Features;
        bool objects = dims.Length == 3 && dims[1] == ObjectLayout.Rows && dims[2] == ObjectLayout.Columns;
        if (!flat && !objects)
        {
            throw new InputDataException(path, dataset,
                $"shape ({string.Join(", ", dims)}) does not fit: expected (N, {ObjectLayout.Features}) or " +
                $"(N, {ObjectLayout.Rows}, {ObjectLayout.Columns})");
        }

        return dims[0] <= int.MaxValue / ObjectLayout.Features
            ? (int)dims[0]
            : throw new InputDataException(path, dataset, $"{dims[0]} events are more than one file can score");
    }

    private static float[] ReadFloats(string path, string dataset, IH5Dataset data)
    {
        if (data.Type.Class != H5DataTypeClass.FloatingPoint)
        {
            throw new InputDataException(path, dataset, $"holds {data.Type.Class} values, expected float32");
        }

        return data.Type.Size switch
        {
            4 => data.Read<float[]>(),
            8 => Array.ConvertAll(data.Read<double[]>(), v => (float)v),
            _ => throw new InputDataException(path, dataset, $"holds {data.Type.Size}-byte floats, expected float32"),
        };
    }
}
