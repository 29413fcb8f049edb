using Hltad.Configuration;
using Hltad.Data;
using Hltad.Physics;
using Hltad.Rates;

namespace Hltad.Preprocessing;

/// <summary>
/// <c>load_and_preprocess</c> of the reference study: SEMANTICS.md section 6, steps 1–10 in order, on matched
/// samples in memory. Makes one copy of the event arrays of each output sample and works on it in place,
/// in chunks of events on several threads; the output is bit-identical for any thread count.
/// </summary>
/// <remarks>
/// Where section 6 leaves a choice open, this is what is done (tools/reference/preprocess_reference.py does the same
/// independently, and the tests compare the two):
/// <list type="bullet">
/// <item>Matched tags get codes by ordinal name order; EB_test is the <c>EB_&lt;digits&gt;</c> tags in that order,
/// rows in order; the other unconsumed tags follow EB_train, EB_val, EB_test in that order too.</item>
/// <item>Δphi (step 4) is computed in float64 from the float32 inputs with the floor modulo and rounded once
/// (<see cref="EventCleaning.DeltaPhi"/>); the pt = 0 test uses the raw pt.</item>
/// <item>Step 8 sums in float64 and rounds each pt once: (pt × 10) / Σpt, (pt × 5) / mean; a Σ or mean of 0
/// divides by 1. The global mean is over EB_train before the split.</item>
/// <item>The split (step 9) is taken before steps 4–8, which act on each event alone, so they see the same
/// events; <see cref="TrainValidationSplit"/> documents the shuffle and the ⌊0.85 N⌋ rounding.</item>
/// <item>Scalers (step 10): <see cref="ScalerStatistics"/>.</item>
/// <item>A NaN or infinite value left after step 7 (a NaN eta, say; NaN MET phi is handled by step 6, NaN in a
/// row the thresholds remove disappears with it) is an error naming the matched tag, row, object and column,
/// rather than a NaN passed on to the networks as the reference did.</item>
/// </list>
/// </remarks>
public static class Preprocessor
{
    /// <summary>Preprocesses the matched samples.</summary>
    /// <param name="matched">Matched samples by tag (section 4); never modified.</param>
    /// <param name="options">Scheme, normalisation, rates, split seed and mask.</param>
    /// <param name="progress">Told when each step of each sample is done.</param>
    /// <param name="cancellationToken">Stops between chunks of events.</param>
    /// <returns>
    /// EB_train, EB_val, EB_test and every tag not consumed by the scheme, with the info of
    /// <c>preprocess_info.json</c>. Row <c>i</c> of an output sample came from row <c>SourceRow[i]</c> of the matched
    /// tag <c>Info.SourceTags[SourceTag[i]]</c>.
    /// </returns>
    /// <exception cref="HltadException">A tag the scheme needs is missing, or EB_train is too small.</exception>
    /// <exception cref="InputDataException">
    /// A matched sample's arrays differ in length, or a NaN/infinite value survives step 7.
    /// </exception>
    /// <exception cref="ImpossibleRateException">The L1AD rate cannot be reached on topo2A_train.</exception>
    public static PreprocessResult Run(
        IReadOnlyDictionary<string, MatchedSample> matched,
        PreprocessOptions options,
        IProgress<PreprocessProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // Which tags are there (codes = sorted order), are they well formed, does the scheme find its tags?
        CheckOptions(options);
        string[] tags = matched.Keys.Order(StringComparer.Ordinal).ToArray();
        MatchedSample[] sources = tags.Select(tag => CheckShape(tag, matched[tag])).ToArray();
        SampleComposition.RequireTags(tags, options.Scheme);

        // Step 1: the L1AD threshold on topo2A_train, and the events it seeds in every tag.
        MatchedSample topo = matched[SampleTags.Topo2ATrain];
        RateThreshold l1ad = ThresholdFinder.Find(
            "L1AD threshold on topo2A_train",
            topo.L1adScores,
            topo.Weights,
            topo.PassL1,
            options.L1adRateHz,
            options.IncomingRateHz);
        bool[][] seeded = sources
            .Select(s => s.L1adScores.Select(score => score >= l1ad.Threshold).ToArray())
            .ToArray();
        progress?.Report(new PreprocessProgress("L1AD threshold", null, 0));

        // Steps 2, 3 and the shuffle of step 9: which rows each output sample takes, in order.
        IReadOnlyList<OutputRows> plan = SampleComposition.Compose(
            tags, sources.Select(s => s.Count).ToArray(), seeded, options.Scheme, options.SplitSeed);

        // Steps 4–7 (and the object masks) on one copy of every output sample.
        var work = new WorkingSample[plan.Count];
        for (int s = 0; s < plan.Count; s++)
        {
            work[s] = WorkingSample.Gather(plan[s], tags, sources, options, cancellationToken);
            progress?.Report(new PreprocessProgress("clean", plan[s].Tag, plan[s].Count));
        }

        // Step 8: divisive pt normalisation; step 10: scalers fitted on EB_train (work[0]).
        (double Hlt, double L1)? globalMeans = Normalize(work, options, progress, cancellationToken);
        (ScalerStatistics Hlt, ScalerStatistics L1)? scalers = Scale(work, options, progress, cancellationToken);

        PreprocessInfo info = Describe(options, l1ad, globalMeans, scalers, tags, plan);
        return new PreprocessResult(work.Select(w => w.ToPreprocessed(sources, seeded)).ToArray(), info);
    }

