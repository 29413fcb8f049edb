using Hltad.Data;
using Hltad.Physics;

namespace Hltad.Io;

/// <summary>
/// One preprocessed sample as <c>&lt;tag&gt;.h5</c> (issue "preprocess"): <c>HLT_data</c>, <c>L1_data</c>
/// (N, 48) float32; <c>passL1</c>, <c>passHLT</c>, <c>L1Seeded</c> bool; <c>weights</c> float64;
/// <c>topo2A_AD_scores</c> float32; <c>pileups</c> float32 where known; <c>source_tag</c> int32 and
/// <c>source_row</c> int64 (where each row came from, codes in preprocess_info.json); optional
/// <c>HLT_object_mask</c>, <c>L1_object_mask</c> (N, 48) float32 for <c>mask = objects</c>.
/// The tag is the file attribute <c>tag</c>.
/// </summary>
public static class PreprocessedSampleFile
{
    public const string HltData = "HLT_data";
    public const string L1Data = "L1_data";
    public const string PassL1 = "passL1";
    public const string PassHlt = "passHLT";
    public const string L1Seeded = "L1Seeded";
    public const string Weights = "weights";
    public const string L1adScores = "topo2A_AD_scores";
    public const string Pileups = "pileups";
    public const string SourceTag = "source_tag";
    public const string SourceRow = "source_row";
    public const string HltObjectMask = "HLT_object_mask";
    public const string L1ObjectMask = "L1_object_mask";
    public const string TagAttribute = "tag";

    /// <summary>The datasets of <paramref name="sample"/>, ready for <see cref="Hdf5Writer"/>.</summary>
    public static Hdf5Datasets Contents(PreprocessedSample sample)
    {
        long n = sample.Count;
        var contents = new Hdf5Datasets()
            .Add(HltData, sample.Hlt, n, ObjectLayout.Features)
            .Add(L1Data, sample.L1, n, ObjectLayout.Features)
            .Add(PassL1, sample.PassL1, n)
            .Add(PassHlt, sample.PassHlt, n)
            .Add(L1Seeded, sample.L1Seeded, n)
            .Add(Weights, sample.Weights, n)
            .Add(L1adScores, sample.L1adScores, n)
            .Add(SourceTag, sample.SourceTag, n)
            .Add(SourceRow, sample.SourceRow, n)
            .AddAttribute(TagAttribute, sample.Tag);
        if (sample.Pileups is not null)
        {
            contents.Add(Pileups, sample.Pileups, n);
        }

        if (sample.HltObjectMask is not null)
        {
            contents.Add(HltObjectMask, sample.HltObjectMask, n, ObjectLayout.Features);
        }

        if (sample.L1ObjectMask is not null)
        {
            contents.Add(L1ObjectMask, sample.L1ObjectMask, n, ObjectLayout.Features);
        }

        return contents;
    }

    /// <summary>Writes <paramref name="sample"/> to a temporary name beside <paramref name="path"/>.</summary>
    public static PendingFile WritePending(string path, PreprocessedSample sample) =>
        Hdf5Writer.WritePending(path, Contents(sample));

    /// <summary>Reads a file written by <see cref="Contents"/>; the tag defaults to the file name.</summary>
    /// <exception cref="InputDataException">A dataset is missing or of the wrong shape.</exception>
    public static PreprocessedSample Read(string path)
    {
        using Hdf5Reader reader = Hdf5Reader.Open(path);
        float[] hlt = ReadEvents(reader, HltData);
        int count = hlt.Length / ObjectLayout.Features;

        T[] Rows<T>(string name, Func<string, T[]> read)
        {
            T[] values = read(name);
            if (values.Length != count)
            {
                throw new InputDataException(path, name, $"has {values.Length} rows, {HltData} has {count}");
            }

            return values;
        }

        float[]? OptionalEvents(string name) => reader.Contains(name) ? ReadEvents(reader, name, count) : null;

        return new PreprocessedSample
        {
            Tag = reader.StringAttribute(TagAttribute) ?? Path.GetFileNameWithoutExtension(path),
            Hlt = hlt,
            L1 = ReadEvents(reader, L1Data, count),
            PassL1 = Rows(PassL1, reader.ReadBool),
            PassHlt = Rows(PassHlt, reader.ReadBool),
            L1Seeded = Rows(L1Seeded, reader.ReadBool),
            Weights = Rows(Weights, reader.ReadFloat64),
            L1adScores = Rows(L1adScores, reader.ReadFloat32),
            Pileups = reader.Contains(Pileups) ? Rows(Pileups, reader.ReadFloat32) : null,
            SourceTag = Rows(SourceTag, reader.ReadInt32),
            SourceRow = Rows(SourceRow, reader.ReadInt64),
            HltObjectMask = OptionalEvents(HltObjectMask),
            L1ObjectMask = OptionalEvents(L1ObjectMask),
        };
    }

    private static float[] ReadEvents(Hdf5Reader reader, string name, int? expectedCount = null)
    {
        long[] shape = reader.Shape(name);
        if (shape.Length != 2 || shape[1] != ObjectLayout.Features)
        {
            throw new InputDataException(reader.Path, name,
                $"expected shape (N, {ObjectLayout.Features}), found ({string.Join(", ", shape)})");
        }

        if (expectedCount is int count && shape[0] != count)
        {
            throw new InputDataException(reader.Path, name, $"has {shape[0]} rows, {HltData} has {count}");
        }

        return reader.ReadFloat32(name);
    }
}
