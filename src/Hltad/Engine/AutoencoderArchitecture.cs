namespace Hltad.Engine;

/// <summary>
/// The autoencoders of SEMANTICS.md section 7. <b>Large</b> (default): encoder 100, 100, 64, 32, each
/// Dense (L2) → BatchNorm → ReLU → Dropout, latent Dense → BatchNorm → ReLU, decoder 32, 64, 100, 100 of the
/// same blocks, linear Dense output of <see cref="Features"/>. <b>Small</b>: encoder Dense 32 → ReLU →
/// BatchNorm → Dropout, Dense 8 likewise, Dense latent → ReLU; decoder 8, 32 mirrored; linear output.
/// </summary>
/// <param name="Large">Large (true) or small (false) network.</param>
/// <param name="LatentDim">Width of the latent layer (default 4).</param>
/// <param name="DropoutRate">Dropout probability p of the hidden blocks, 0 ≤ p &lt; 1 (default 0.1).</param>
/// <param name="L2Coupling">c of the penalty c · Σ w² over every kernel, output included (default 0).</param>
/// <param name="Features">Inputs and outputs per event (default 48: 16 objects × 3).</param>
/// <param name="BatchNormMomentum">Keras batch-norm momentum (default 0.99).</param>
/// <param name="BatchNormEpsilon">Batch-norm ε (default 0.001).</param>
public sealed record AutoencoderArchitecture(
    bool Large = true,
    int LatentDim = 4,
    float DropoutRate = 0.1f,
    float L2Coupling = 0f,
    int Features = 48,
    float BatchNormMomentum = 0.99f,
    float BatchNormEpsilon = 1e-3f)
{
    /// <summary>Widths of the encoder's hidden layers (the decoder uses them reversed).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<int> EncoderWidths => Large ? [100, 100, 64, 32] : [32, 8];

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (LatentDim < 1)
        {
            throw new ConfigurationException("latent_dim", $"must be at least 1, got {LatentDim}");
        }

        if (Features < 1)
        {
            throw new ConfigurationException("features", $"must be at least 1, got {Features}");
        }

        if (!(DropoutRate >= 0f && DropoutRate < 1f))
        {
            throw new ConfigurationException("dropout", $"must be in [0, 1), got {DropoutRate}");
        }

        if (!(L2Coupling >= 0f) || float.IsInfinity(L2Coupling))
        {
            throw new ConfigurationException("L2_reg_coupling", $"must be finite and ≥ 0, got {L2Coupling}");
        }

        if (!(BatchNormMomentum >= 0f && BatchNormMomentum <= 1f) || !(BatchNormEpsilon > 0f))
        {
            throw new ConfigurationException("batch_norm", "momentum must be in [0, 1] and epsilon > 0");
        }
    }
}
