namespace Hltad.Evaluation;

/// <summary>
/// Mean and spread of one quantity over the ensemble members that have a value for it.
/// </summary>
/// <param name="Mean">Arithmetic mean; null when no member has a value.</param>
/// <param name="StandardDeviation">
/// Population standard deviation, √(Σ(x − mean)² / n) (numpy's default, ddof = 0): it describes the members at
/// hand and is 0, not undefined, for a single member. Null when no member has a value.
/// </param>
/// <param name="Count">Number of members that had a value (null values are left out).</param>
public sealed record SummaryStatistic(double? Mean, double? StandardDeviation, int Count)
{
    /// <summary>Summarises the non-null values.</summary>
    public static SummaryStatistic Of(IEnumerable<double?> values)
    {
        double[] present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        if (present.Length == 0)
        {
            return new SummaryStatistic(null, null, 0);
        }

        double mean = present.Sum() / present.Length;
        double squares = present.Sum(v => (v - mean) * (v - mean));
        return new SummaryStatistic(mean, Math.Sqrt(squares / present.Length), present.Length);
    }
}
