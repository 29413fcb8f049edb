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
        ReadOnlySpan<bool> signalMask)
    {
        // Gather the events inside the masks, keyed by negated score so that an ascending sort walks down.
        int count = CountTrue(backgroundMask) + CountTrue(signalMask);
        var keys = new float[count];
        var weights = new double[count];
        var isSignal = new bool[count];
        int next = Gather(backgroundScores, backgroundWeights, backgroundMask, false, keys, weights, isSignal, 0);
        Gather(signalScores, signalWeights, signalMask, true, keys, weights, isSignal, next);
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);

        // Cumulative weights at the end of each tie group of levels.
        var backgroundCumulative = new List<double> { 0 };
        var signalCumulative = new List<double> { 0 };
        var levels = new List<float> { float.PositiveInfinity };
        double background = 0;
        double signal = 0;
        for (int first = 0; first < count;)
        {
            float key = keys[first];
            int end = first;
            for (; end < count && keys[end] == key; end++)
            {
                int row = order[end];
                if (isSignal[row])
                {
                    signal += weights[row];
                }
                else
                {
                    background += weights[row];
                }
            }

            backgroundCumulative.Add(background);
            signalCumulative.Add(signal);
            levels.Add(-key);
            first = end;
        }

        if (!(background > 0))
        {
            throw new HltadException("ROC curve: the background has no weight inside the seed mask");
        }

        if (!(signal > 0))
        {
            return null;
        }

        return new RocCurve(
            backgroundCumulative.Select(b => b / background).ToArray(),
            signalCumulative.Select(s => s / signal).ToArray(),
            levels.ToArray());
    }

    private static int CountTrue(ReadOnlySpan<bool> mask)
    {
        int count = 0;
        foreach (bool inside in mask)
        {
            count += inside ? 1 : 0;
        }

        return count;
    }

    private static int Gather(
        ReadOnlySpan<float> scores,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<bool> mask,
        bool label,
        float[] keys,
        double[] gatheredWeights,
        bool[] labels,
        int next)
    {
        if (scores.Length != mask.Length || weights.Length != mask.Length)
        {
            throw new ArgumentException("scores, weights and mask differ in length");
        }

        for (int i = 0; i < mask.Length; i++)
        {
            if (!mask[i])
            {
                continue;
            }

            keys[next] = -scores[i];
            gatheredWeights[next] = weights[i];
            labels[next] = label;
            next++;
        }

        return next;
    }
}
