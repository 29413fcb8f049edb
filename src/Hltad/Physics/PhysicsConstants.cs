namespace Hltad.Physics;

/// <summary>
/// Every number of the physics that the pipeline uses, in one place (SEMANTICS.md).
/// Rates are in Hz, momenta in GeV.
/// </summary>
public static class PhysicsConstants
{
    /// <summary>LHC bunch-crossing rate: the L1 input rate (SEMANTICS.md section 5).</summary>
    public const double BunchCrossingRateHz = 40e6;

    /// <summary>HLT input rate of the L1-all seeding scheme (section 5).</summary>
    public const double L1AllHltInputRateHz = 100e3;

    /// <summary>Default L1AD rate budget of preprocessing (section 6).</summary>
    public const double DefaultL1adRateHz = 1000;

    /// <summary>Default HLTAD pure-rate budget of evaluation (section 9).</summary>
    public const double DefaultTargetRateHz = 10;

    /// <summary>The EB run recorded with no HLT selection; it becomes tag <c>HLT_noalg_eb_L1All</c>.</summary>
    public const int NoHltSelectionRun = 475341;

    /// <summary>Value the ntuples use for a MET that was not computed.</summary>
    public const float MetNotComputed = -999f;

    /// <summary>Default cap on events per MC tag in matching.</summary>
    public const int DefaultMcCap = 100_000;

    /// <summary>Stored L1 muon et is this many times smaller than GeV.</summary>
    public const float L1MuonEtStorageFactor = 1000f;

    /// <summary>Pileup efficiency histogram: number of equal bins and margin around the mu range (section 9).</summary>
    public const int PileupBins = 34;

    /// <summary>Margin in mu added below min(non-zero mu) and above max(mu) for the pileup bins.</summary>
    public const double PileupMargin = 5;

    /// <summary>Confidence level of the Clopper–Pearson pileup intervals.</summary>
    public const double PileupConfidenceLevel = 0.683;

    /// <summary>Fraction of EB_train kept for training; the rest is EB_val (section 6 step 9).</summary>
    public const double TrainFraction = 0.85;

    /// <summary>
    /// <c>per_event</c> normalisation: pt × this / Σpt of the event (section 6 step 8).
    /// </summary>
    public const double PerEventPtScale = 10;

    /// <summary>
    /// <c>global_division</c> normalisation: pt × this / mean over EB_train of the per-event Σpt (section 6 step 8).
    /// </summary>
    public const double GlobalDivisionPtScale = 5;

    /// <summary>Scale of event weights in training: 1000 · w / Σ w(EB_val) (section 7).</summary>
    public const double TrainingWeightScale = 1000;
}
