using Hltad.Configuration;
using Hltad.Data;

namespace Hltad.Preprocessing;

/// <summary>
/// Which matched rows make up each preprocessed sample (SEMANTICS.md section 6 steps 2, 3 and the split of 9):
/// <c>EB_train</c> and <c>EB_val</c> from the scheme's tags, <c>EB_test</c> from every <c>EB_&lt;run&gt;</c> tag,
/// and every other tag not consumed by the scheme as itself.
/// </summary>
internal static class SampleComposition
{
    /// <summary>Fails with a message naming the scheme and the tag when a tag the scheme needs is missing.</summary>
    public static void RequireTags(IReadOnlyList<string> tags, TrainDataScheme scheme)
    {
        string schemeName = OptionNames.Of(scheme);
        string present = tags.Count == 0 ? "none" : string.Join(", ", tags);

        foreach (string reserved in new[] { SampleTags.Train, SampleTags.Validation, SampleTags.Test })
        {
            if (tags.Contains(reserved))
            {
                throw new HltadException(
                    $"the matched tag '{reserved}' has the name of a preprocessed sample; "
                    + "rename it before preprocessing");
            }
        }

        if (!tags.Contains(SampleTags.Topo2ATrain))
        {
            throw new HltadException(
                $"train_data_scheme '{schemeName}' needs the matched tag '{SampleTags.Topo2ATrain}' (its events set "
                + $"the L1AD threshold, section 6 step 1), which is missing; matched tags present: {present}");
        }

        if (scheme != TrainDataScheme.Topo2ATrain && !tags.Contains(SampleTags.NoHltSelection))
        {
            throw new HltadException(
                $"train_data_scheme '{schemeName}' needs the matched tag '{SampleTags.NoHltSelection}' for EB_train, "
                + $"which is missing; matched tags present: {present}");
        }

        if (!tags.Any(SampleTags.IsEbRun))
        {
            throw new HltadException(
                $"train_data_scheme '{schemeName}' needs at least one matched tag '{SampleTags.EbRunPrefix}<run>' to "
                + $"form EB_test, the background of evaluation; matched tags present: {present}");
        }
    }

    /// <summary>The output samples: EB_train, EB_val, EB_test, then the remaining tags in code order.</summary>
    /// <param name="tags">Matched tags sorted by ordinal name; a tag's index is its code.</param>
    /// <param name="counts">Events of every matched tag, by code.</param>
    /// <param name="seeded">L1Seeded of every event, by code.</param>
    /// <param name="scheme">The training-set scheme.</param>
    /// <param name="splitSeed">Seed of the EB_train/EB_val shuffle.</param>
    public static IReadOnlyList<OutputRows> Compose(
        string[] tags,
        IReadOnlyList<int> counts,
        IReadOnlyList<bool[]> seeded,
        TrainDataScheme scheme,
        ulong splitSeed)
    {
        int Code(string tag) => Array.IndexOf(tags, tag);
        int topo = Code(SampleTags.Topo2ATrain);
        int noHlt = Code(SampleTags.NoHltSelection);

        // Step 2: the training tags of the scheme, and the rows each contributes, before the split.
        var training = new List<(int Code, IEnumerable<int> Rows)>();
        if (scheme != TrainDataScheme.L1NoalgHltAll)
        {
            training.Add((topo, Enumerable.Range(0, counts[topo])));
        }

        if (scheme is TrainDataScheme.L1NoalgHltAll or TrainDataScheme.Topo2ATrainPlusL1NoalgHltAll)
        {
            training.Add((noHlt, Enumerable.Range(0, counts[noHlt])));
        }
        else if (scheme == TrainDataScheme.Topo2ATrainPlusOverlap)
        {
            training.Add((noHlt, Enumerable.Range(0, counts[noHlt]).Where(row => seeded[noHlt][row])));
        }

        OutputRows beforeSplit = Concatenate("EB_train before the split", training);
        var outputs = new List<OutputRows>(Split(beforeSplit, splitSeed));

        // Step 3: EB_test from every EB_<run> tag in tag order; every other unconsumed tag as itself.
        var consumed = training.Select(t => t.Code).ToHashSet();
        outputs.Add(Concatenate(
            SampleTags.Test,
            Enumerable.Range(0, tags.Length)
                .Where(code => SampleTags.IsEbRun(tags[code]))
                .Select(code => (code, Enumerable.Range(0, counts[code])))));
        for (int code = 0; code < tags.Length; code++)
        {
            if (!consumed.Contains(code) && !SampleTags.IsEbRun(tags[code]))
            {
                outputs.Add(Concatenate(tags[code], [(code, Enumerable.Range(0, counts[code]))]));
            }
        }

        return outputs;
    }

    /// <summary>
    /// Step 9's split: EB_train takes the first ⌊0.85 N⌋ rows of the shuffled order, EB_val the rest.
    /// </summary>
    private static OutputRows[] Split(OutputRows all, ulong seed)
    {
        int trainCount = TrainValidationSplit.TrainCount(all.Count);
        if (trainCount == 0)
        {
            throw new HltadException(
                $"EB_train has {all.Count} event(s) before the split; at least 2 are needed so that its 85 % part "
                + "is not empty");
        }

        int[] order = TrainValidationSplit.Permutation(all.Count, seed);
        OutputRows Take(string tag, int first, int count)
        {
            var taken = new OutputRows(tag, new int[count], new long[count]);
            for (int i = 0; i < count; i++)
            {
                taken.SourceTags[i] = all.SourceTags[order[first + i]];
                taken.SourceRows[i] = all.SourceRows[order[first + i]];
            }

            return taken;
        }

        return
        [
            Take(SampleTags.Train, 0, trainCount),
            Take(SampleTags.Validation, trainCount, all.Count - trainCount),
        ];
    }

    private static OutputRows Concatenate(string tag, IEnumerable<(int Code, IEnumerable<int> Rows)> parts)
    {
        var codes = new List<int>();
        var rows = new List<long>();
        foreach ((int code, IEnumerable<int> partRows) in parts)
        {
            foreach (int row in partRows)
            {
                codes.Add(code);
                rows.Add(row);
            }
        }

        return new OutputRows(tag, codes.ToArray(), rows.ToArray());
    }
}
