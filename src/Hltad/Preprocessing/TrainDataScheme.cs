namespace Hltad.Preprocessing;

/// <summary>
/// Which EB events make up the training set <c>EB_train</c> (SEMANTICS.md section 6 step 2);
/// the configuration spells them as the reference study's <c>train_data_scheme</c> strings.
/// </summary>
public enum TrainDataScheme
{
    /// <summary><c>topo2A_train</c>: the events set aside for L1AD training.</summary>
    Topo2ATrain,

    /// <summary>
    /// <c>L1noalg_HLTall</c>: the run recorded with no HLT selection (tag <c>HLT_noalg_eb_L1All</c>).
    /// </summary>
    L1NoalgHltAll,

    /// <summary><c>topo2A_train+L1noalg_HLTall</c>: both tags.</summary>
    Topo2ATrainPlusL1NoalgHltAll,

    /// <summary>
    /// <c>topo2A_train+overlap</c>: <c>topo2A_train</c> plus the L1Seeded events of <c>HLT_noalg_eb_L1All</c>.
    /// </summary>
    Topo2ATrainPlusOverlap,
}
