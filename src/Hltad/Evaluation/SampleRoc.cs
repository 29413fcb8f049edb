namespace Hltad.Evaluation;

/// <summary>A sample's ROC summary under one seeding scheme (SEMANTICS.md section 9).</summary>
/// <param name="Auc">Trapezoid area under the full curve; null when the sample has no event in the mask.</param>
/// <param name="SignalEfficiency">
/// TPR of the point whose FPR is closest to FPR* (tie: the higher score); null as for <paramref name="Auc"/>.
/// </param>
/// <param name="Curve">
/// The full curve, kept in memory for plots; not written to results.json (null when read back).
/// </param>
public sealed record SampleRoc(double? Auc, double? SignalEfficiency, RocCurve? Curve)
{
    /// <summary>The result for a sample with no event inside the mask.</summary>
    public static SampleRoc Empty { get; } = new(null, null, null);

    /// <summary>Summarises a curve at the working point <paramref name="targetFpr"/>.</summary>
    public static SampleRoc At(RocCurve? curve, double targetFpr)
    {
        if (curve is null)
        {
            return Empty;
        }

        int point = curve.NearestPoint(targetFpr);
        return new SampleRoc(curve.Area(), curve.TruePositiveRates[point], curve);
    }
}
