using System.Runtime.CompilerServices;

namespace Hltad.World;

/// <summary>
/// Generator-level building blocks of the synthetic world and the recipes and MC processes made of them.
/// The models and their numbers are described in <see cref="ProcessCatalog"/>; the hard scatter is always
/// added before the pileup so that jet 0 is the leading hard jet.
/// </summary>
internal static class HardProcesses
{
    private const double WMass = 80.4;
    private const double ZMass = 91.19;
    private const double HiggsMass = 125;
    private const double MuonMass = 0.106;

    /// <summary>Pileup jets and soft energy of μ interactions (<see cref="ProcessCatalog"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddPileup(WorldRandom random, TruthEvent truth)
    {
        int jets = random.Poisson(ProcessCatalog.PileupJetsPerInteraction * truth.Pileup);
        for (int i = 0; i < jets; i++)
        {
            double pt = random.PowerLaw(ProcessCatalog.PileupJetMinPt, ProcessCatalog.PileupJetIndex);
            double eta = random.Uniform(-ProcessCatalog.PileupJetMaxEta, ProcessCatalog.PileupJetMaxEta);
            truth.Jets.Add(pt, eta, random.Phi(), pt * random.Uniform(0.05, 0.2), JetKind.Pileup);
        }

        double sumEt = ProcessCatalog.SoftSumEtOffset + ProcessCatalog.SoftSumEtPerInteraction * truth.Pileup;
        truth.SoftSumEt += Math.Max(5, sumEt + 0.1 * sumEt * random.Gaussian());
    }

    /// <summary>The collision recorded by an EB item of the given recipe and threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Recipe(EbRecipe recipe, double threshold, WorldRandom random, TruthEvent truth)
    {
        switch (recipe)
        {
            case EbRecipe.MinimumBias:
                MinimumBias(random, truth);
                break;
            case EbRecipe.Dijet:
                Dijet(random, truth, threshold * 1.02);
                break;
            case EbRecipe.Multijet:
                Multijet(random, truth, threshold, 3 + random.Index(4));
                break;
            case EbRecipe.EGammaLow:
                EGammaLow(random, truth, threshold);
                break;
            case EbRecipe.EGammaHigh:
                EGammaHigh(random, truth, threshold);
                break;
            case EbRecipe.MuonLow:
                HeavyFlavourLepton(random, truth, threshold, muon: true);
                break;
            case EbRecipe.MuonHigh:
                MuonHigh(random, truth, threshold);
                break;
            case EbRecipe.DiEGamma:
                DiEGamma(random, truth);
                break;
            case EbRecipe.DiMuon:
                DiMuon(random, truth);
                break;
            case EbRecipe.MetLow:
                MetLow(random, truth, threshold);
                break;
            case EbRecipe.MetHigh:
                MetHigh(random, truth, threshold);
                break;
            default:
                Taus(random, truth, threshold);
                break;
        }
    }

    /// <summary>The hard scatter of one MC event of <paramref name="process"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mc(McProcess process, WorldRandom random, TruthEvent truth)
    {
        switch (process)
        {
            case McProcess.A14N23LO:
                Supersymmetry(random, truth);
                break;
            case McProcess.HAHMggfZdZd2l2nu:
                DarkPhotonPair(random, truth);
                break;
            case McProcess.HHbbttHadHad:
                HiggsPairBbTauTau(random, truth);
                break;
            case McProcess.ZZ4lep:
                ZzFourLeptons(random, truth);
                break;
            case McProcess.Zprime2EJs:
                EmergingJets(random, truth);
                break;
            case McProcess.JjJZ1:
                Dijet(random, truth, 20, 60);
                break;
            case McProcess.JjJZ2:
                Dijet(random, truth, 60, 160);
                break;
            case McProcess.JjJZ4:
                Dijet(random, truth, 400, 800);
                break;
            default:
                GammaJet(random, truth, 50, 4, fakePhoton: false);
                break;
        }
    }

