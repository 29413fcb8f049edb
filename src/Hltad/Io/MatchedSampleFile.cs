using Hltad.Data;
using Hltad.Physics;

namespace Hltad.Io;

/// <summary>
/// The per-tag matched dataset file <c>&lt;tag&gt;.h5</c> (SEMANTICS.md section 4): <c>HLT_data</c>,
/// <c>L1_data</c> (N, 16, 3) float32; <c>passL1</c>, <c>passHLT</c> bool (h5py bool); <c>weights</c> float64;
/// <c>topo2A_AD_scores</c> float32; and for EB only <c>run_numbers</c>, <c>event_numbers</c> int64 and
/// <c>pileups</c> float32. Nothing else is stored; the tag is the file name without <c>.h5</c>.
/// </summary>
public static class MatchedSampleFile
{
    public const string HltData = "HLT_data";
    public const string L1Data = "L1_data";
    public const string PassL1 = "passL1";
    public const string PassHlt = "passHLT";
    public const string Weights = "weights";
    public const string L1adScores = "topo2A_AD_scores";
    public const string RunNumbers = "run_numbers";
    public const string EventNumbers = "event_numbers";
    public const string Pileups = "pileups";

    /// <summary>
    /// Writes <paramref name="sample"/> to <paramref name="path"/> atomically (temporary name, then rename).
    /// </summary>
    public static void Write(string path, MatchedSample sample)
    {
        using var pending = WritePending(path, sample);
        pending.Commit();
    }

    /// <summary>Writes <paramref name="sample"/> under a temporary name; the caller commits it.</summary>
    public static PendingFile WritePending(string path, MatchedSample sample) =>
        Hdf5Writer.WritePending(path, Contents(sample));

    /// <summary>The datasets of <paramref name="sample"/> as they are stored.</summary>
    public static Hdf5Datasets Contents(MatchedSample sample)
    {
        long n = sample.Count;
        CheckLengths(sample);
        var contents = new Hdf5Datasets()
            .Add(HltData, sample.Hlt.Values, n, ObjectLayout.Rows, ObjectLayout.Columns)
            .Add(L1Data, sample.L1.Values, n, ObjectLayout.Rows, ObjectLayout.Columns)
            .Add(PassL1, sample.PassL1)
            .Add(PassHlt, sample.PassHlt)
            .Add(Weights, sample.Weights)
            .Add(L1adScores, sample.L1adScores);
        if (sample.RunNumbers is not null)
        {
            contents.Add(RunNumbers, sample.RunNumbers);
        }

        if (sample.EventNumbers is not null)
        {
            contents.Add(EventNumbers, sample.EventNumbers);
        }

        if (sample.Pileups is not null)
        {
            contents.Add(Pileups, sample.Pileups);
        }

        return contents;
    }

    /// <summary>Reads a matched sample file; the EB-only datasets are read when present.</summary>
    /// <exception cref="InputDataException">The file or a dataset is missing, or a shape does not fit.</exception>
    public static MatchedSample Read(string path)
    {
        using var file = Hdf5Reader.Open(path);
        int n = EventArraysCount(file, HltData, -1);
        EventArraysCount(file, L1Data, n);
        float[] hlt = file.ReadFloat32(HltData);
        float[] l1 = file.ReadFloat32(L1Data);
        return new MatchedSample
        {
            Tag = System.IO.Path.GetFileNameWithoutExtension(path),
            Hlt = new EventArrays(n, hlt),
            L1 = new EventArrays(n, l1),
            PassL1 = Vector(file, PassL1, n, file.ReadBool),
            PassHlt = Vector(file, PassHlt, n, file.ReadBool),
            Weights = Vector(file, Weights, n, file.ReadFloat64),
            L1adScores = Vector(file, L1adScores, n, file.ReadFloat32),
            RunNumbers = Optional(file, RunNumbers, n, file.ReadInt64),
            EventNumbers = Optional(file, EventNumbers, n, file.ReadInt64),
            Pileups = Optional(file, Pileups, n, file.ReadFloat32),
        };
    }

    private static int EventArraysCount(Hdf5Reader file, string dataset, int expected)
    {
        long[] shape = file.Shape(dataset);
        if (shape.Length != 3 || shape[1] != ObjectLayout.Rows || shape[2] != ObjectLayout.Columns)
        {
            throw new InputDataException(
                file.Path, dataset, $"has shape ({string.Join(", ", shape)}), expected (N, 16, 3)");
        }

        if (expected >= 0 && shape[0] != expected)
        {
            throw new InputDataException(file.Path, dataset, $"has {shape[0]} events but '{HltData}' has {expected}");
        }

        return checked((int)shape[0]);
    }

    private static T[] Vector<T>(Hdf5Reader file, string dataset, int n, Func<string, T[]> read)
    {
        long[] shape = file.Shape(dataset);
        if (shape.Length != 1 || shape[0] != n)
        {
            throw new InputDataException(
                file.Path, dataset, $"has shape ({string.Join(", ", shape)}), expected ({n},)");
        }

        return read(dataset);
    }

    private static T[]? Optional<T>(Hdf5Reader file, string dataset, int n, Func<string, T[]> read) =>
        file.Contains(dataset) ? Vector(file, dataset, n, read) : null;

    private static void CheckLengths(MatchedSample sample)
    {
        int n = sample.Count;
        bool fits = sample.Hlt.Count == n && sample.L1.Count == n && sample.PassL1.Length == n
            && sample.PassHlt.Length == n && sample.L1adScores.Length == n
            && (sample.RunNumbers?.Length ?? n) == n && (sample.EventNumbers?.Length ?? n) == n
            && (sample.Pileups?.Length ?? n) == n;
        if (!fits)
        {
            throw new ArgumentException(
                $"matched sample '{sample.Tag}': arrays are not all of length {n}", nameof(sample));
        }
    }
}
