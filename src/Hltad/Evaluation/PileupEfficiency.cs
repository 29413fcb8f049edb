using Hltad.Physics;

namespace Hltad.Evaluation;

/// <summary>
/// Weighted fraction of anomalous background events in bins of pileup, with Clopper–Pearson intervals from
/// effective counts (SEMANTICS.md section 9, L1-seeded scheme).
/// </summary>
/// <param name="Edges">Bin edges, one more than bins: lo + i·(hi − lo)/bins, the last exactly hi.</param>
/// <param name="Efficiency">Σ w·anomalous / Σ w per bin; null for a bin without weight.</param>
/// <param name="Lower">Lower end of the interval per bin; null for an empty bin.</param>
/// <param name="Upper">Upper end of the interval per bin; null for an empty bin.</param>
public sealed record PileupEfficiency(double[] Edges, double?[] Efficiency, double?[] Lower, double?[] Upper)
{
    /// <summary>Number of bins.</summary>
    public int Bins => Efficiency.Length;

    /// <summary>
    /// Histograms the included events: bins = <see cref="PhysicsConstants.PileupBins"/> equal bins from
    /// min(non-zero mu) − margin to max(mu) + margin, taken over the included events; an event belongs to bin i
    /// when edge[i] ≤ mu &lt; edge[i + 1] (the last bin also takes mu = hi); events outside are left out.
    /// Per bin n_eff = (Σw)² / Σw² and the interval is <see cref="ClopperPearson.Interval"/>.
    /// </summary>
    /// <param name="pileups">Pileup per event.</param>
    /// <param name="weights">Event weights.</param>
    /// <param name="anomalous">HLTAD decision per event.</param>
    /// <param name="include">Events to histogram (e.g. L1Seeded background events).</param>
    /// <param name="bins">Number of bins.</param>
    /// <param name="margin">Margin in mu below and above the range.</param>
    /// <param name="confidenceLevel">Confidence level of the intervals.</param>
    /// <returns>The histogram, or null when no included event has a non-zero pileup.</returns>
    public static PileupEfficiency? Compute(
        ReadOnlySpan<float> pileups,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<bool> anomalous,
        ReadOnlySpan<bool> include,
        int bins = PhysicsConstants.PileupBins,
        double margin = PhysicsConstants.PileupMargin,
        double confidenceLevel = PhysicsConstants.PileupConfidenceLevel)
    {
        if (weights.Length != pileups.Length || anomalous.Length != pileups.Length || include.Length != pileups.Length)
        {
            throw new ArgumentException("pileups, weights and masks differ in length");
        }

        // Range of the included events' pileup.
        double minNonZero = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        for (int i = 0; i < pileups.Length; i++)
        {
            if (include[i])
            {
                double mu = pileups[i];
                max = Math.Max(max, mu);
                if (mu != 0)
                {
                    minNonZero = Math.Min(minNonZero, mu);
                }
            }
        }

        if (double.IsPositiveInfinity(minNonZero))
        {
            return null;
        }

        double[] edges = BinEdges(minNonZero - margin, max + margin, bins);

        // Weight sums per bin.
        var sum = new double[bins];
        var sumSquares = new double[bins];
        var passing = new double[bins];
        for (int i = 0; i < pileups.Length; i++)
        {
            int bin = include[i] ? BinOf(edges, pileups[i]) : -1;
            if (bin < 0)
            {
                continue;
            }

            double w = weights[i];
            sum[bin] += w;
            sumSquares[bin] += w * w;
            passing[bin] += anomalous[i] ? w : 0;
        }

        return FromSums(edges, sum, sumSquares, passing, confidenceLevel);
    }

    private static PileupEfficiency FromSums(
        double[] edges,
        double[] sum,
        double[] sumSquares,
        double[] passing,
        double confidenceLevel)
    {
        int bins = sum.Length;
        var efficiency = new double?[bins];
        var lower = new double?[bins];
        var upper = new double?[bins];
        for (int b = 0; b < bins; b++)
        {
            if (!(sum[b] > 0))
            {
                continue;
            }

            double fraction = passing[b] / sum[b];
            double effectiveCount = sum[b] * sum[b] / sumSquares[b];
            (double lo, double hi) = ClopperPearson.Interval(fraction, effectiveCount, confidenceLevel);
            efficiency[b] = fraction;
            lower[b] = lo;
            upper[b] = hi;
        }

        return new PileupEfficiency(edges, efficiency, lower, upper);
    }

    private static double[] BinEdges(double lo, double hi, int bins)
    {
        var edges = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int i = 0; i < bins; i++)
        {
            edges[i] = i * step + lo;
        }

        edges[bins] = hi;
        return edges;
    }

    private static int BinOf(double[] edges, double mu)
    {
        int bins = edges.Length - 1;
        if (!(mu >= edges[0] && mu <= edges[bins]))
        {
            return -1;
        }

        // Largest i with edges[i] ≤ mu, capped at the last bin.
        int low = 0;
        int high = bins;
        while (high - low > 1)
        {
            int middle = (low + high) / 2;
            if (edges[middle] <= mu)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
