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
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [MatchTags.L1adTraining] = 0 };
        var index = new Dictionary<string, int>(StringComparer.Ordinal) { [MatchTags.L1adTraining] = 0 };
        var tagOfRow = new int[]?[inputs.Count];
        var rowOfRow = new int[]?[inputs.Count];
        var seen = new HashSet<(long, long)>();
        var repeated = new HashSet<(long, long)>();
        long repeatedEvents = 0;
        for (int f = 0; f < inputs.Count; f++)
        {
            var input = inputs[f];
            if (!input.IsEnhancedBias)
            {
                continue;
            }

            tagOfRow[f] = new int[input.Events];
            rowOfRow[f] = new int[input.Events];
            for (int i = 0; i < input.Events; i++)
            {
                long run = input.Runs![i], number = input.EventNumbers![i];
                if (!seen.Add((run, number)))
                {
                    repeated.Add((run, number));
                    repeatedEvents++;
                }

                string tag = training.Contains(run, number) ? MatchTags.L1adTraining : MatchTags.ForRun(run);
                if (!index.TryGetValue(tag, out int t))
                {
                    index[tag] = t = order.Count;
                    order.Add(tag);
                    counts[tag] = 0;
                }

                tagOfRow[f]![i] = t;
                rowOfRow[f]![i] = counts[tag]++;
            }
        }

        // Samples at their final sizes: EB tags, then one per MC file.
        var samples = order.Select(tag => Allocate(tag, counts[tag], enhancedBias: true)).ToList();
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
