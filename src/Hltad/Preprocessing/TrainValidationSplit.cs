using Hltad.Physics;

namespace Hltad.Preprocessing;

/// <summary>
/// The seeded 85 % / 15 % split of EB_train into EB_train and EB_val (SEMANTICS.md section 6 step 9).
/// </summary>
/// <remarks>
/// The permutation is a Fisher–Yates shuffle of 0 … N−1 driven by <see cref="SplitMix64"/>:
/// for i = N−1 down to 1, j = <see cref="SplitMix64.NextBelow"/>(i + 1), swap p[i] and p[j].
/// EB_train takes the events p[0], …, p[n−1] in that order, EB_val the rest, with n = <see cref="TrainCount"/>.
/// </remarks>
public static class TrainValidationSplit
{
    /// <summary>Events of the 85 % part: n = ⌊0.85 · N⌋ in exact decimal arithmetic; EB_val gets N −
    /// n.</summary>
    public static int TrainCount(int events)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        return (int)decimal.Floor((decimal)PhysicsConstants.TrainFraction * events);
    }

    /// <summary>The shuffled order of <paramref name="events"/> events for a seed (see remarks).</summary>
    public static int[] Permutation(int events, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        var order = new int[events];
        for (int i = 0; i < events; i++)
        {
            order[i] = i;
        }

        var random = new SplitMix64(seed);
        for (int i = events - 1; i >= 1; i--)
        {
            int j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
