namespace Hltad.Engine;

/// <summary>
/// A variational autoencoder of the L1AD kind (SEMANTICS.md section 2): encoder Inputs → Hidden1 → Hidden2,
/// each Dense → BatchNorm → (Leaky)ReLU, then a Dense head giving the latent mean and log variance
/// (LatentDim each); a reparameterised sample; decoder LatentDim → Hidden2 → Hidden1 of the same blocks and
/// a linear Dense back to Inputs. Loss per event: the masked MSE of section 7 plus β · KL(q(z|x) ‖ N(0, 1)).
/// Exported as the mean-only encoder, whose score is the mean of the squared outputs.
/// </summary>
/// <param name="Inputs">Values per event (default 44: the Topo2A vector).</param>
/// <param name="Hidden1">First encoder width (default 32).</param>
/// <param name="Hidden2">Second encoder width (default 16).</param>
/// <param name="LatentDim">Latent width (default 3).</param>
/// <param name="Beta">Weight β of the KL term (default 1).</param>
/// <param name="LeakyReluSlope">Negative slope of the activations; 0 (default) is ReLU.</param>
/// <param name="BatchNormMomentum">Keras batch-norm momentum (default 0.99).</param>
/// <param name="BatchNormEpsilon">Batch-norm ε (default 0.001).</param>
public sealed record VaeArchitecture(
    int Inputs = 44,
    int Hidden1 = 32,
    int Hidden2 = 16,
    int LatentDim = 3,
    float Beta = 1f,
    float LeakyReluSlope = 0f,
    float BatchNormMomentum = 0.99f,
    float BatchNormEpsilon = 1e-3f)
{
    /// <summary>Throws <see cref="ConfigurationException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (Inputs < 1 || Hidden1 < 1 || Hidden2 < 1 || LatentDim < 1)
        {
            throw new ConfigurationException("vae", "every width must be at least 1");
        }

        if (!(Beta >= 0f) || float.IsInfinity(Beta))
        {
            throw new ConfigurationException("vae.beta", $"must be finite and ≥ 0, got {Beta}");
        }

        if (!(LeakyReluSlope >= 0f && LeakyReluSlope < 1f))
        {
            throw new ConfigurationException("vae.leaky_relu_slope", $"must be in [0, 1), got {LeakyReluSlope}");
        }
    }
}
