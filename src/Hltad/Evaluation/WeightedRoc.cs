namespace Hltad.Evaluation;

/// <summary>Builds the weighted ROC curves of SEMANTICS.md section 9.</summary>
public static class WeightedRoc
{
    /// <summary>
    /// The ROC curve of signal (label 1) against background (label 0), each event with its weight, over the
    /// events inside the given masks. One point per distinct score among both sets, none dropped.
    /// </summary>
    /// <param name="backgroundScores">Background scores, finite.</param>
    /// <param name="backgroundWeights">Background weights, finite and ≥ 0.</param>
    /// <param name="backgroundMask">Background events inside the scheme's seed mask.</param>
    /// <param name="signalScores">Signal scores, finite.</param>
    /// <param name="signalWeights">Signal weights, finite and ≥ 0.</param>
    /// <param name="signalMask">Signal events inside the scheme's seed mask.</param>
    /// <returns>The curve, or null when no signal weight lies inside the mask (no AUC, no efficiency).</returns>
    /// <exception cref="HltadException">No background weight lies inside the mask.</exception>
    public static RocCurve? Build(
        ReadOnlySpan<float> backgroundScores,
        ReadOnlySpan<double> backgroundWeights,
        ReadOnlySpan<bool> backgroundMask,
        ReadOnlySpan<float> signalScores,
        ReadOnlySpan<double> signalWeights,
        ReadOnlySpan<bool> signalMask) =>
        Build(
            RankedEvents.Of(backgroundScores, backgroundWeights, backgroundMask),
            RankedEvents.Of(signalScores, signalWeights, signalMask));

    /// <summary>
    /// The curve from events already ranked by decreasing score, so that one background ranking serves every
    /// sample: a merge of the two rankings, one point at the end of each run of equal scores.
    /// </summary>
    internal static RocCurve? Build(RankedEvents background, RankedEvents signal)
    {
        var backgroundCumulative = new List<double> { 0 };
        var signalCumulative = new List<double> { 0 };
        var levels = new List<float> { float.PositiveInfinity };
        double backgroundWeight = 0;
        double signalWeight = 0;
        int b = 0;
        int s = 0;
        while (b < background.Count || s < signal.Count)
        {
            // The next level is the higher of the two next scores; take every event of either set at it.
            float level = b == background.Count ? signal.Scores[s]
                : s == signal.Count ? background.Scores[b]
                : Math.Max(background.Scores[b], signal.Scores[s]);
            for (; b < background.Count && background.Scores[b] == level; b++)
            {
                backgroundWeight += background.Weights[b];
            }

            for (; s < signal.Count && signal.Scores[s] == level; s++)
            {
                signalWeight += signal.Weights[s];
            }

            backgroundCumulative.Add(backgroundWeight);
            signalCumulative.Add(signalWeight);
            levels.Add(level);
        }

        if (!(backgroundWeight > 0))
        {
            throw new HltadException("ROC curve: the background has no weight inside the seed mask");
        }

        if (!(signalWeight > 0))
        {
            return null;
        }

        return new RocCurve(
            backgroundCumulative.Select(w => w / backgroundWeight).ToArray(),
            signalCumulative.Select(w => w / signalWeight).ToArray(),
            levels.ToArray());
    }
}
