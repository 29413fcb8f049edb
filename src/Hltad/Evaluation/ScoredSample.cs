namespace Hltad.Evaluation;

/// <summary>A validated sample with one member's scores for one object type and its derived masks.</summary>
internal sealed class ScoredSample
{
    private ScoredSample(EvaluationSample sample, float[] scores)
    {
        Sample = sample;
        Scores = scores;
        SeenByL1All = new bool[sample.Count];
        for (int i = 0; i < sample.Count; i++)
        {
            SeenByL1All[i] = sample.L1Seeded[i] || sample.PassL1[i];
        }
    }

    public EvaluationSample Sample { get; }

    public string Tag => Sample.Tag;

    public float[] Scores { get; }

    /// <summary>L1Seeded or passL1: the events the L1-all scheme's HLTAD sees.</summary>
    public bool[] SeenByL1All { get; }

    /// <summary>The seed mask of a scheme: L1Seeded, or L1Seeded or passL1.</summary>
    public bool[] SeedMask(SeedingScheme seeding) =>
        seeding == SeedingScheme.L1Seeded ? Sample.L1Seeded : SeenByL1All;

    /// <summary>
    /// Drops the excluded tags, checks every array, pairs each sample with its scores and orders them by tag.
    /// </summary>
    /// <exception cref="HltadException">A duplicate tag, missing scores, mismatched lengths, a non-finite
    /// score or a negative or non-finite weight.</exception>
    public static IReadOnlyList<ScoredSample> Prepare(
        string context,
        IReadOnlyList<EvaluationSample> samples,
        ObjectTypeScores scores)
    {
        var prepared = new List<ScoredSample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (EvaluationSample sample in samples)
        {
            if (EvaluationOptions.ExcludedTags.Contains(sample.Tag))
            {
                continue;
            }

            if (!seen.Add(sample.Tag))
            {
                throw new HltadException($"{context}: sample '{sample.Tag}' is given twice");
            }

            CheckColumns(sample);
            if (!scores.ScoresByTag.TryGetValue(sample.Tag, out float[]? sampleScores))
            {
                throw new HltadException($"{context}: no scores for sample '{sample.Tag}'");
            }

            CheckScores(context, sample, sampleScores);
            prepared.Add(new ScoredSample(sample, sampleScores));
        }

        prepared.Sort((a, b) => string.CompareOrdinal(a.Tag, b.Tag));
        return prepared;
    }

    private static void CheckColumns(EvaluationSample sample)
    {
        int n = sample.Count;
        if (sample.PassL1.Length != n || sample.PassHlt.Length != n || sample.L1Seeded.Length != n
            || (sample.Pileups is not null && sample.Pileups.Length != n))
        {
            throw new HltadException(
                $"sample '{sample.Tag}': weights ({n}), passL1 ({sample.PassL1.Length}), "
                + $"passHLT ({sample.PassHlt.Length}), L1Seeded ({sample.L1Seeded.Length}) and pileups "
                + $"({sample.Pileups?.Length.ToString() ?? "none"}) differ in length");
        }

        for (int i = 0; i < n; i++)
        {
            double w = sample.Weights[i];
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new HltadException(
                    $"sample '{sample.Tag}': the weight of event {i} is {w}; weights must be finite and ≥ 0");
            }
        }
    }

    private static void CheckScores(string context, EvaluationSample sample, float[] scores)
    {
        if (scores.Length != sample.Count)
        {
            throw new HltadException(
                $"{context}: sample '{sample.Tag}' has {sample.Count} events but {scores.Length} scores");
        }

        for (int i = 0; i < scores.Length; i++)
        {
            if (!float.IsFinite(scores[i]))
            {
                throw new HltadException(
                    $"{context}: sample '{sample.Tag}': the score of event {i} is {scores[i]}; scores must be finite");
            }
        }
    }
}
