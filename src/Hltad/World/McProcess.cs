namespace Hltad.World;

/// <summary>
/// The nine simulated signal processes of the synthetic world (models in <see cref="ProcessCatalog"/>).
/// </summary>
public enum McProcess
{
    A14N23LO,
    HAHMggfZdZd2l2nu,
    HHbbttHadHad,
    ZZ4lep,
    Zprime2EJs,
    JjJZ1,
    JjJZ2,
    JjJZ4,
    Qqa,
}
