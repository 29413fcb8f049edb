namespace Hltad.World;

/// <summary>
/// The model of the synthetic world, in one place: every process, its signature and its numbers.
/// <para><b>Common to every event.</b> Pileup μ interactions add Poisson(0.04 μ) pileup jets with a steep
/// spectrum (pt ≥ 12 GeV, dN/dpt ∝ pt^−4.5, |η| &lt; 4.5) and a soft transverse energy ΣET = 20 + 6 μ GeV that
/// smears the MET by 0.5 √ΣET per component: at μ ≈ 50 a crossing has two pileup jets, one in six of them above
/// 20 GeV, and ~10 GeV of MET, both rising with μ. EB runs follow the luminosity decay of a fill,
/// μ = μ_peak · exp(−t / 1.5) over the run (t from 0 to 1), ≈ 50 on average; MC has μ ~ N(50, 10).</para>
/// <para><b>Detector</b> (<see cref="Detector"/>). HLT jets: pt smeared by
/// σ/pt = √((0.4√μ / pt)² + 0.75² / pt + 0.05²), kept above 20 GeV; offline jets the same truth with 85 % of
/// that spread. Electrons/photons (|η| &lt; 2.47 / 2.37) 1.5 %, muons (|η| &lt; 2.5) 2.5 %. HLT MET is the
/// invisible momentum plus jet mismeasurement plus the soft term; −999 in 0.2 % of events. L1 objects are
/// coarser copies of the HLT ones: η and φ on a 0.1 grid, jet et × (0.93 ± 0.08), e/γ × (0.97 ± 0.04),
/// L1 muon et is the highest muon-trigger threshold passed (4, 6, 8, 10, 14 or 20 GeV; no candidate below 4 GeV),
/// stored × 1e-3; hadronic taus and, often, jets appear as L1 taus (eFex taus kept above 12 GeV); jets fake
/// L1 e/γ 2 % of the time. The L1 calorimeter does not tell e/γ from hadrons: every
/// real electron or photon is also a jFex jet (et × (0.95 ± 0.05)) and an eFex tau (× (0.92 ± 0.05)). L1 MET is
/// the invisible momentum ×0.9 plus jet mismeasurement plus the soft term; below 30 GeV nothing survives the
/// noise cuts and pileup subtraction and it reads 0 (φ 0). A quiet crossing is therefore empty at L1, and a
/// crossing with any Topo2A object fires a prescaled item (J20, TAU12, MU4, XE30); NaN φ in 0.1 %.</para>
/// <para><b>Menus</b> (<see cref="EmulatedMenu"/>). <c>pass_L1_unprescaled</c>: J100, 3J50, EM22, 2EM15, MU14,
/// 2MU8, TAU60, XE55. <c>pass_HLT_unprescaled</c> (needs L1), each chain after its own L1 item: j420 (J100),
/// 4j100 (3J50), e26 and g140 (EM22), 2e17 and 2g35 (25) (2EM15), mu26 (MU14), 2mu14 (2MU8), xe110 (XE55);
/// identification, isolation and the L1 muon acceptance (one draw per event) keep 75 % of the events of e26 and
/// mu26, 85 % of 2e17, 80 % of 2mu14 and 95 % of the photon chains, so leptonic events often fail.</para>
/// <para><b>Enhanced Bias</b> (<see cref="EbItems"/>). Each EB event is recorded by one L1 item, drawn by its
/// share of the sample; its collision is generated to fire that item (regenerated until it does). Its weight
/// undoes the prescales of every EB item it passes: w = 1 / (1 − Π(1 − 1/PS)), the random trigger always
/// included. Random-trigger events (40 % of the sample) that fire nothing else weigh PS_RD = 6000 × the run's
/// factor and carry almost all of Σw; those with a pileup jet, tau, muon or MET above a low threshold weigh
/// about that item's prescale (3–40); events firing an unprescaled item weigh exactly 1. With Σw ≈ 1400 per
/// event, a 1 kHz L1AD budget (2.5e-5 of Σw) buys several hundred events from low-prescale items on top of the
/// weight-1 events it selects (about 1500 events of 140 000 in all), and leaves the empty random crossings out.
/// The recipes:
/// minimum bias (pileup only, a soft dijet 25 % of the time, a soft muon 1 %, electron 0.5 %); QCD dijets
/// with pT̂ ∝ pT̂^−5 from just below the item threshold (a third jet 40 % of the time, a b-jet pair with a
/// semileptonic muon 2 %); multijets (3–6 jets, pt^−4 from 45 GeV); low e/γ (QCD with a jet faking e/γ 70 %,
/// a heavy-flavour electron 20 %, a prompt photon 10 %); high e/γ (W→eν 35 %, Z→ee 15 %, γ+jet 20 %, fakes
/// 30 %); low μ (b b̄ with a semileptonic muon, pt^−4.5 from the threshold); high μ (W→μν 45 %, Z→μμ 15 %,
/// heavy flavour 25 %, J/ψ/ϒ→μμ 15 %); di-e/γ (Z→ee 70 %, γγ 30 %);
/// di-μ (Z→μμ 60 %, boosted J/ψ/ϒ 40 %);
/// low MET (QCD whose leading jet loses 40–90 % of its energy 60 %, W→ℓν 40 %); high MET (Z→νν+jet 40 %,
/// W→ℓν 25 %, t t̄ 15 %, badly measured QCD 20 %); taus (Z→ττ 30 %, QCD with pT̂ above twice the threshold
/// whose jets fake taus 70 %).</para>
/// <para><b>MC processes</b> (<see cref="McProcess"/>, weight 1, pileup overlaid):
/// <list type="bullet">
/// <item><c>A14N23LO</c> — gluino-pair-like SUSY: 4–6 jets (lead 100 + Exp(200) GeV) and large MET from two
/// neutralinos (80 + Exp(170) GeV); mostly fires xe110/j420, about a quarter does not.</item>
/// <item><c>HAHMggfZdZd2l2nu</c> — H → Zd Zd (m_Zd 25–60 GeV), Zd → ℓℓ, Zd → νν: two same-flavour
/// leptons of
/// 5–45 GeV and 15–60 GeV of MET; below the single-lepton thresholds most of the time, so HLT often fails.</item>
/// <item><c>HHbbttHadHad</c> — HH → b b̄ τ_h τ_h: two b-jets (40–150 GeV), two hadronic taus (visible
/// 20–90 GeV, seen as jets and L1 taus), 15–60 GeV of MET from the tau neutrinos.</item>
/// <item><c>ZZ4lep</c> — ZZ(*)/γ* → 4ℓ (each pair ee or μμ; the first pair on-shell 30 % of the time, else
/// 12–70 GeV, the second pair 4–30 GeV 80 % of the time, else on-shell): four leptons, the softest few GeV; the
/// lepton triggers miss almost half.</item>
/// <item><c>Zprime2EJs</c> — Z′ → two emerging jets: two very hard jets (350 + Exp(300) GeV) with extra jets and
/// one to three displaced tracks seen as LRT leptons.</item>
/// <item><c>jjJZ1</c>, <c>jjJZ2</c>, <c>jjJZ4</c> — QCD dijets (the EB dijet recipe) with leading-jet pT̂ in
/// 20–60, 60–160 and 400–800 GeV: EB-like by construction.</item>
/// <item><c>qqa</c> — q q̄ → γ + jet: one hard isolated photon (pt^−4 from 50 GeV) recoiling against a jet;
/// g140 fires only for the hardest tenth.</item>
/// </list></para>
/// </summary>
internal static class ProcessCatalog
{
    /// <summary>The EB runs written by default; 475341 is the run recorded without HLT selection.</summary>
    public static IReadOnlyList<int> DefaultRuns { get; } = [473255, 475341, 476083];

