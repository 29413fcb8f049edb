using System.Runtime.CompilerServices;
using Hltad.Data;

namespace Hltad.Matching;

/// <summary>
/// Where every matched row goes (SEMANTICS.md section 4), decided from the EB run and event numbers before any
/// object data is read: EB rows in file order then row order to <c>topo2A_train</c> when their pair is in the
/// training list, else to their run's tag; each MC file to its own tag. The tag samples are allocated at their
/// final sizes and filled in place, file by file, in parallel (the rows of different files never overlap).
/// </summary>
internal sealed class TagPlan
{
    private readonly int[]?[] _tagOfRow;
    private readonly int[]?[] _rowOfRow;
    private readonly int[] _tagOfFile;

    private TagPlan(List<MatchedSample> samples, int[]?[] tagOfRow, int[]?[] rowOfRow, int[] tagOfFile)
    {
        Samples = samples;
        _tagOfRow = tagOfRow;
        _rowOfRow = rowOfRow;
        _tagOfFile = tagOfFile;
    }

    /// <summary>
    /// <c>topo2A_train</c> first (possibly empty), the other EB tags in order of first appearance, then the MC tags in
    /// file order.
    /// </summary>
    public IReadOnlyList<MatchedSample> Samples { get; }

    /// <summary>Distinct EB (run, event) pairs that occur more than once.</summary>
    public int RepeatedPairs { get; private init; }

    /// <summary>EB events beyond the first of each repeated pair (each copy keeps its own row and score).</summary>
    public long RepeatedEvents { get; private init; }

    /// <summary>The sample and row that row <paramref name="row"/> of input <paramref name="file"/> goes to.</summary>
    public (MatchedSample Sample, int Row) Target(int file, int row) => _tagOfRow[file] is { } tags
        ? (Samples[tags[row]], _rowOfRow[file]![row])
        : (Samples[_tagOfFile[file]], row);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TagPlan Build(IReadOnlyList<MatchInputFile> inputs, L1adTrainingEvents training)
    {
        // EB rows: a tag per row, counted, and each row's position within its tag.
        var order = new List<string> { MatchTags.L1adTraining };
        var counts = new List<int> { 0 };
        var tagOfRun = new Dictionary<long, int>();
        var tagOfRow = new int[]?[inputs.Count];
        var rowOfRow = new int[]?[inputs.Count];
        var seen = new EventIdSet();
        var repeated = new EventIdSet();
        long repeatedEvents = 0;
        for (int f = 0; f < inputs.Count; f++)
        {
            var input = inputs[f];
            if (!input.IsEnhancedBias)
            {
                continue;
            }

            var tags = tagOfRow[f] = new int[input.Events];
            var rows = rowOfRow[f] = new int[input.Events];
            for (int i = 0; i < input.Events; i++)
            {
                long run = input.Runs![i], number = input.EventNumbers![i];
                if (!seen.Add(run, number))
                {
                    repeated.Add(run, number);
                    repeatedEvents++;
                }

                int t = training.Contains(run, number) ? 0 : RunTag(run);
                tags[i] = t;
                rows[i] = counts[t]++;
            }
        }

        int RunTag(long run)
        {
            if (!tagOfRun.TryGetValue(run, out int t))
            {
                tagOfRun[run] = t = order.Count;
                order.Add(MatchTags.ForRun(run));
                counts.Add(0);
            }

            return t;
        }

        // Samples at their final sizes: EB tags, then one per MC file.
        var samples = order.Select((tag, t) => Allocate(tag, counts[t], enhancedBias: true)).ToList();
        var tagOfFile = new int[inputs.Count];
        for (int f = 0; f < inputs.Count; f++)
        {
            if (!inputs[f].IsEnhancedBias)
            {
                tagOfFile[f] = samples.Count;
                samples.Add(Allocate(inputs[f].McTag!, inputs[f].Events, enhancedBias: false));
            }
        }

        return new TagPlan(samples, tagOfRow, rowOfRow, tagOfFile)
        {
            RepeatedPairs = repeated.Count,
            RepeatedEvents = repeatedEvents,
        };
    }

    private static MatchedSample Allocate(string tag, int n, bool enhancedBias) => new()
    {
        Tag = tag,
        Hlt = new EventArrays(n),
        L1 = new EventArrays(n),
        PassL1 = new bool[n],
        PassHlt = new bool[n],
        Weights = new double[n],
        L1adScores = new float[n],
        RunNumbers = enhancedBias ? new long[n] : null,
        EventNumbers = enhancedBias ? new long[n] : null,
        Pileups = enhancedBias ? new float[n] : null,
    };
}