    private static void MinimumBias(WorldRandom random, TruthEvent truth)
    {
        if (random.Bernoulli(0.25))
        {
            Dijet(random, truth, 12);
        }

        if (random.Bernoulli(0.01))
        {
            truth.Muons.Add(random.Uniform(3, 8), random.Uniform(-2.5, 2.5), random.Phi(), MuonMass);
        }

        if (random.Bernoulli(0.005))
        {
            truth.Electrons.Add(random.Uniform(4, 10), random.Uniform(-2.5, 2.5), random.Phi());
        }
    }

    /// <summary>
    /// QCD 2 → 2 with pT̂ ∝ pT̂^−5 in [min, max), a third jet 40 % of the time, b b̄ with a muon 2 %.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dijet(WorldRandom random, TruthEvent truth, double ptMin, double ptMax = double.PositiveInfinity)
    {
        double pt = double.IsPositiveInfinity(ptMax)
            ? random.PowerLaw(ptMin, ProcessCatalog.DijetIndex)
            : random.PowerLaw(ptMin, ptMax, ProcessCatalog.DijetIndex);
        double boost = random.Gaussian(0, 1.0);
        double phi = random.Phi();
        bool bottom = random.Bernoulli(0.02);
        var kind = bottom ? JetKind.Bottom : JetKind.Light;
        double second = pt * (1 - Math.Abs(random.Gaussian(0, 0.12)));
        truth.Jets.Add(pt, Eta(boost + random.Gaussian(0, 1.1)), phi, pt * random.Uniform(0.05, 0.15), kind);
        truth.Jets.Add(second, Eta(boost + random.Gaussian(0, 1.1)), phi + Math.PI + random.Gaussian(0, 0.15),
            second * random.Uniform(0.05, 0.15), kind);
        if (random.Bernoulli(0.4))
        {
            double third = second * random.Uniform(0.15, 0.6);
            truth.Jets.Add(third, Eta(random.Gaussian(0, 1.8)), random.Phi(), third * 0.1);
        }

        if (bottom && random.Bernoulli(0.5))
        {
            double muon = pt * random.Uniform(0.05, 0.3);
            truth.Muons.Add(muon, truth.Jets.Eta[0] + random.Gaussian(0, 0.1), phi + random.Gaussian(0, 0.1), MuonMass);
            truth.AddInvisible(muon * random.Uniform(0.3, 0.9), phi);
        }
    }

    private static void Multijet(WorldRandom random, TruthEvent truth, double ptMin, int count)
    {
        for (int i = 0; i < count; i++)
        {
            double pt = random.PowerLaw(i < 3 ? ptMin * 1.05 : 20, 4);
            truth.Jets.Add(pt, Eta(random.Gaussian(0, 1.4)), random.Phi(), pt * random.Uniform(0.05, 0.15));
        }
    }

    private static void EGammaLow(WorldRandom random, TruthEvent truth, double threshold)
    {
        double choice = random.Uniform();
        if (choice < 0.7)
        {
            FakeElectromagneticJet(random, truth, Math.Max(20, threshold * 1.6));
        }
        else if (choice < 0.9)
        {
            HeavyFlavourLepton(random, truth, threshold, muon: false);
        }
        else
        {
            GammaJet(random, truth, threshold, 4.5, fakePhoton: false);
        }
    }

    private static void EGammaHigh(WorldRandom random, TruthEvent truth, double threshold)
    {
        double choice = random.Uniform();
        if (choice < 0.35)
        {
            WLeptonNeutrino(random, truth, LeptonFlavour.Electron);
        }
        else if (choice < 0.5)
        {
            ZLeptons(random, truth, ZMass, LeptonFlavour.Electron, 10);
        }
        else if (choice < 0.7)
        {
            GammaJet(random, truth, threshold, 4.5, fakePhoton: false);
        }
        else
        {
            FakeElectromagneticJet(random, truth, Math.Max(35, threshold * 1.6));
        }
    }

