namespace Hltad.Data;

/// <summary>
/// One sample after preprocessing (SEMANTICS.md section 6): flattened (N, 48) network inputs for the HLT
/// and L1 objects, the masks the evaluation needs, and for every row where it came from.
/// </summary>
public sealed class PreprocessedSample
{
    public required string Tag { get; init; }

    /// <summary>(N, 48) row-major network inputs from the HLT objects.</summary>
    public required float[] Hlt { get; init; }

    /// <summary>(N, 48) row-major network inputs from the L1 objects.</summary>
    public required float[] L1 { get; init; }

    /// <summary>Optional object masks (1 where an object row is present in the unscaled data), (N, 48).</summary>
    public float[]? HltObjectMask { get; init; }

    public float[]? L1ObjectMask { get; init; }

    public required bool[] PassL1 { get; init; }

    public required bool[] PassHlt { get; init; }

    /// <summary>L1AD score ≥ the L1AD threshold (section 6 step 1).</summary>
    public required bool[] L1Seeded { get; init; }

    public required double[] Weights { get; init; }

    public required float[] L1adScores { get; init; }

    public float[]? Pileups { get; init; }

    /// <summary>Code of the matched tag each row came from (map in preprocess_info.json).</summary>
    public required int[] SourceTag { get; init; }

    /// <summary>Row in that matched tag.</summary>
    public required long[] SourceRow { get; init; }

    public int Count => Weights.Length;
}
