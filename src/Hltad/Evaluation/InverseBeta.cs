using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Hltad.Evaluation;

/// <summary>
/// The inverse of the regularized incomplete Beta function I_x(a, b) to full relative precision.
/// MathNet.Numerics' <see cref="Beta.InvCDF"/> is a root finder accurate to about 1e-12 absolute, which is not
/// enough for the small lower ends of pileup intervals (a quantile of 3e-17 came back as 5e-13); its answer is the
/// starting point of a bracketed Newton iteration in ln x on ln I_x(a, b) − ln p, which is exact for the power law
/// I ≈ C·x^a of the lower tail and converges quadratically elsewhere.
/// </summary>
internal static class InverseBeta
{
    private const int MaxIterations = 200;

    /// <summary>The x in (0, 1) with I_x(a, b) = p, for a, b &gt; 0 and 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double a, double b, double p)
    {
        double x = Math.Clamp(Beta.InvCDF(a, b, p), double.Epsilon, 1 - double.Epsilon / 2);
        double lo = 0;
        double hi = 1;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Where does x stand, and which side of the root is it on?
            double cdf = SpecialFunctions.BetaRegularized(a, b, x);
            if (cdf == p)
            {
                return x;
            }

            if (cdf < p)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            // Newton step in ln x: Δ ln x = −(ln I − ln p) / (d ln I / d ln x), d ln I / d ln x = x·pdf / I.
            double next = double.NaN;
            if (cdf > 0)
            {
                double slope = Math.Exp(Beta.PDFLn(a, b, x) + Math.Log(x) - Math.Log(cdf));
                next = x * Math.Exp(-(Math.Log(cdf) - Math.Log(p)) / slope);
            }

            // Outside the bracket (or no step): bisect, geometrically while the bracket spans decades.
            if (!(next > lo && next < hi))
            {
                next = lo > 0 && hi / lo > 4 ? Math.Sqrt(lo * hi) : lo > 0 ? (lo + hi) / 2 : hi / 1e3;
            }

            if (Math.Abs(next - x) <= 1e-15 * x)
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