    private static void MuonHigh(WorldRandom random, TruthEvent truth, double threshold)
    {
        double choice = random.Uniform();
        if (choice < 0.45)
        {
            WLeptonNeutrino(random, truth, LeptonFlavour.Muon);
        }
        else if (choice < 0.6)
        {
            ZLeptons(random, truth, ZMass, LeptonFlavour.Muon, 10);
        }
        else if (choice < 0.85)
        {
            HeavyFlavourLepton(random, truth, threshold, muon: true);
        }
        else
        {
            Quarkonium(random, truth);
        }
    }

    private static void DiEGamma(WorldRandom random, TruthEvent truth)
    {
        if (random.Bernoulli(0.7))
        {
            ZLeptons(random, truth, ZMass, LeptonFlavour.Electron, 10);
            return;
        }

        double phi = random.Phi();
        double lead = random.PowerLaw(18, 4.5);
        truth.Photons.Add(lead, random.Uniform(-2.3, 2.3), phi);
        truth.Photons.Add(Math.Max(16, lead * random.Uniform(0.5, 1.0)), random.Uniform(-2.3, 2.3), phi + Math.PI);
    }

    private static void DiMuon(WorldRandom random, TruthEvent truth)
    {
        if (random.Bernoulli(0.6))
        {
            ZLeptons(random, truth, ZMass, LeptonFlavour.Muon, 10);
            return;
        }

        double mass = random.Bernoulli(0.6) ? 3.097 : 9.46;
        var onium = FourMomentum.FromPtRapidity(
            18 + random.Exponential(12), random.Gaussian(0, 1.2), random.Phi(), mass);
        var (a, b) = onium.Decay(random, MuonMass, MuonMass);
        truth.Muons.Add(a.Pt, a.Eta, a.Phi, MuonMass);
        truth.Muons.Add(b.Pt, b.Eta, b.Phi, MuonMass);
    }

    private static void MetLow(WorldRandom random, TruthEvent truth, double threshold)
    {
        if (random.Bernoulli(0.6))
        {
            BadlyMeasuredDijet(random, truth, threshold);
        }
        else
        {
            WLeptonNeutrino(random, truth, (LeptonFlavour)random.Index(3));
        }
    }

    private static void MetHigh(WorldRandom random, TruthEvent truth, double threshold)
    {
        double choice = random.Uniform();
        if (choice < 0.4)
        {
            ZNeutrinosJet(random, truth, threshold * 1.1);
        }
        else if (choice < 0.65)
        {
            WLeptonNeutrino(random, truth, (LeptonFlavour)random.Index(3));
        }
        else if (choice < 0.8)
        {
            TopPair(random, truth);
        }
        else
        {
            BadlyMeasuredDijet(random, truth, threshold);
        }
    }

    /// <summary>QCD whose leading jet loses 40–90 % of its energy: fake MET of about that share of its pt.</summary>
    private static void BadlyMeasuredDijet(WorldRandom random, TruthEvent truth, double threshold)
    {
        double loss = random.Uniform(0.4, 0.9);
        Dijet(random, truth, threshold / loss);
        truth.LeadingJetLoss = loss;
    }

    private static void Taus(WorldRandom random, TruthEvent truth, double threshold)
    {
        if (random.Bernoulli(0.3))
        {
            var z = FourMomentum.FromPtRapidity(random.Exponential(15) + threshold * 0.5, random.Gaussian(0, 1.5),
                random.Phi(), random.Gaussian(ZMass, 2.5));
            var (a, b) = z.Decay(random);
            AddTau(random, truth, a, hadronicOnly: false);
            AddTau(random, truth, b, hadronicOnly: false);
        }
        else
        {
            Dijet(random, truth, threshold * 2.2);
        }
    }

    private static void FakeElectromagneticJet(WorldRandom random, TruthEvent truth, double ptMin)
    {
        Dijet(random, truth, ptMin);
        double fraction = random.Uniform(0.6, 0.95);
        truth.Photons.Add(truth.Jets.Pt[0] * fraction, truth.Jets.Eta[0], truth.Jets.Phi[0], fake: true);
    }

