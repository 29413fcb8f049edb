using System.Runtime.CompilerServices;
using Hltad.Physics;

namespace Hltad.World;

/// <summary>
/// Emulates the HLT, offline and L1 reconstruction of one truth event and writes its row of the ntuple
/// (resolutions and fake rates in <see cref="ProcessCatalog"/>). After <see cref="Emulate"/> the sorted
/// object lists stay available for the trigger menu. One instance per thread.
/// </summary>
internal sealed class Detector
{
    public const double HltJetMinPt = 20;
    public const double L1JetMinEt = 20;

    /// <summary>Smallest eFex tau et kept, GeV.</summary>
    public const double L1TauMinEt = 12;

    /// <summary>
    /// L1 MET below this is reported as 0 (φ 0), GeV: in a soft crossing no tower survives the noise cuts and
    /// the pileup subtraction.
    /// </summary>
    public const double L1MetNoiseCut = 30;
    private const double NotComputedProbability = 0.002;
    private const double L1NotComputedProbability = 0.0005;
    private const double L1NanPhiProbability = 0.001;
    private const double HltNanPhiProbability = 0.0003;

    public readonly ObjectScratch HltJets = new(48);
    public readonly ObjectScratch HltElectrons = new(16);
    public readonly ObjectScratch HltMuons = new(16);
    public readonly ObjectScratch HltPhotons = new(16);
    public readonly ObjectScratch L1Jets = new(48);
    public readonly ObjectScratch L1EGammas = new(32);
    public readonly ObjectScratch L1Muons = new(16);
    public readonly ObjectScratch L1EFexTaus = new(32);
    private readonly ObjectScratch _offlineJets = new(48);
    private readonly ObjectScratch _offlineElectrons = new(16);
    private readonly ObjectScratch _offlineMuons = new(16);
    private readonly ObjectScratch _offlinePhotons = new(16);
    private readonly ObjectScratch _lrtElectrons = new(16);
    private readonly ObjectScratch _lrtMuons = new(16);
    private readonly ObjectScratch _l1LargeRadiusJets = new(48);
    private readonly ObjectScratch _l1JFexTaus = new(32);
    private readonly ObjectScratch[] _allLists;
    private double _metX, _metY, _l1MetX, _l1MetY;
    private bool _hltNanPhi, _l1NanPhi;

    public Detector()
    {
        _allLists =
        [
            HltJets, HltElectrons, HltMuons, HltPhotons, L1Jets, L1EGammas, L1Muons, L1EFexTaus, _offlineJets,
            _offlineElectrons, _offlineMuons, _offlinePhotons, _lrtElectrons, _lrtMuons, _l1LargeRadiusJets,
            _l1JFexTaus,
        ];
    }

    /// <summary>HLT MET of the last event, GeV (−999 when not computed).</summary>
    public double HltMet { get; private set; }

    /// <summary>L1 MET of the last event, GeV.</summary>
    public double L1Met { get; private set; }

