namespace Hltad.Reports;

/// <summary>
/// The five numbers of a box plot as matplotlib draws them: quartiles by linear interpolation between order
/// statistics (numpy's default percentile), whiskers at the most extreme values within 1.5 IQR of the box.
/// </summary>
internal sealed record BoxStatistics(double WhiskerLow, double Q1, double Median, double Q3, double WhiskerHigh)
{
    public static BoxStatistics? Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        double[] sorted = values.Order().ToArray();
        double q1 = Percentile(sorted, 0.25);
        double q3 = Percentile(sorted, 0.75);
        double reach = 1.5 * (q3 - q1);
        double low = sorted.First(v => v >= q1 - reach);
        double high = sorted.Last(v => v <= q3 + reach);
        return new BoxStatistics(low, q1, Percentile(sorted, 0.5), q3, high);
    }

    /// <summary>numpy's linear percentile: the value at rank p·(n − 1), interpolated.</summary>
    public static double Percentile(double[] sorted, double fraction)
    {
        double rank = fraction * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
