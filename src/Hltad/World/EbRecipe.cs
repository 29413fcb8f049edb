namespace Hltad.World;

/// <summary>What kind of collision an Enhanced-Bias item records (models in <see cref="ProcessCatalog"/>).</summary>
internal enum EbRecipe
{
    MinimumBias,
    Dijet,
    Multijet,
    EGammaLow,
    EGammaHigh,
    DiEGamma,
    MuonLow,
    MuonHigh,
    DiMuon,
    MetLow,
    MetHigh,
    Tau,
}