    private static void HeavyFlavourLepton(WorldRandom random, TruthEvent truth, double threshold, bool muon)
    {
        // b b̄ with a semileptonic decay: the lepton takes 20–70 % of its b-jet, a neutrino some of the rest.
        double lepton = random.PowerLaw(Math.Max(3, threshold * 0.97), 4.5);
        double jet = lepton / random.Uniform(0.2, 0.7);
        double phi = random.Phi();
        double eta = Eta(random.Gaussian(0, 1.2));
        truth.Jets.Add(jet - lepton, eta, phi, jet * 0.1, JetKind.Bottom);
        double recoil = jet * random.Uniform(0.6, 1.0);
        truth.Jets.Add(recoil, Eta(random.Gaussian(0, 1.2)), phi + Math.PI, jet * 0.1, JetKind.Bottom);
        double leptonEta = eta + random.Gaussian(0, 0.1), leptonPhi = phi + random.Gaussian(0, 0.1);
        if (muon)
        {
            truth.Muons.Add(lepton, leptonEta, leptonPhi, MuonMass);
        }
        else
        {
            truth.Electrons.Add(lepton, leptonEta, leptonPhi);
        }

        truth.AddInvisible(lepton * random.Uniform(0.2, 0.8), phi);
    }

    private static void WLeptonNeutrino(WorldRandom random, TruthEvent truth, LeptonFlavour flavour)
    {
        var w = FourMomentum.FromPtRapidity(random.Exponential(8), random.Gaussian(0, 1.8), random.Phi(),
            Math.Max(60, random.Gaussian(WMass, 2.1)));
        var (lepton, neutrino) = w.Decay(random);
        AddLepton(random, truth, lepton, flavour);
        truth.AddInvisible(neutrino.Pt, neutrino.Phi);
        AddRecoilJet(random, truth, w);
    }

    /// <summary>A Z (or Z*, or Zd) of the given mass decaying to two leptons of one flavour.</summary>
    private static void ZLeptons(
        WorldRandom random, TruthEvent truth, double mass, LeptonFlavour flavour, double meanPt)
    {
        var z = FourMomentum.FromPtRapidity(random.Exponential(meanPt), random.Gaussian(0, 1.8), random.Phi(),
            random.Gaussian(mass, mass > 80 ? 2.5 : 0.5));
        var (a, b) = z.Decay(random);
        AddLepton(random, truth, a, flavour);
        AddLepton(random, truth, b, flavour);
        AddRecoilJet(random, truth, z);
    }

    private static void ZNeutrinosJet(WorldRandom random, TruthEvent truth, double jetPtMin)
    {
        double pt = random.PowerLaw(jetPtMin, 4.5);
        double phi = random.Phi();
        truth.Jets.Add(pt, Eta(random.Gaussian(0, 1.3)), phi, pt * 0.1);
        truth.AddInvisible(pt * random.Gaussian(1, 0.1), phi + Math.PI + random.Gaussian(0, 0.2));
    }

    private static void TopPair(WorldRandom random, TruthEvent truth)
    {
        for (int b = 0; b < 2; b++)
        {
            double pt = 30 + random.Exponential(50);
            truth.Jets.Add(pt, Eta(random.Gaussian(0, 1.2)), random.Phi(), pt * 0.1, JetKind.Bottom);
        }

        int light = random.Bernoulli(0.45) ? 2 : 4;
        for (int j = 0; j < light; j++)
        {
            double pt = 25 + random.Exponential(40);
            truth.Jets.Add(pt, Eta(random.Gaussian(0, 1.4)), random.Phi(), pt * 0.1);
        }

        if (light == 2)
        {
            var lepton = FourMomentum.FromPtRapidity(
                20 + random.Exponential(30), random.Gaussian(0, 1.2), random.Phi(), 0);
            AddLepton(random, truth, lepton, (LeptonFlavour)random.Index(2));
            truth.AddInvisible(20 + random.Exponential(30), random.Phi());
        }
    }

