using System.Runtime.CompilerServices;

namespace Hltad.World;

/// <summary>
/// The small emulated trigger menu of the synthetic world (thresholds in GeV, listed in
/// <see cref="ProcessCatalog"/>): the EB items on L1 objects, <c>pass_L1_unprescaled</c> as the OR of the
/// unprescaled items, <c>pass_HLT_unprescaled</c> as an unprescaled HLT chain on HLT objects after an
/// L1 accept, and the Enhanced-Bias weight.
/// </summary>
internal static class EmulatedMenu
{
    /// <summary>Whether the last emulated event fires <paramref name="item"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Passes(EbItem item, Detector detector)
    {
        int rank = Math.Max(1, item.Multiplicity) - 1;
        return item.Quantity switch
        {
            L1Quantity.Random => true,
            L1Quantity.Jet => detector.L1Jets.Leading(rank) >= item.ThresholdGeV,
            L1Quantity.EGamma => detector.L1EGammas.Leading(rank) >= item.ThresholdGeV,
            L1Quantity.Muon => detector.L1Muons.Leading(rank) >= item.ThresholdGeV,
            L1Quantity.Tau => detector.L1EFexTaus.Leading(rank) >= item.ThresholdGeV,
            L1Quantity.Met => detector.L1Met >= item.ThresholdGeV,
            _ => false,
        };
    }

    /// <summary>An unprescaled L1 item fired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool PassL1(Detector detector)
    {
        var items = ProcessCatalog.EbItems;
        for (int i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (item.IsUnprescaled && Passes(item, detector))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An unprescaled HLT chain fired, each after its own L1 item: j420 (L1_J100), 4j100 (L1_3J50), e26 and g140
    /// (L1_EM22), 2e17 and 2g35/25 (L1_2EM15), mu26 (L1_MU14), 2mu14 (L1_2MU8), xe110 (L1_XE55). The lepton
    /// chains also need the identification and isolation of the HLT (one draw per event, so the chains fail
    /// together): e26 (tight, isolated) and mu26 (isolated, with the L1 muon acceptance) keep 75 % of the events
    /// above threshold, 2e17 85 %, 2mu14 80 %, the photon chains 95 %.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool PassHlt(Detector detector, WorldRandom random)
    {
        var l1Jets = detector.L1Jets;
        var l1EGammas = detector.L1EGammas;
        var l1Muons = detector.L1Muons;
        double u = random.Uniform();
        return (l1Jets.Leading(0) >= 100 && detector.HltJets.Leading(0) >= 420)
            || (l1Jets.Leading(2) >= 50 && detector.HltJets.Leading(3) >= 100)
            || (l1EGammas.Leading(0) >= 22 && detector.HltElectrons.Leading(0) >= 26 && u < 0.75)
            || (l1EGammas.Leading(1) >= 15 && detector.HltElectrons.Leading(1) >= 17 && u < 0.85)
            || (l1EGammas.Leading(0) >= 22 && detector.HltPhotons.Leading(0) >= 140 && u < 0.95)
            || (l1EGammas.Leading(1) >= 15 && detector.HltPhotons.Leading(0) >= 35
                && detector.HltPhotons.Leading(1) >= 25 && u < 0.95)
            || (l1Muons.Leading(0) >= 14 && detector.HltMuons.Leading(0) >= 26 && u < 0.75)
            || (l1Muons.Leading(1) >= 8 && detector.HltMuons.Leading(1) >= 14 && u < 0.80)
            || (detector.L1Met >= 55 && detector.HltMet >= 110);
    }

    /// <summary>
    /// The Enhanced-Bias weight: w = 1 / P(recorded) with P = 1 − Π over the EB items the event fires of
    /// (1 − 1/PS), the random trigger always fired; prescaled items' PS is multiplied by the run's factor.
    /// An event that fires an unprescaled item has P = 1, w = 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double EbWeight(Detector detector, double prescaleFactor)
    {
        double notRecorded = 1;
        var items = ProcessCatalog.EbItems;
        for (int i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (Passes(item, detector))
            {
                double prescale = item.IsUnprescaled ? 1 : item.Prescale * prescaleFactor;
                notRecorded *= 1 - 1 / prescale;
            }
        }

        return 1 / (1 - notRecorded);
    }
}
