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
    /// An unprescaled HLT chain fired (and L1 accepted): j420, 4j100, e26, 2e17, g140, 2g35 (sub-leading 25),
    /// mu26, 2mu14, xe110.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool PassHlt(Detector detector, bool passL1) =>
        passL1 && (detector.HltJets.Leading(0) >= 420
            || detector.HltJets.Leading(3) >= 100
            || detector.HltElectrons.Leading(0) >= 26
            || detector.HltElectrons.Leading(1) >= 17
            || detector.HltPhotons.Leading(0) >= 140
            || (detector.HltPhotons.Leading(0) >= 35 && detector.HltPhotons.Leading(1) >= 25)
            || detector.HltMuons.Leading(0) >= 26
            || detector.HltMuons.Leading(1) >= 14
            || detector.HltMet >= 110);

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