    private static void GammaJet(WorldRandom random, TruthEvent truth, double ptMin, double index, bool fakePhoton)
    {
        double pt = random.PowerLaw(ptMin, index);
        double phi = random.Phi();
        truth.Photons.Add(pt, random.Uniform(-2.4, 2.4), phi, fake: fakePhoton);
        double jet = pt * Math.Max(0.3, random.Gaussian(1, 0.15));
        truth.Jets.Add(jet, Eta(random.Gaussian(0, 1.5)), phi + Math.PI + random.Gaussian(0, 0.2), jet * 0.1);
    }

    private static void Quarkonium(WorldRandom random, TruthEvent truth)
    {
        double mass = random.Bernoulli(0.7) ? 3.097 : 9.46;
        var onium = FourMomentum.FromPtRapidity(
            8 + random.Exponential(10), random.Gaussian(0, 1.2), random.Phi(), mass);
        var (a, b) = onium.Decay(random, MuonMass, MuonMass);
        truth.Muons.Add(a.Pt, a.Eta, a.Phi, MuonMass);
        truth.Muons.Add(b.Pt, b.Eta, b.Phi, MuonMass);
    }

    private static void Supersymmetry(WorldRandom random, TruthEvent truth)
    {
        int jets = 4 + random.Index(3);
        double lead = 100 + random.Exponential(200);
        truth.Jets.Add(lead, Eta(random.Gaussian(0, 1.3)), random.Phi(), lead * 0.1);
        for (int j = 1; j < jets; j++)
        {
            double pt = lead * random.Uniform(0.2, 0.8);
            truth.Jets.Add(pt, Eta(random.Gaussian(0, 1.3)), random.Phi(), pt * 0.1);
        }

        truth.AddInvisible(80 + random.Exponential(170), random.Phi());
    }

    private static void DarkPhotonPair(WorldRandom random, TruthEvent truth)
    {
        double darkMass = random.Uniform(25, 60);
        var higgs = FourMomentum.FromPtRapidity(
            random.Exponential(15), random.Gaussian(0, 1.6), random.Phi(), HiggsMass);
        var (visible, invisible) = higgs.Decay(random, darkMass, darkMass);
        var (a, b) = visible.Decay(random);
        var flavour = (LeptonFlavour)random.Index(2);
        AddLepton(random, truth, a, flavour);
        AddLepton(random, truth, b, flavour);
        truth.AddInvisible(invisible.Pt, invisible.Phi);
        if (random.Bernoulli(0.3))
        {
            double pt = 20 + random.Exponential(30);
            truth.Jets.Add(pt, Eta(random.Gaussian(0, 2)), higgs.Phi + Math.PI, pt * 0.1);
        }
    }

    private static void HiggsPairBbTauTau(WorldRandom random, TruthEvent truth)
    {
        double pt = 50 + random.Exponential(60);
        double phi = random.Phi();
        var first = FourMomentum.FromPtRapidity(pt, random.Gaussian(0, 1.2), phi, HiggsMass);
        var second = FourMomentum.FromPtRapidity(pt, random.Gaussian(0, 1.2), phi + Math.PI, HiggsMass);
        var (b1, b2) = first.Decay(random);
        truth.Jets.Add(b1.Pt, b1.Eta, b1.Phi, 5, JetKind.Bottom);
        truth.Jets.Add(b2.Pt, b2.Eta, b2.Phi, 5, JetKind.Bottom);
        var (t1, t2) = second.Decay(random);
        AddTau(random, truth, t1, hadronicOnly: true);
        AddTau(random, truth, t2, hadronicOnly: true);
    }

