using Hltad.Physics;
using Hltad.Rates;

namespace Hltad.Evaluation;

/// <summary>
/// SEMANTICS.md section 9 for one ensemble member and one object type: the HLTAD thresholds of both seeding
/// schemes, the five efficiency schemes, the ROC curves and the pileup efficiency.
/// </summary>
public static class ObjectTypeEvaluator
{
    /// <summary>
    /// Evaluates every sample except <c>EB_train</c> and <c>EB_val</c> (which are skipped if given).
    /// <list type="bullet">
    /// <item>L1-seeded threshold: <c>find_threshold</c> over background ∩ L1Seeded, pass = passHLT,
    /// incoming = the total L1AD rate; L1-all: over background ∩ (L1Seeded or passL1), incoming = 100 kHz.</item>
    /// <item>Anomalous = score ≥ threshold and inside the scheme's seed mask M. ASE: S = M; TSE: S = all;
    /// MiSE (L1-seeded): S = passL1 or L1Seeded, and passHLT events count as anomalous too.</item>
    /// <item>ROC of each sample inside M against the background inside M; working point FPR* =
    /// total HLTAD rate / incoming rate.</item>
    /// <item>Pileup efficiency of background ∩ L1Seeded with the L1-seeded threshold.</item>
    /// </list>
    /// </summary>
    /// <param name="member">Member index, for messages.</param>
    /// <param name="samples">The samples; the background tag must be among them.</param>
    /// <param name="scores">The member's scores for this object type, per tag.</param>
    /// <param name="options">Rates and the background tag.</param>
    /// <exception cref="ImpossibleRateException">The target pure rate cannot be reached, or the seeded background is
    /// empty; the message names the largest reachable rate.</exception>
    /// <exception cref="HltadException">Missing background or scores, mismatched arrays, bad values.</exception>
    public static ObjectTypeResult Evaluate(
        int member,
        IReadOnlyList<EvaluationSample> samples,
        ObjectTypeScores scores,
        EvaluationOptions options)
    {
        options.Validate();
        string context = $"member {member} {scores.ObjectType}";
        IReadOnlyList<ScoredSample> scored = ScoredSample.Prepare(context, samples, scores);
        ScoredSample background = scored.FirstOrDefault(s => s.Tag == options.BackgroundTag)
            ?? throw new HltadException($"{context}: the background sample '{options.BackgroundTag}' is missing");

        // Thresholds of both seeding schemes from the background.
        RateThreshold seededThreshold = FindThreshold(
            $"{context} L1-seeded HLTAD threshold", $"{background.Tag} ∩ L1Seeded",
            background, SeedingScheme.L1Seeded, options.TargetRateHz, options.L1adTotalRateHz);
        RateThreshold allThreshold = FindThreshold(
            $"{context} L1-all HLTAD threshold", $"{background.Tag} ∩ (L1Seeded or passL1)",
            background, SeedingScheme.L1All, options.TargetRateHz, options.L1AllIncomingRateHz);

        // Efficiencies and ROC curves per scheme.
        SchemeResult l1Seeded = EvaluateScheme(SeedingScheme.L1Seeded, seededThreshold, scored, background);
        SchemeResult l1All = EvaluateScheme(SeedingScheme.L1All, allThreshold, scored, background);

        // Background efficiency versus pileup, L1-seeded.
        PileupEfficiency? pileup = null;
        if (background.Sample.Pileups is { } pileups)
        {
            bool[] anomalous = Anomalous(background, seededThreshold.Threshold, SeedingScheme.L1Seeded);
            pileup = PileupEfficiency.Compute(
                pileups, background.Sample.Weights, anomalous, background.Sample.L1Seeded,
                PhysicsConstants.PileupBins, PhysicsConstants.PileupMargin, PhysicsConstants.PileupConfidenceLevel);
        }

        return new ObjectTypeResult(scores.ObjectType, scored.Select(s => s.Tag).ToArray(), l1Seeded, l1All, pileup);
    }

    private static RateThreshold FindThreshold(
        string what,
        string selection,
        ScoredSample background,
        SeedingScheme seeding,
        double targetRateHz,
        double incomingRateHz)
    {
        bool[] mask = background.SeedMask(seeding);
        double weight = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            weight += mask[i] ? background.Sample.Weights[i] : 0;
        }

        if (!(weight > 0))
        {
            throw new ImpossibleRateException($"{what} ({selection} has no events with weight)", targetRateHz, 0);
        }

        EvaluationSample sample = background.Sample;
        return ThresholdFinder.Find(
            what, background.Scores, sample.Weights, sample.PassHlt, targetRateHz, incomingRateHz, mask);
    }

    private static SchemeResult EvaluateScheme(
        SeedingScheme seeding,
        RateThreshold threshold,
        IReadOnlyList<ScoredSample> scored,
        ScoredSample background)
    {
        double targetFpr = threshold.TotalRateHz / threshold.IncomingRateHz;
        var efficiencies = new Dictionary<EfficiencyKind, IReadOnlyDictionary<string, SampleEfficiency>>();
        foreach (EfficiencyKind kind in EfficiencyScheme.KindsOf(seeding))
        {
            efficiencies[kind] = new SortedDictionary<string, SampleEfficiency>(StringComparer.Ordinal);
        }

        var roc = new SortedDictionary<string, SampleRoc>(StringComparer.Ordinal);
        RankedEvents rankedBackground =
            RankedEvents.Of(background.Scores, background.Sample.Weights, background.SeedMask(seeding));
        foreach (ScoredSample sample in scored)
        {
            bool[] anomalous = Anomalous(sample, threshold.Threshold, seeding);
            foreach (EfficiencyKind kind in EfficiencyScheme.KindsOf(seeding))
            {
                ((SortedDictionary<string, SampleEfficiency>)efficiencies[kind])[sample.Tag] =
                    Efficiency(sample, seeding, kind, anomalous);
            }

            RocCurve? curve = WeightedRoc.Build(
                rankedBackground, RankedEvents.Of(sample.Scores, sample.Sample.Weights, sample.SeedMask(seeding)));
            roc[sample.Tag] = SampleRoc.At(curve, targetFpr);
        }

        return new SchemeResult(seeding, threshold, targetFpr, efficiencies, roc);
    }

    /// <summary>score ≥ threshold and inside the scheme's seed mask.</summary>
    private static bool[] Anomalous(ScoredSample sample, float threshold, SeedingScheme seeding)
    {
        bool[] seed = sample.SeedMask(seeding);
        var anomalous = new bool[sample.Scores.Length];
        for (int i = 0; i < anomalous.Length; i++)
        {
            anomalous[i] = seed[i] && sample.Scores[i] >= threshold;
        }

        return anomalous;
    }

    private static SampleEfficiency Efficiency(
        ScoredSample sample,
        SeedingScheme seeding,
        EfficiencyKind kind,
        bool[] anomalous)
    {
        EvaluationSample s = sample.Sample;
        return kind switch
        {
            // S = the events the scheme's HLTAD sees.
            EfficiencyKind.Ase =>
                EfficiencyCalculator.Compute(s.Weights, sample.SeedMask(seeding), s.PassHlt, anomalous),

            // S = every event.
            EfficiencyKind.Tse => EfficiencyCalculator.Compute(s.Weights, default, s.PassHlt, anomalous),

            // S = passL1 or L1Seeded; passHLT events are anomalous as well, which the combined OR already holds.
            EfficiencyKind.Mise => EfficiencyCalculator.Compute(s.Weights, sample.SeenByL1All, s.PassHlt, anomalous),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
