namespace Hltad.Engine.Layers;

/// <summary>A layer that adds its own term to the batch loss (the VAE's KL divergence).</summary>
internal interface IAuxiliaryLoss
{
    /// <summary>Σ over this part's rows of wᵢ · termᵢ from the last forward pass (divided by n later).</summary>
    double PartialSum(int part);
}
