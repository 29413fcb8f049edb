namespace Hltad.Rates;

/// <summary>
/// <c>find_threshold</c> of SEMANTICS.md section 5: the highest score level whose pure rate reaches a target.
/// </summary>
public static class ThresholdFinder
{
    /// <summary>
    /// Finds the highest level t among the events' scores whose pure rate
    /// <c>Σ w·[score ≥ t and not pass] · incoming / Σ w</c> is ≥ <paramref name="targetRateHz"/>.
    /// Ties are complete: every event whose score equals t counts, independent of order.
    /// </summary>
    /// <param name="what">Names the threshold in error messages (e.g. "L1AD threshold").</param>
    /// <param name="scores">Per-event scores; must be finite.</param>
    /// <param name="weights">Per-event weights; finite and ≥ 0, with a positive sum.</param>
    /// <param name="passMenu">Whether the existing menu accepts the event (such events add no pure rate).</param>
    /// <param name="targetRateHz">The pure-rate budget, &gt; 0.</param>
    /// <param name="incomingRateHz">Rate of the stream the events sample, &gt; 0.</param>
    /// <param name="include">Optional subset of the events to use; empty means all.</param>
    /// <exception cref="ImpossibleRateException">No level reaches the target; carries the largest reachable
    /// rate.</exception>
    /// <exception cref="HltadException">Empty selection, bad weights, NaN scores or a non-positive rate.</exception>
    public static RateThreshold Find(
        string what,
        ReadOnlySpan<float> scores,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<bool> passMenu,
        double targetRateHz,
        double incomingRateHz,
        ReadOnlySpan<bool> include = default)
    {
        if (scores.Length != weights.Length || scores.Length != passMenu.Length
            || (!include.IsEmpty && include.Length != scores.Length))
        {
            throw new ArgumentException($"{what}: scores, weights and masks differ in length");
        }

        if (!(targetRateHz > 0) || double.IsInfinity(targetRateHz))
        {
            throw new HltadException($"{what}: the target rate must be a positive number of Hz, got {targetRateHz}");
        }

        if (!(incomingRateHz > 0) || double.IsInfinity(incomingRateHz))
        {
            throw new HltadException(
                $"{what}: the incoming rate must be a positive number of Hz, got {incomingRateHz}");
        }

        // Which events take part, and is their weight usable?
        int[] order = SelectAndValidate(what, scores, weights, include, out double weightSum);

        // Walk the score levels from the highest down, adding each level's tied events at once.
        var descending = new float[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            descending[i] = -scores[order[i]];
        }

        Array.Sort(descending, order);
        double pureWeight = 0;
        double totalWeight = 0;
        int first = 0;
        while (first < order.Length)
        {
            float level = scores[order[first]];
            int end = first;
            while (end < order.Length && scores[order[end]] == level)
            {
                int row = order[end];
                totalWeight += weights[row];
                if (!passMenu[row])
                {
                    pureWeight += weights[row];
                }

                end++;
            }

            double pureRate = pureWeight * incomingRateHz / weightSum;
            if (pureRate >= targetRateHz)
            {
                return new RateThreshold(level, pureRate, totalWeight * incomingRateHz / weightSum, incomingRateHz);
            }

            first = end;
        }

        throw new ImpossibleRateException(what, targetRateHz, pureWeight * incomingRateHz / weightSum);
    }

    private static int[] SelectAndValidate(
        string what,
        ReadOnlySpan<float> scores,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<bool> include,
        out double weightSum)
    {
        int count = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (include.IsEmpty || include[i])
            {
                count++;
            }
        }

        if (count == 0)
        {
            throw new HltadException($"{what}: no events to set the threshold with (the background is empty)");
        }

        var order = new int[count];
        weightSum = 0;
        int next = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!include.IsEmpty && !include[i])
            {
                continue;
            }

            if (float.IsNaN(scores[i]))
            {
                throw new HltadException($"{what}: the score of event {i} is NaN");
            }

            if (!(weights[i] >= 0) || double.IsInfinity(weights[i]))
            {
                throw new HltadException(
                    $"{what}: the weight of event {i} is {weights[i]}; weights must be finite and ≥ 0");
            }

            weightSum += weights[i];
            order[next++] = i;
        }

        if (!(weightSum > 0))
        {
            throw new HltadException($"{what}: the events' weights sum to {weightSum}; the sum must be > 0");
        }

        return order;
    }
}
