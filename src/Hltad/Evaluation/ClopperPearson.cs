namespace Hltad.Evaluation;

/// <summary>
/// Clopper–Pearson intervals from effective counts, as the pileup efficiency uses them (SEMANTICS.md section 9).
/// </summary>
public static class ClopperPearson
{
    /// <summary>
    /// The central interval at confidence <paramref name="confidenceLevel"/> for a weighted efficiency:
    /// with α = 1 − CL and k = efficiency · n,
    /// lower = Beta⁻¹(α/2; k, n − k + 1) (0 when k = 0) and upper = Beta⁻¹(1 − α/2; k + 1, n − k)
    /// (1 when the efficiency is 1). k and n need not be integers.
    /// The inverse Beta is MathNet.Numerics' InvCDF polished to full relative precision (<see cref="InverseBeta"/>).
    /// </summary>
    /// <param name="efficiency">Weighted fraction passing, in [0, 1].</param>
    /// <param name="effectiveCount">n_eff = (Σw)² / Σw², &gt; 0.</param>
    /// <param name="confidenceLevel">E.g. 0.683.</param>
    /// <returns>(lower, upper).</returns>
    public static (double Lower, double Upper) Interval(
        double efficiency,
        double effectiveCount,
        double confidenceLevel)
    {
        if (!(efficiency >= 0 && efficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(efficiency), efficiency, "must be in [0, 1]");
        }

        if (!(effectiveCount > 0) || double.IsInfinity(effectiveCount))
        {
            throw new ArgumentOutOfRangeException(nameof(effectiveCount), effectiveCount, "must be > 0");
        }

        double alpha = 1 - confidenceLevel;
        double passing = efficiency * effectiveCount;
        double lower = passing == 0 ? 0 : InverseBeta.Quantile(passing, effectiveCount - passing + 1, alpha / 2);
        double upper = efficiency == 1 ? 1 : InverseBeta.Quantile(passing + 1, effectiveCount - passing, 1 - alpha / 2);
        return (lower, upper);
    }
}
