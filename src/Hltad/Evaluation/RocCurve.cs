namespace Hltad.Evaluation;

/// <summary>
/// A weighted ROC curve with every point kept (SEMANTICS.md section 9): point 0 is (0, 0) at level +∞,
/// then one point per distinct score in decreasing order, where every event with score ≥ the level counts;
/// the last point is (1, 1).
/// </summary>
/// <param name="FalsePositiveRates">Background weight at or above each level / total background weight.</param>
/// <param name="TruePositiveRates">Signal weight at or above each level / total signal weight.</param>
/// <param name="Levels">The score level of each point (+∞ for the first).</param>
public sealed record RocCurve(double[] FalsePositiveRates, double[] TruePositiveRates, float[] Levels)
{
    /// <summary>Number of points.</summary>
    public int Count => Levels.Length;

    /// <summary>Area under the curve by the trapezoid rule over all points: Σ (x₊ − x)(y₊ + y)/2.</summary>
    public double Area()
    {
        double area = 0;
        for (int i = 1; i < FalsePositiveRates.Length; i++)
        {
            area += (FalsePositiveRates[i] - FalsePositiveRates[i - 1])
                * (TruePositiveRates[i] + TruePositiveRates[i - 1]) / 2;
        }

        return area;
    }

    /// <summary>
    /// Index of the point whose FPR is closest to <paramref name="falsePositiveRate"/>; on a tie the point
    /// with the higher score level (the earlier point) wins.
    /// </summary>
    public int NearestPoint(double falsePositiveRate)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < FalsePositiveRates.Length; i++)
        {
            double distance = Math.Abs(FalsePositiveRates[i] - falsePositiveRate);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }
}