    private static PreprocessInfo Describe(
        PreprocessOptions options,
        RateThreshold l1ad,
        (double Hlt, double L1)? globalMeans,
        (ScalerStatistics Hlt, ScalerStatistics L1)? scalers,
        string[] tags,
        IReadOnlyList<OutputRows> plan) => new()
        {
            Scheme = options.Scheme,
            Normalization = options.Normalization,
            Mask = options.Mask,
            L1adRateHz = options.L1adRateHz,
            IncomingRateHz = options.IncomingRateHz,
            L1adThreshold = l1ad.Threshold,
            L1adPureRateHz = l1ad.PureRateHz,
            L1adTotalRateHz = l1ad.TotalRateHz,
            SplitSeed = options.SplitSeed,
            TrainFraction = PhysicsConstants.TrainFraction,
            HltScaler = scalers?.Hlt,
            L1Scaler = scalers?.L1,
            HltGlobalDivisionMean = globalMeans?.Hlt,
            L1GlobalDivisionMean = globalMeans?.L1,
            SourceTags = tags,
            RowCounts = plan.Select(p => KeyValuePair.Create(p.Tag, p.Count)).ToArray(),
        };

    /// <summary>
    /// Step 8. <c>per_event</c> acts on each event alone; <c>global_division</c> first takes the mean of the
    /// per-event Σpt over EB_train before the split (EB_train and EB_val together), per object type.
    /// </summary>
    private static (double Hlt, double L1)? Normalize(
        WorkingSample[] work,
        PreprocessOptions options,
        IProgress<PreprocessProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (options.Normalization is not (PtNormalization.PerEvent or PtNormalization.GlobalDivision))
        {
            return null;
        }

        (double Hlt, double L1)? means = null;
        if (options.Normalization == PtNormalization.GlobalDivision)
        {
            WorkingSample[] beforeSplit = [work[0], work[1]];
            means = (MeanPtSum(beforeSplit, ObjectType.Hlt, options, cancellationToken),
                MeanPtSum(beforeSplit, ObjectType.L1, options, cancellationToken));
        }

        foreach (WorkingSample sample in work)
        {
            foreach (ObjectType type in new[] { ObjectType.Hlt, ObjectType.L1 })
            {
                float[] values = sample.Values(type);
                double mean = means is { } m ? (type == ObjectType.Hlt ? m.Hlt : m.L1) : 0;
                ForEachEvent(values, options, cancellationToken, means is null
                    ? PtNormalizer.PerEvent
                    : e => PtNormalizer.GlobalDivision(e, mean));
            }

            progress?.Report(new PreprocessProgress("normalise", sample.Rows.Tag, sample.Rows.Count));
        }

        return means;
    }