    private static void ZzFourLeptons(WorldRandom random, TruthEvent truth)
    {
        // Mostly Z Z* with a light, soft second pair; the first Z is often off-shell too.
        double first = random.Bernoulli(0.3) ? ZMass : random.Uniform(12, 70);
        ZLeptons(random, truth, first, (LeptonFlavour)random.Index(2), 12);
        double second = random.Bernoulli(0.8) ? random.Uniform(4, 30) : ZMass;
        ZLeptons(random, truth, second, (LeptonFlavour)random.Index(2), 12);
    }

    private static void EmergingJets(WorldRandom random, TruthEvent truth)
    {
        double pt = 350 + random.Exponential(300);
        double phi = random.Phi();
        double second = pt * random.Uniform(0.75, 1.0);
        truth.Jets.Add(pt, Eta(random.Gaussian(0, 1.0)), phi, pt * 0.12);
        truth.Jets.Add(second, Eta(random.Gaussian(0, 1.0)), phi + Math.PI + random.Gaussian(0, 0.1), second * 0.12);
        int extra = 1 + random.Index(3);
        for (int j = 0; j < extra; j++)
        {
            double soft = random.Uniform(30, 150);
            truth.Jets.Add(soft, Eta(random.Gaussian(0, 1.5)), random.Phi(), soft * 0.1);
        }

        int displaced = 1 + random.Index(3);
        for (int d = 0; d < displaced; d++)
        {
            int jet = random.Index(2);
            double leptonPt = random.Uniform(3, 30);
            double eta = truth.Jets.Eta[jet] + random.Gaussian(0, 0.2);
            double leptonPhi = truth.Jets.Phi[jet] + random.Gaussian(0, 0.2);
            if (random.Bernoulli(0.5))
            {
                truth.Muons.Add(leptonPt, eta, leptonPhi, MuonMass, displaced: true);
            }
            else
            {
                truth.Electrons.Add(leptonPt, eta, leptonPhi, displaced: true);
            }
        }
    }

    private static void AddLepton(WorldRandom random, TruthEvent truth, FourMomentum lepton, LeptonFlavour flavour)
    {
        switch (flavour)
        {
            case LeptonFlavour.Electron:
                truth.Electrons.Add(lepton.Pt, lepton.Eta, lepton.Phi);
                break;
            case LeptonFlavour.Muon:
                truth.Muons.Add(lepton.Pt, lepton.Eta, lepton.Phi, MuonMass);
                break;
            default:
                AddTau(random, truth, lepton, hadronicOnly: false);
                break;
        }
    }

    /// <summary>A tau: hadronic (65 %, or always) leaves a narrow jet with 35–85 % of its momentum; else
    /// e/μ.</summary>
    private static void AddTau(WorldRandom random, TruthEvent truth, FourMomentum tau, bool hadronicOnly)
    {
        if (hadronicOnly || random.Bernoulli(0.65))
        {
            double visible = random.Uniform(0.35, 0.85);
            truth.Jets.Add(tau.Pt * visible, tau.Eta, tau.Phi, 1.2, JetKind.Tau);
            truth.AddInvisible(tau.Pt * (1 - visible), tau.Phi);
            return;
        }

        double share = random.Uniform(0.15, 0.7);
        if (random.Bernoulli(0.5))
        {
            truth.Electrons.Add(tau.Pt * share, tau.Eta, tau.Phi);
        }
        else
        {
            truth.Muons.Add(tau.Pt * share, tau.Eta, tau.Phi, MuonMass);
        }

        truth.AddInvisible(tau.Pt * (1 - share), tau.Phi);
    }

    private static void AddRecoilJet(WorldRandom random, TruthEvent truth, FourMomentum boson)
    {
        if (boson.Pt > 15 && random.Bernoulli(0.6))
        {
            double pt = boson.Pt * random.Gaussian(1, 0.2);
            truth.Jets.Add(Math.Max(5, pt), Eta(random.Gaussian(0, 1.8)), boson.Phi + Math.PI, pt * 0.1);
        }
    }

    private static double Eta(double value) => Math.Clamp(value, -4.8, 4.8);

    private enum LeptonFlavour
    {
        Electron,
        Muon,
        Tau,
    }
}
