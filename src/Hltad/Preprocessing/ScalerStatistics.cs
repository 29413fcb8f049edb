using Hltad.Physics;

namespace Hltad.Preprocessing;

/// <summary>
/// Per-column scaler of the flattened (N, 48) inputs (SEMANTICS.md section 6 step 10), fitted in float64:
/// <c>x → (x − Mean[c]) / Std[c]</c>, rounded once to float32. The zero-aware variant fits and transforms only
/// the non-zero entries (zeros stay 0).
/// </summary>
/// <param name="Mean">48 column means (over non-zero entries when zero-aware; 0 for a column without any).</param>
/// <param name="Std">
/// 48 population standard deviations √(Σ(x − mean)² / n); 1 for a constant column (all fitted values equal,
/// decided
/// by min = max, whose mean is then that value so it maps to exactly 0) and for a column with no entries.
/// </param>
/// <param name="ZeroAware">True for <c>ZeroAwareStandardScaler</c>.</param>
public sealed record ScalerStatistics(double[] Mean, double[] Std, bool ZeroAware)
{
    /// <summary>Fits the scaler on the rows of a flattened (N, 48) array.</summary>
    /// <param name="values">N × 48 values, event-major.</param>
    /// <param name="zeroAware">Fit on the non-zero entries only.</param>
    /// <param name="maxDegreeOfParallelism">Threads; the result does not depend on it.</param>
    /// <param name="cancellationToken">Stops between chunks of events.</param>
    /// <exception cref="HltadException">No rows to fit on.</exception>
    public static ScalerStatistics Fit(
        float[] values,
        bool zeroAware,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        const int columns = ObjectLayout.Features;
        int events = values.Length / columns;
        if (events == 0)
        {
            throw new HltadException("cannot fit a scaler on an empty training set");
        }

        // First pass: count, sum, min and max of every column, per chunk, combined in chunk order.
        int chunks = EventChunks.Count(events);
        var moments = new ColumnMoments[chunks];
        EventChunks.ForEach(events, maxDegreeOfParallelism, cancellationToken, (chunk, first, end) =>
            moments[chunk] = ColumnMoments.Of(values, first, end, zeroAware));
        ColumnMoments total = ColumnMoments.Combine(moments);

        var mean = new double[columns];
        var constant = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            constant[c] = total.Count[c] == 0 || total.Min[c] == total.Max[c];
            mean[c] = total.Count[c] == 0 ? 0 : constant[c] ? total.Min[c] : total.Sum[c] / total.Count[c];
        }

        // Second pass: Σ(x − mean)² per column, the same way.
        var squares = new double[chunks][];
        EventChunks.ForEach(events, maxDegreeOfParallelism, cancellationToken, (chunk, first, end) =>
            squares[chunk] = SquaredDeviations(values, first, end, mean, zeroAware));
        var std = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            foreach (double[] part in squares)
            {
                sum += part[c];
            }

            std[c] = constant[c] ? 1 : Math.Sqrt(sum / total.Count[c]);
        }

        return new ScalerStatistics(mean, std, zeroAware);
    }

    /// <summary>Transforms the rows of a flattened (N, 48) array in place.</summary>
    public void Apply(float[] values, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        int events = values.Length / ObjectLayout.Features;
        EventChunks.ForEach(events, maxDegreeOfParallelism, cancellationToken, (_, first, end) =>
        {
            for (int i = first; i < end; i++)
            {
                ApplyToEvent(values.AsSpan(i * ObjectLayout.Features, ObjectLayout.Features));
            }
        });
    }

    /// <summary>Transforms the 48 numbers of one event in place.</summary>
    public void ApplyToEvent(Span<float> values)
    {
        for (int c = 0; c < ObjectLayout.Features; c++)
        {
            if (!ZeroAware || values[c] != 0)
            {
                values[c] = (float)((values[c] - Mean[c]) / Std[c]);
            }
        }
    }

    private static double[] SquaredDeviations(float[] values, int first, int end, double[] mean, bool zeroAware)
    {
        var sums = new double[ObjectLayout.Features];
        for (int i = first; i < end; i++)
        {
            ReadOnlySpan<float> row = values.AsSpan(i * ObjectLayout.Features, ObjectLayout.Features);
            for (int c = 0; c < ObjectLayout.Features; c++)
            {
                if (!zeroAware || row[c] != 0)
                {
                    double deviation = row[c] - mean[c];
                    sums[c] += deviation * deviation;
                }
            }
        }

        return sums;
    }

    /// <summary>Count, sum, min and max per column over a range of events.</summary>
    private sealed class ColumnMoments
    {
        public long[] Count { get; } = new long[ObjectLayout.Features];

        public double[] Sum { get; } = new double[ObjectLayout.Features];

        public double[] Min { get; } = Filled(double.PositiveInfinity);

        public double[] Max { get; } = Filled(double.NegativeInfinity);

        public static ColumnMoments Of(float[] values, int first, int end, bool zeroAware)
        {
            var moments = new ColumnMoments();
            for (int i = first; i < end; i++)
            {
                ReadOnlySpan<float> row = values.AsSpan(i * ObjectLayout.Features, ObjectLayout.Features);
                for (int c = 0; c < ObjectLayout.Features; c++)
                {
                    double x = row[c];
                    if (zeroAware && x == 0)
                    {
                        continue;
                    }

                    moments.Count[c]++;
                    moments.Sum[c] += x;
                    moments.Min[c] = Math.Min(moments.Min[c], x);
                    moments.Max[c] = Math.Max(moments.Max[c], x);
                }
            }

            return moments;
        }

        public static ColumnMoments Combine(IEnumerable<ColumnMoments> parts)
        {
            var total = new ColumnMoments();
            foreach (ColumnMoments part in parts)
            {
                for (int c = 0; c < ObjectLayout.Features; c++)
                {
                    total.Count[c] += part.Count[c];
                    total.Sum[c] += part.Sum[c];
                    total.Min[c] = Math.Min(total.Min[c], part.Min[c]);
                    total.Max[c] = Math.Max(total.Max[c], part.Max[c]);
                }
            }

            return total;
        }

        private static double[] Filled(double value)
        {
            var array = new double[ObjectLayout.Features];
            Array.Fill(array, value);
            return array;
        }
    }
}