    /// <summary>Mean over the events of several samples of the per-event Σpt (chunk sums combined in order).</summary>
    private static double MeanPtSum(
        WorkingSample[] samples,
        ObjectType type,
        PreprocessOptions options,
        CancellationToken cancellationToken)
    {
        double total = 0;
        long events = 0;
        foreach (WorkingSample sample in samples)
        {
            float[] values = sample.Values(type);
            var chunkSums = new double[EventChunks.Count(sample.Rows.Count)];
            EventChunks.ForEach(sample.Rows.Count, options.MaxDegreeOfParallelism, cancellationToken, (c, first, end) =>
            {
                for (int i = first; i < end; i++)
                {
                    chunkSums[c] += PtNormalizer.EventPtSum(
                        values.AsSpan(i * ObjectLayout.Features, ObjectLayout.Features));
                }
            });
            total += chunkSums.Sum();
            events += sample.Rows.Count;
        }

        return total / events;
    }

    /// <summary>
    /// Step 10: scalers fitted on the 85 % part (work[0]), separately for HLT and L1, applied to all.
    /// </summary>
    private static (ScalerStatistics Hlt, ScalerStatistics L1)? Scale(
        WorkingSample[] work,
        PreprocessOptions options,
        IProgress<PreprocessProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (options.Normalization is not (PtNormalization.StandardScaler or PtNormalization.ZeroAwareStandardScaler))
        {
            return null;
        }

        bool zeroAware = options.Normalization == PtNormalization.ZeroAwareStandardScaler;
        int threads = options.MaxDegreeOfParallelism;
        ScalerStatistics hlt = ScalerStatistics.Fit(work[0].Hlt, zeroAware, threads, cancellationToken);
        ScalerStatistics l1 = ScalerStatistics.Fit(work[0].L1, zeroAware, threads, cancellationToken);
        foreach (WorkingSample sample in work)
        {
            hlt.Apply(sample.Hlt, threads, cancellationToken);
            l1.Apply(sample.L1, threads, cancellationToken);
            progress?.Report(new PreprocessProgress("scale", sample.Rows.Tag, sample.Rows.Count));
        }

        return (hlt, l1);
    }

    private delegate void EventStep(Span<float> values);

    private static void ForEachEvent(
        float[] values,
        PreprocessOptions options,
        CancellationToken cancellationToken,
        EventStep step)
    {
        EventChunks.ForEach(
            values.Length / ObjectLayout.Features,
            options.MaxDegreeOfParallelism,
            cancellationToken,
            (_, first, end) =>
            {
                for (int i = first; i < end; i++)
                {
                    step(values.AsSpan(i * ObjectLayout.Features, ObjectLayout.Features));
                }
            });
    }

    private static void CheckOptions(PreprocessOptions options)
    {
        if (!Enum.IsDefined(options.Scheme))
        {
            throw new ConfigurationException(
                "train_data_scheme", $"must be {OptionNames.OneOf(OptionNames.TrainDataSchemeNames)}");
        }

        if (!Enum.IsDefined(options.Normalization))
        {
            throw new ConfigurationException(
                "pt_normalization_type", $"must be {OptionNames.OneOf(OptionNames.PtNormalizationNames)}");
        }

        if (!Enum.IsDefined(options.Mask))
        {
            throw new ConfigurationException("mask", $"must be {OptionNames.OneOf(OptionNames.MaskNames)}");
        }
    }

    private static MatchedSample CheckShape(string tag, MatchedSample sample)
    {
        int count = sample.Count;
        void Require(string dataset, int length)
        {
            if (length != count)
            {
                throw new InputDataException(
                    $"matched tag '{tag}'", dataset, $"has {length} events but 'weights' has {count}");
            }
        }

        Require("HLT_data", sample.Hlt.Count);
        Require("L1_data", sample.L1.Count);
        Require("passL1", sample.PassL1.Length);
        Require("passHLT", sample.PassHlt.Length);
        Require("topo2A_AD_scores", sample.L1adScores.Length);
        if (sample.Pileups is not null)
        {
            Require("pileups", sample.Pileups.Length);
        }

        return sample;
    }
}
