namespace Hltad.Engine;

/// <summary>
/// Events to train or validate on: <see cref="Count"/> rows of <see cref="Features"/> floats (row-major),
/// per-event weights, and optionally an explicit loss mask of the same shape (non-zero = the value counts;
/// the "objects" mask of SEMANTICS.md deliberate difference 5). Without a mask the loss uses
/// <c>(target ≠ 0) ∧ (target ≠ −999)</c>. The arrays are used, not copied: do not change them while training.
/// </summary>
public sealed class TrainingSet
{
    /// <param name="inputs">count × features values.</param>
    /// <param name="lossMask">Optional count × features mask, or null for the default mask.</param>
    /// <param name="weights">count event weights, or null for all 1.</param>
    /// <param name="count">Number of events (≥ 1).</param>
    /// <exception cref="ArgumentException">A length does not fit.</exception>
    public TrainingSet(float[] inputs, float[]? lossMask, float[]? weights, int count)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (count < 1 || inputs.Length % count != 0)
        {
            throw new ArgumentException($"{inputs.Length} inputs do not make {count} equal rows", nameof(count));
        }

        if (lossMask is not null && lossMask.Length != inputs.Length)
        {
            throw new ArgumentException($"mask has {lossMask.Length} values, inputs {inputs.Length}",
                nameof(lossMask));
        }

        if (weights is not null && weights.Length != count)
        {
            throw new ArgumentException($"{weights.Length} weights for {count} events", nameof(weights));
        }

        Inputs = inputs;
        LossMask = lossMask;
        Weights = weights ?? Enumerable.Repeat(1f, count).ToArray();
        Count = count;
        Features = inputs.Length / count;
    }

    /// <summary>count × features values, row-major.</summary>
    public float[] Inputs { get; }

    /// <summary>Explicit loss mask, or null for the default mask.</summary>
    public float[]? LossMask { get; }

    /// <summary>Per-event weights.</summary>
    public float[] Weights { get; }

    /// <summary>Number of events.</summary>
    public int Count { get; }

    /// <summary>Values per event.</summary>
    public int Features { get; }
}