    /// <summary>
    /// Reconstructs <paramref name="truth"/> and writes row <paramref name="row"/> of <paramref name="buffers"/>: its
    /// objects and MET, and zeros where an earlier emulation of the row left objects (<see
    /// cref="NtupleBuffers.FilledSlots"/>), so the row's earlier contents do not matter.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Emulate(TruthEvent truth, WorldRandom random, NtupleBuffers buffers, int row)
    {
        Clear(truth);
        EmulateJets(truth, random);
        EmulateElectrons(truth, random);
        EmulateMuons(truth, random);
        EmulatePhotons(truth, random);
        EmulateRareFakes(random);
        EmulateMet(truth, random);
        Sort();
        Write(buffers, row);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Clear(TruthEvent truth)
    {
        foreach (var list in _allLists)
        {
            list.Clear();
        }

        _metX = truth.InvisibleX;
        _metY = truth.InvisibleY;
        _l1MetX = 0.9 * truth.InvisibleX;
        _l1MetY = 0.9 * truth.InvisibleY;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateJets(TruthEvent truth, WorldRandom random)
    {
        var jets = truth.Jets;
        double noise = 0.4 * Math.Sqrt(truth.Pileup);
        for (int j = 0; j < jets.Count; j++)
        {
            double pt = jets.Pt[j], eta = jets.Eta[j], phi = jets.Phi[j];
            if (Math.Abs(eta) > 4.5)
            {
                continue;
            }

            // HLT jet: calorimeter resolution and, for the leading hard jet, the event's energy loss.
            double sigma = Math.Sqrt(noise * noise / (pt * pt) + 0.5625 / pt + 0.0025);
            double response = j == 0 ? 1 - truth.LeadingJetLoss : 1;
            double hlt = Math.Max(0.1, pt * (response + sigma * random.Gaussian()));
            var (sin, cos) = Math.SinCos(phi);
            _metX += (pt - hlt) * cos;
            _metY += (pt - hlt) * sin;
            if (hlt >= HltJetMinPt)
            {
                double hltEta = eta + 0.01 * random.Gaussian();
                HltJets.Add(hlt, Energy(hlt, hltEta, jets.Mass[j] * hlt / pt), hltEta, phi + 0.01 * random.Gaussian());
            }

            double offline = pt * (1 + 0.85 * sigma * random.Gaussian());
            if (offline >= HltJetMinPt)
            {
                _offlineJets.Add(offline, Energy(offline, eta, jets.Mass[j] * offline / pt), eta, phi);
            }

            EmulateL1Jet(jets.Kind[j], pt, hlt, eta, phi, cos, sin, random);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateL1Jet(
        JetKind kind, double truePt, double hlt, double eta, double phi, double cos, double sin, WorldRandom random)
    {
        // L1 jets: coarser copies of the HLT jet on the 0.1 η–φ grid (response 0.93); the L1 MET sees the
        // jet's mismeasurement after correcting for that response.
        double l1 = hlt * (0.93 + 0.08 * random.Gaussian());
        _l1MetX += (truePt - l1 / 0.93) * cos;
        _l1MetY += (truePt - l1 / 0.93) * sin;
        double l1Eta = Grid(eta), l1Phi = Grid(phi);
        if (l1 >= L1JetMinEt && Math.Abs(eta) < 4.9)
        {
            L1Jets.Add(l1, 0, l1Eta, l1Phi);
        }

        double largeRadius = hlt * (1.02 + 0.12 * random.Gaussian());
        if (largeRadius >= L1JetMinEt && Math.Abs(eta) < 4.9)
        {
            _l1LargeRadiusJets.Add(largeRadius, 0, l1Eta, l1Phi);
        }

        if (Math.Abs(eta) > 2.5)
        {
            return;
        }

        // L1 taus: real hadronic taus nearly always, ordinary jets often, with a fraction of their energy.
        if (kind == JetKind.Tau)
        {
            AddAbove(L1EFexTaus, hlt * (0.9 + 0.08 * random.Gaussian()), L1TauMinEt, l1Eta, l1Phi);
            AddAbove(_l1JFexTaus, hlt * (0.95 + 0.1 * random.Gaussian()), 10, l1Eta, l1Phi);
        }
        else if (hlt > 10)
        {
            if (random.Bernoulli(0.35))
            {
                AddAbove(L1EFexTaus, hlt * random.Uniform(0.35, 0.7), L1TauMinEt, l1Eta, l1Phi);
            }

            if (random.Bernoulli(0.5))
            {
                AddAbove(_l1JFexTaus, hlt * random.Uniform(0.4, 0.8), 10, l1Eta, l1Phi);
            }

            EmulateJetFakes(hlt, eta, phi, l1Eta, l1Phi, random);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateJetFakes(double hlt, double eta, double phi, double l1Eta, double l1Phi, WorldRandom random)
    {
        // Jets faking e/γ: often at L1, rarely after HLT identification.
        if (Math.Abs(eta) >= 2.47)
        {
            return;
        }

        if (random.Bernoulli(0.02))
        {
            AddAbove(L1EGammas, hlt * random.Uniform(0.3, 0.7), 3, l1Eta, l1Phi);
        }

        if (random.Bernoulli(0.002))
        {
            AddAbove(HltElectrons, hlt * random.Uniform(0.2, 0.6), 4, eta, phi);
        }

        if (random.Bernoulli(0.004))
        {
            AddAbove(HltPhotons, hlt * random.Uniform(0.4, 0.8), 5, eta, phi);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateElectrons(TruthEvent truth, WorldRandom random)
    {
        var electrons = truth.Electrons;
        for (int e = 0; e < electrons.Count; e++)
        {
            double pt = electrons.Pt[e], eta = electrons.Eta[e], phi = electrons.Phi[e];
            if (Math.Abs(eta) >= 2.47)
            {
                continue;
            }

            bool displaced = electrons.Displaced[e];
            if (displaced && random.Bernoulli(0.8))
            {
                AddAbove(_lrtElectrons, pt * (1 + 0.03 * random.Gaussian()), 3, eta, phi);
            }

            double hlt = pt * (1 + 0.015 * random.Gaussian());
            if (!displaced || random.Bernoulli(0.3))
            {
                AddAbove(HltElectrons, hlt, 4, eta, phi);
                AddAbove(_offlineElectrons, pt * (1 + 0.012 * random.Gaussian()), 4, eta, phi);
            }

            if (!displaced || random.Bernoulli(0.7))
            {
                AddAbove(L1EGammas, hlt * (0.97 + 0.04 * random.Gaussian()), 3, Grid(eta), Grid(phi));
                EmulateCalorimeterCluster(hlt, eta, phi, random);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateMuons(TruthEvent truth, WorldRandom random)
    {
        var muons = truth.Muons;
        for (int m = 0; m < muons.Count; m++)
        {
            double pt = muons.Pt[m], eta = muons.Eta[m], phi = muons.Phi[m];
            if (Math.Abs(eta) >= 2.5)
            {
                continue;
            }

            // The calorimeter-only L1 MET does not see muons.
            _l1MetX += pt * Math.Cos(phi);
            _l1MetY += pt * Math.Sin(phi);
            bool displaced = muons.Displaced[m];
            if (displaced && random.Bernoulli(0.85))
            {
                AddAbove(_lrtMuons, pt * (1 + 0.04 * random.Gaussian()), 3, eta, phi);
            }

            double hlt = pt * (1 + 0.025 * random.Gaussian());
            if (!displaced || random.Bernoulli(0.3))
            {
                AddAbove(HltMuons, hlt, 3, eta, phi);
                AddAbove(_offlineMuons, pt * (1 + 0.02 * random.Gaussian()), 3, eta, phi);
            }

            if (!displaced || random.Bernoulli(0.7))
            {
                AddAbove(L1Muons, L1MuonThreshold(hlt * (1 + 0.08 * random.Gaussian())), 3, Grid(eta), Grid(phi));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulatePhotons(TruthEvent truth, WorldRandom random)
    {
        var photons = truth.Photons;
        for (int g = 0; g < photons.Count; g++)
        {
            double pt = photons.Pt[g], eta = photons.Eta[g], phi = photons.Phi[g];
            if (Math.Abs(eta) >= 2.37)
            {
                continue;
            }

            // A jet's π0 deposit: always an L1 e/γ, rarely an identified photon.
            bool fake = photons.Fake[g];
            double hlt = pt * (1 + (fake ? 0.03 : 0.015) * random.Gaussian());
            if (!fake || random.Bernoulli(0.12))
            {
                AddAbove(HltPhotons, hlt, 5, eta, phi);
            }

            if (!fake || random.Bernoulli(0.05))
            {
                AddAbove(_offlinePhotons, pt * (1 + 0.012 * random.Gaussian()), 5, eta, phi);
            }

            AddAbove(L1EGammas, hlt * (0.97 + 0.05 * random.Gaussian()), 3, Grid(eta), Grid(phi));
            if (!fake)
            {
                EmulateCalorimeterCluster(hlt, eta, phi, random);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateCalorimeterCluster(double hlt, double eta, double phi, WorldRandom random)
    {
        // The L1 calorimeter does not tell e/γ from hadrons: an electron or photon is also a jFex jet and,
        // being narrow, an eFex tau.
        double l1Eta = Grid(eta), l1Phi = Grid(phi);
        AddAbove(L1Jets, hlt * (0.95 + 0.05 * random.Gaussian()), L1JetMinEt, l1Eta, l1Phi);
        AddAbove(_l1LargeRadiusJets, hlt * (1.0 + 0.06 * random.Gaussian()), L1JetMinEt, l1Eta, l1Phi);
        AddAbove(L1EFexTaus, hlt * (0.92 + 0.05 * random.Gaussian()), L1TauMinEt, l1Eta, l1Phi);
        AddAbove(_l1JFexTaus, hlt * (0.95 + 0.08 * random.Gaussian()), 10, l1Eta, l1Phi);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateRareFakes(WorldRandom random)
    {
        // Large-radius tracking picks up the odd fake displaced lepton in any event.
        if (random.Bernoulli(0.002))
        {
            AddAbove(_lrtMuons, 3 + random.Exponential(5), 3, random.Uniform(-2.5, 2.5), random.Phi());
        }

        if (random.Bernoulli(0.002))
        {
            AddAbove(_lrtElectrons, 3 + random.Exponential(5), 3, random.Uniform(-2.4, 2.4), random.Phi());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmulateMet(TruthEvent truth, WorldRandom random)
    {
        // Soft term: resolution 0.5 √ΣET per component at HLT, coarser at L1.
        double soft = ProcessCatalog.SoftMetResolution * Math.Sqrt(truth.SoftSumEt);
        _metX += soft * random.Gaussian();
        _metY += soft * random.Gaussian();
        _l1MetX += soft * random.Gaussian();
        _l1MetY += soft * random.Gaussian();
        HltMet = random.Bernoulli(NotComputedProbability)
            ? PhysicsConstants.MetNotComputed
            : Math.Sqrt(_metX * _metX + _metY * _metY);
        _hltNanPhi = random.Bernoulli(HltNanPhiProbability);
        _l1NanPhi = random.Bernoulli(L1NanPhiProbability);
        L1Met = random.Bernoulli(L1NotComputedProbability)
            ? PhysicsConstants.MetNotComputed
            : Math.Sqrt(_l1MetX * _l1MetX + _l1MetY * _l1MetY);
        if (L1Met >= 0 && L1Met < L1MetNoiseCut)
        {
            L1Met = 0;
            _l1MetX = 0;
            _l1MetY = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Sort()
    {
        foreach (var list in _allLists)
        {
            list.Sort();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(NtupleBuffers buffers, int row)
    {
        const int jets = NtupleBuffers.JetSlots, six = NtupleBuffers.LeptonSlots;
        int c = buffers.LeptonColumns;
        var filled = buffers.FilledSlots.AsSpan(row * NtupleBuffers.ObjectArrays, NtupleBuffers.ObjectArrays);
        HltJets.Write(buffers.HltJets, row * jets * 4, jets, 4, ref filled[0]);
        _offlineJets.Write(buffers.OfflineJets, row * jets * 4, jets, 4, ref filled[1]);
        HltElectrons.Write(buffers.HltElectrons, row * six * c, six, c, ref filled[2]);
        HltMuons.Write(buffers.HltMuons, row * six * c, six, c, ref filled[3]);
        HltPhotons.Write(buffers.HltPhotons, row * six * c, six, c, ref filled[4]);
        _lrtElectrons.Write(buffers.LrtElectrons, row * six * c, six, c, ref filled[5]);
        _lrtMuons.Write(buffers.LrtMuons, row * six * c, six, c, ref filled[6]);
        _offlineElectrons.Write(buffers.OfflineElectrons, row * six * c, six, c, ref filled[7]);
        _offlineMuons.Write(buffers.OfflineMuons, row * six * c, six, c, ref filled[8]);
        _offlinePhotons.Write(buffers.OfflinePhotons, row * six * c, six, c, ref filled[9]);
        L1Jets.Write(buffers.L1SmallRadiusJets, row * jets * 3, jets, 3, ref filled[10]);
        _l1LargeRadiusJets.Write(buffers.L1LargeRadiusJets, row * jets * 3, jets, 3, ref filled[11]);
        L1EGammas.Write(buffers.L1EGammas, row * six * 3, six, 3, ref filled[12]);
        L1Muons.Write(buffers.L1Muons, row * six * 3, six, 3, ref filled[13],
            1f / PhysicsConstants.L1MuonEtStorageFactor);
        L1EFexTaus.Write(buffers.L1EFexTaus, row * six * 3, six, 3, ref filled[14]);
        _l1JFexTaus.Write(buffers.L1JFexTaus, row * six * 3, six, 3, ref filled[15]);
        WriteMet(buffers, row);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteMet(NtupleBuffers buffers, int row)
    {
        // (MET, 0, φ) or, with 4 columns, (MET, 0, 0, φ).
        int c = buffers.LeptonColumns;
        var hlt = buffers.HltMet.AsSpan(row * c, c);
        hlt[0] = (float)HltMet;
        hlt[1] = 0;
        hlt[c - 2] = 0;
        hlt[c - 1] = _hltNanPhi ? float.NaN : (float)Math.Atan2(_metY, _metX);
        var l1 = buffers.L1Met.AsSpan(row * 3, 3);
        l1[0] = (float)L1Met;
        l1[1] = 0;
        l1[2] = _l1NanPhi ? float.NaN : (float)Grid(Math.Atan2(_l1MetY, _l1MetX));
    }

    private static void AddAbove(ObjectScratch list, double pt, double minimum, double eta, double phi)
    {
        if (pt >= minimum)
        {
            list.Add(pt, 0, eta, ParticleList.WrapPhi(phi));
        }
    }

    private static double Energy(double pt, double eta, double mass)
    {
        double p = pt * Math.Cosh(eta);
        return Math.Sqrt(p * p + mass * mass);
    }

    /// <summary>
    /// The L1 muon et: the muon trigger only knows which of its pt thresholds (4, 6, 8, 10, 14, 20 GeV) the
    /// coincidence passed, and reports the highest; below 4 GeV there is no candidate (0).
    /// </summary>
    private static double L1MuonThreshold(double pt)
    {
        ReadOnlySpan<double> thresholds = [20, 14, 10, 8, 6, 4];
        foreach (double threshold in thresholds)
        {
            if (pt >= threshold)
            {
                return threshold;
            }
        }

        return 0;
    }

    /// <summary>The L1 0.1 η–φ granularity.</summary>
    private static double Grid(double value) => Math.Round(value * 10) / 10;
}
