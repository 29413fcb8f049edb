namespace Hltad.Matching;

/// <summary>How the L1AD network's output becomes a score (SEMANTICS.md section 2).</summary>
public enum L1adScoreKind
{
    /// <summary>Mean over output columns of the squared outputs (a VAE encoder's latent mean). The default.</summary>
    MeanSquare,

    /// <summary>
    /// Masked MSE between the 44 inputs and a 44-wide reconstruction: mask = input ≠ 0 and ≠ −999,
    /// Σ mask·(x − y)² / Σ mask (a count of 0 counts as 1).
    /// </summary>
    MaskedMse,
}
