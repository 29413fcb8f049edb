using Hltad.Data;

namespace Hltad.Matching;

/// <summary>Splits scored EB files into tags and turns MC files into samples (SEMANTICS.md section 4).</summary>
internal static class TagSplit
{
    /// <summary>EB rows of all files, in file order then row order, split by tag.</summary>
    public sealed record Result(IReadOnlyList<MatchedSample> Samples, int RepeatedPairs, long RepeatedEvents);

    /// <summary>
    /// Sends each EB event to <c>topo2A_train</c> when its (run, event) pair is in the training list, else to
    /// the tag of its run. <c>topo2A_train</c> always comes first (possibly empty); other tags follow in order of
    /// first appearance. Repeated pairs are counted, not removed: every copy keeps its own row and score.
    /// </summary>
    public static Result SplitEnhancedBias(IReadOnlyList<ScoredFile> files, L1adTrainingEvents training)
    {
        var order = new List<string> { MatchTags.L1adTraining };
        var rows = new Dictionary<string, List<(int File, int Row)>>(StringComparer.Ordinal)
        {
            [MatchTags.L1adTraining] = [],
        };
        var seen = new HashSet<(long, long)>();
        var repeated = new HashSet<(long, long)>();
        long repeatedEvents = 0;

        for (int f = 0; f < files.Count; f++)
        {
            var file = files[f];
            for (int i = 0; i < file.Count; i++)
            {
                long run = file.Runs![i];
                long number = file.Events![i];
                if (!seen.Add((run, number)))
                {
                    repeated.Add((run, number));
                    repeatedEvents++;
                }

                string tag = training.Contains(run, number) ? MatchTags.L1adTraining : MatchTags.ForRun(run);
                if (!rows.TryGetValue(tag, out var list))
                {
                    rows[tag] = list = [];
                    order.Add(tag);
                }

                list.Add((f, i));
            }
        }

        var samples = order.Select(tag => Gather(tag, files, rows[tag])).ToList();
        return new Result(samples, repeated.Count, repeatedEvents);
    }

    /// <summary>An MC file as one tag, weight 1, without the EB-only arrays.</summary>
    public static MatchedSample McSample(string tag, ScoredFile file) => new()
    {
        Tag = tag,
        Hlt = file.Hlt,
        L1 = file.L1,
        PassL1 = file.PassL1,
        PassHlt = file.PassHlt,
        Weights = file.Weights,
        L1adScores = file.Scores,
    };

    private static MatchedSample Gather(string tag, IReadOnlyList<ScoredFile> files, List<(int File, int Row)> rows)
    {
        int n = rows.Count;
        var hlt = new EventArrays(n);
        var l1 = new EventArrays(n);
        var passL1 = new bool[n];
        var passHlt = new bool[n];
        var weights = new double[n];
        var scores = new float[n];
        var runs = new long[n];
        var events = new long[n];
        var pileups = new float[n];
        for (int j = 0; j < n; j++)
        {
            var (f, i) = rows[j];
            var file = files[f];
            file.Hlt.Event(i).CopyTo(hlt.Event(j));
            file.L1.Event(i).CopyTo(l1.Event(j));
            passL1[j] = file.PassL1[i];
            passHlt[j] = file.PassHlt[i];
            weights[j] = file.Weights[i];
            scores[j] = file.Scores[i];
            runs[j] = file.Runs![i];
            events[j] = file.Events![i];
            pileups[j] = file.Pileups![i];
        }

        return new MatchedSample
        {
            Tag = tag,
            Hlt = hlt,
            L1 = l1,
            PassL1 = passL1,
            PassHlt = passHlt,
            Weights = weights,
            L1adScores = scores,
            RunNumbers = runs,
            EventNumbers = events,
            Pileups = pileups,
        };
    }
}
