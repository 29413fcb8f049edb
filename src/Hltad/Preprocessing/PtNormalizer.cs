using Hltad.Physics;

namespace Hltad.Preprocessing;

/// <summary>
/// The divisive pt normalisations of SEMANTICS.md section 6 step 8, on the pt column (0) of one event's
/// 48 numbers, in place. Sums and products in float64, each pt rounded once to float32.
/// </summary>
public static class PtNormalizer
{
    /// <summary>Σ pt over the 16 rows, in float64, in row order.</summary>
    public static double EventPtSum(ReadOnlySpan<float> values)
    {
        double sum = 0;
        for (int row = 0; row < ObjectLayout.Rows; row++)
        {
            sum += values[row * ObjectLayout.Columns + ObjectLayout.PtColumn];
        }

        return sum;
    }

    /// <summary><c>per_event</c>: pt → (pt × 10) / Σpt of the event; an event with Σpt = 0 divides by 1.</summary>
    public static void PerEvent(Span<float> values)
    {
        double sum = EventPtSum(values);
        Scale(values, PhysicsConstants.PerEventPtScale, sum == 0 ? 1 : sum);
    }

    /// <summary>
    /// <c>global_division</c>: pt → (pt × 5) / <paramref name="meanPtSum"/>, the mean over EB_train of the
    /// per-event Σpt; a mean of 0 (every event empty) divides by 1, as <see cref="PerEvent"/> does.
    /// </summary>
    public static void GlobalDivision(Span<float> values, double meanPtSum) =>
        Scale(values, PhysicsConstants.GlobalDivisionPtScale, meanPtSum == 0 ? 1 : meanPtSum);

    private static void Scale(Span<float> values, double factor, double divisor)
    {
        for (int row = 0; row < ObjectLayout.Rows; row++)
        {
            int at = row * ObjectLayout.Columns + ObjectLayout.PtColumn;
            values[at] = (float)(values[at] * factor / divisor);
        }
    }
}
