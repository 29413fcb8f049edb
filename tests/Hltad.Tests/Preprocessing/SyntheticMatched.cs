using Hltad.Data;
using Hltad.Physics;

namespace Hltad.Tests.Preprocessing;

/// <summary>Small hand-made matched samples: each event one jet of pt 100 + row and a MET of 40 GeV.</summary>
internal static class SyntheticMatched
{
    public static MatchedSample Sample(string tag, float[] scores, double[]? weights = null, bool[]? passL1 = null)
    {
        int n = scores.Length;
        var hlt = new EventArrays(n);
        var l1 = new EventArrays(n);
        for (int i = 0; i < n; i++)
        {
            foreach (EventArrays arrays in new[] { hlt, l1 })
            {
                Span<float> values = arrays.Event(i);
                values[0] = 100 + i;
                values[1] = 0.1f * i;
                values[2] = 0.2f;
                values[ObjectLayout.MetRow * 3] = 40;
                values[ObjectLayout.MetRow * 3 + 2] = -0.3f;
            }
        }

        return new MatchedSample
        {
            Tag = tag,
            Hlt = hlt,
            L1 = l1,
            PassL1 = passL1 ?? new bool[n],
            PassHlt = new bool[n],
            Weights = weights ?? Enumerable.Repeat(1.0, n).ToArray(),
            L1adScores = scores,
        };
    }

    /// <summary>topo2A_train (10 events, scores 0.1 … 1.0), HLT_noalg_eb_L1All, EB_2, EB_10 and an MC tag.</summary>
    public static Dictionary<string, MatchedSample> Complete() => new()
    {
        [SampleTags.Topo2ATrain] = Sample(SampleTags.Topo2ATrain, Scores(10)),
        [SampleTags.NoHltSelection] = Sample(SampleTags.NoHltSelection, [0.95f, 0.05f, 0.85f, 0.15f, 0.99f]),
        ["EB_2"] = Sample("EB_2", [0.5f, 0.6f, 0.7f]),
        ["EB_10"] = Sample("EB_10", [0.91f, 0.2f]),
        ["ZZ4lep"] = Sample("ZZ4lep", [0.9f, 0.1f, 2f, 0.89999f]),
    };

    /// <summary>0.1, 0.2, …: with weights 1 and no event passing L1, each event is 1/n of the incoming
    /// rate.</summary>
    public static float[] Scores(int n) => Enumerable.Range(1, n).Select(i => i / (float)n).ToArray();
}
