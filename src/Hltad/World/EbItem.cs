namespace Hltad.World;

/// <summary>
/// An L1 item of the emulated menu that Enhanced Bias records with: pass when at least
/// <paramref name="Multiplicity"/> L1 objects of <paramref name="Quantity"/> have et ≥ <paramref
/// name="ThresholdGeV"/>.
/// </summary>
/// <param name="Name">ATLAS-like item name.</param>
/// <param name="Quantity">What the item cuts on.</param>
/// <param name="ThresholdGeV">et threshold, GeV (MET for <see cref="L1Quantity.Met"/>).</param>
/// <param name="Multiplicity">Objects required.</param>
/// <param name="Prescale">EB prescale before the run's factor; 1 = unprescaled (part of
/// <c>pass_L1_unprescaled</c>).</param>
/// <param name="Fraction">Share of the EB sample recorded by this item.</param>
/// <param name="Recipe">The collisions generated for events this item records.</param>
internal sealed record EbItem(
    string Name,
    L1Quantity Quantity,
    double ThresholdGeV,
    int Multiplicity,
    double Prescale,
    double Fraction,
    EbRecipe Recipe)
{
    public bool IsUnprescaled => Prescale <= 1;
}