    /// <summary>Per-run peak pileup and random-trigger prescale factor, by run order.</summary>
    public static IReadOnlyList<(double PeakPileup, double PrescaleFactor)> RunConditions { get; } =
        [(66, 1.0), (62, 1.3), (69, 0.85)];

    public const double PileupJetsPerInteraction = 0.04;
    public const double PileupJetMinPt = 12;
    public const double PileupJetIndex = 4.5;
    public const double PileupJetMaxEta = 4.5;
    public const double SoftSumEtOffset = 20;
    public const double SoftSumEtPerInteraction = 6;
    public const double SoftMetResolution = 0.5;
    public const double LuminosityDecay = 1.5;
    public const double McPileupMean = 50;
    public const double McPileupSigma = 10;

    /// <summary>QCD spectrum index of the dijet recipe and the jjJZ slices.</summary>
    public const double DijetIndex = 5;

    /// <summary>Share of EB events whose (run, event) pair goes to the L1AD training list (475341 excluded).</summary>
    public const double L1adTrainingShare = 0.30;

    /// <summary>
    /// The EB items: name, cut, prescale (before the run factor), share of the EB sample, recipe.
    /// Shares sum to 1; prescaled items' prescales scale with the run's factor.
    /// </summary>
    public static EbItem[] EbItems { get; } =
    [
        new("L1_RD0_FILLED", L1Quantity.Random, 0, 0, 6000, 0.40, EbRecipe.MinimumBias),
        new("L1_J20", L1Quantity.Jet, 20, 1, 40, 0.05, EbRecipe.Dijet),
        new("L1_J30", L1Quantity.Jet, 30, 1, 15, 0.04, EbRecipe.Dijet),
        new("L1_J50", L1Quantity.Jet, 50, 1, 6, 0.04, EbRecipe.Dijet),
        new("L1_J75", L1Quantity.Jet, 75, 1, 3, 0.03, EbRecipe.Dijet),
        new("L1_J100", L1Quantity.Jet, 100, 1, 1, 0.06, EbRecipe.Dijet),
        new("L1_3J50", L1Quantity.Jet, 50, 3, 1, 0.06, EbRecipe.Multijet),
        new("L1_EM8", L1Quantity.EGamma, 8, 1, 25, 0.03, EbRecipe.EGammaLow),
        new("L1_EM15", L1Quantity.EGamma, 15, 1, 6, 0.03, EbRecipe.EGammaLow),
        new("L1_EM22", L1Quantity.EGamma, 22, 1, 1, 0.05, EbRecipe.EGammaHigh),
        new("L1_2EM15", L1Quantity.EGamma, 15, 2, 1, 0.015, EbRecipe.DiEGamma),
        new("L1_MU4", L1Quantity.Muon, 4, 1, 12, 0.03, EbRecipe.MuonLow),
        new("L1_MU8", L1Quantity.Muon, 8, 1, 4, 0.02, EbRecipe.MuonLow),
        new("L1_MU14", L1Quantity.Muon, 14, 1, 1, 0.04, EbRecipe.MuonHigh),
        new("L1_2MU8", L1Quantity.Muon, 8, 2, 1, 0.015, EbRecipe.DiMuon),
        new("L1_TAU12", L1Quantity.Tau, 12, 1, 25, 0.02, EbRecipe.Tau),
        new("L1_TAU60", L1Quantity.Tau, 60, 1, 1, 0.02, EbRecipe.Tau),
        new("L1_XE30", L1Quantity.Met, 30, 1, 12, 0.02, EbRecipe.MetLow),
        new("L1_XE55", L1Quantity.Met, 55, 1, 1, 0.03, EbRecipe.MetHigh),
    ];

    /// <summary>The file tag of an MC process: <c>&lt;tag&gt;_ntuples.h5</c>.</summary>
    public static string Tag(McProcess process) => process switch
    {
        McProcess.JjJZ1 => "jjJZ1",
        McProcess.JjJZ2 => "jjJZ2",
        McProcess.JjJZ4 => "jjJZ4",
        McProcess.Qqa => "qqa",
        _ => process.ToString(),
    };
}
