namespace Hltad.Evaluation;

/// <summary>The events inside a mask, ordered by decreasing score, with their weights.</summary>
internal sealed class RankedEvents
{
    private RankedEvents(float[] scores, double[] weights)
    {
        Scores = scores;
        Weights = weights;
    }

    /// <summary>Scores, decreasing.</summary>
    public float[] Scores { get; }

    /// <summary>The weight of each ranked event.</summary>
    public double[] Weights { get; }

    public int Count => Scores.Length;

    /// <summary>Gathers the masked events and sorts them by decreasing score (ties in a fixed order).</summary>
    public static RankedEvents Of(ReadOnlySpan<float> scores, ReadOnlySpan<double> weights, ReadOnlySpan<bool> mask)
    {
        if (scores.Length != mask.Length || weights.Length != mask.Length)
        {
            throw new ArgumentException("scores, weights and mask differ in length");
        }

        int count = 0;
        foreach (bool inside in mask)
        {
            count += inside ? 1 : 0;
        }

        var keys = new float[count];
        var gathered = new double[count];
        int next = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                keys[next] = -scores[i];
                gathered[next] = weights[i];
                next++;
            }
        }

        Array.Sort(keys, gathered);
        for (int i = 0; i < count; i++)
        {
            keys[i] = -keys[i];
        }

        return new RankedEvents(keys, gathered);
    }
}
