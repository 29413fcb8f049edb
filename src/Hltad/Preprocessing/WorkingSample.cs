using Hltad.Data;
using Hltad.Physics;

namespace Hltad.Preprocessing;

/// <summary>
/// The one copy preprocessing makes of an output sample's event arrays: gathered from the matched tags,
/// cleaned (steps 4–7) and then normalised and scaled in place.
/// </summary>
internal sealed class WorkingSample
{
    private const int Features = ObjectLayout.Features;

    /// <remarks>
    /// The arrays are not zeroed first: <see cref="Gather"/> writes every value of them (or throws).
    /// </remarks>
    private WorkingSample(OutputRows rows, bool objectMasks)
    {
        int length = checked(rows.Count * Features);
        Rows = rows;
        Hlt = GC.AllocateUninitializedArray<float>(length);
        L1 = GC.AllocateUninitializedArray<float>(length);
        HltMask = objectMasks ? GC.AllocateUninitializedArray<float>(length) : null;
        L1Mask = objectMasks ? GC.AllocateUninitializedArray<float>(length) : null;
    }

    public OutputRows Rows { get; }

    public float[] Hlt { get; }

    public float[] L1 { get; }

    public float[]? HltMask { get; }

    public float[]? L1Mask { get; }

    public float[] Values(ObjectType type) => type == ObjectType.Hlt ? Hlt : L1;

    /// <summary>
    /// Copies the sample's rows from the matched tags, applies steps 4–7 and, for the <c>objects</c> mask,
    /// records which object rows are present; non-finite values left after step 7 are an error.
    /// </summary>
    /// <exception cref="InputDataException">
    /// A NaN or infinite value survives step 7 (the first one in output order).
    /// </exception>
    public static WorkingSample Gather(
        OutputRows rows,
        IReadOnlyList<string> tags,
        IReadOnlyList<MatchedSample> sources,
        PreprocessOptions options,
        CancellationToken cancellationToken)
    {
        var sample = new WorkingSample(rows, options.Mask == LossMaskKind.Objects);
        var firstBad = new NonFinite?[EventChunks.Count(rows.Count)];
        EventChunks.ForEach(rows.Count, options.MaxDegreeOfParallelism, cancellationToken, (chunk, first, end) =>
        {
            for (int i = first; i < end && firstBad[chunk] is null; i++)
            {
                MatchedSample source = sources[rows.SourceTags[i]];
                int row = (int)rows.SourceRows[i];
                firstBad[chunk] = sample.Clean(i, ObjectType.Hlt, source.Hlt.Event(row))
                    ?? sample.Clean(i, ObjectType.L1, source.L1.Event(row));
            }
        });

        NonFinite? bad = firstBad.FirstOrDefault(b => b is not null);
        if (bad is { } found)
        {
            throw found.ToException(rows, tags);
        }

        return sample;
    }

    /// <summary>The finished sample with the per-event quantities of its rows.</summary>
    public PreprocessedSample ToPreprocessed(IReadOnlyList<MatchedSample> sources, IReadOnlyList<bool[]> seeded)
    {
        int count = Rows.Count;
        var passL1 = new bool[count];
        var passHlt = new bool[count];
        var l1Seeded = new bool[count];
        var weights = new double[count];
        var scores = new float[count];
        bool withPileups = count > 0 && Rows.SourceTags.Distinct().All(code => sources[code].Pileups is not null);
        float[]? pileups = withPileups ? new float[count] : null;
        for (int i = 0; i < count; i++)
        {
            int code = Rows.SourceTags[i];
            int row = (int)Rows.SourceRows[i];
            MatchedSample source = sources[code];
            passL1[i] = source.PassL1[row];
            passHlt[i] = source.PassHlt[row];
            l1Seeded[i] = seeded[code][row];
            weights[i] = source.Weights[row];
            scores[i] = source.L1adScores[row];
            if (pileups is not null)
            {
                pileups[i] = source.Pileups![row];
            }
        }

        return new PreprocessedSample
        {
            Tag = Rows.Tag,
            Hlt = Hlt,
            L1 = L1,
            HltObjectMask = HltMask,
            L1ObjectMask = L1Mask,
            PassL1 = passL1,
            PassHlt = passHlt,
            L1Seeded = l1Seeded,
            Weights = weights,
            L1adScores = scores,
            Pileups = pileups,
            SourceTag = Rows.SourceTags,
            SourceRow = Rows.SourceRows,
        };
    }

    private NonFinite? Clean(int index, ObjectType type, ReadOnlySpan<float> raw)
    {
        Span<float> values = Values(type).AsSpan(index * Features, Features);
        raw.CopyTo(values);
        EventCleaning.Apply(values, type);

        float[]? mask = type == ObjectType.Hlt ? HltMask : L1Mask;
        if (mask is not null)
        {
            Span<float> eventMask = mask.AsSpan(index * Features, Features);
            for (int row = 0; row < ObjectLayout.Rows; row++)
            {
                float present = values[row * ObjectLayout.Columns + ObjectLayout.PtColumn] != 0 ? 1 : 0;
                eventMask.Slice(row * ObjectLayout.Columns, ObjectLayout.Columns).Fill(present);
            }
        }

        int column = FirstNonFinite(values);
        return column < 0 ? null : new NonFinite(index, type, column, values[column]);
    }

    private static int FirstNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A NaN or infinite value at an output row, object type and flat index (0–47).</summary>
    private readonly record struct NonFinite(int Index, ObjectType Type, int Value, float Found)
    {
        public InputDataException ToException(OutputRows rows, IReadOnlyList<string> tags)
        {
            string tag = tags[rows.SourceTags[Index]];
            int row = Value / ObjectLayout.Columns;
            string column = (Value % ObjectLayout.Columns) switch
            {
                ObjectLayout.PtColumn => "pt",
                ObjectLayout.EtaColumn => "eta",
                _ => "phi",
            };
            return new InputDataException(
                $"matched tag '{tag}'",
                Type == ObjectType.Hlt ? "HLT_data" : "L1_data",
                $"event {rows.SourceRows[Index]}: {EventCleaning.RowName(Type, row)} {column} (column {Value} of 48) "
                + $"is {Found} after preprocessing steps 4–7; NaN and infinite values would reach the networks, "
                + "so preprocessing stops");
        }
    }
}
