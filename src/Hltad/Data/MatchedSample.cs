namespace Hltad.Data;

/// <summary>
/// One tag of the matched datasets (SEMANTICS.md section 4): raw HLT and L1 event arrays with the
/// menu decisions, EB weights and the L1AD score of every event. Arrays are row-aligned.
/// </summary>
public sealed class MatchedSample
{
    public required string Tag { get; init; }

    public required EventArrays Hlt { get; init; }

    public required EventArrays L1 { get; init; }

    public required bool[] PassL1 { get; init; }

    public required bool[] PassHlt { get; init; }

    /// <summary>EB weights; 1 for MC.</summary>
    public required double[] Weights { get; init; }

    /// <summary>L1AD score: mean of the squared encoder outputs (section 2).</summary>
    public required float[] L1adScores { get; init; }

    /// <summary>EB only.</summary>
    public long[]? RunNumbers { get; init; }

    /// <summary>EB only.</summary>
    public long[]? EventNumbers { get; init; }

    /// <summary>Pileup (mu), EB only.</summary>
    public float[]? Pileups { get; init; }

    public int Count => Weights.Length;
}
