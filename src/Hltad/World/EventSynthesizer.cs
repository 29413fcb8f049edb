using System.Runtime.CompilerServices;

namespace Hltad.World;

/// <summary>Generates blocks of rows of one synthetic file: truth, detector, menu, and for EB the weight.</summary>
internal sealed class EventSynthesizer
{
    /// <summary>Attempts at firing the recording item before an event is taken as randomly triggered.</summary>
    private const int RecordingAttempts = 8;

    private static readonly double[] CumulativeShares = Cumulative();
    private readonly TruthEvent _truth = new();
    private readonly Detector _detector = new();

    /// <summary>
    /// EB rows [<paramref name="start"/>, <paramref name="end"/>) of run number <paramref name="runIndex"/>: pileup
    /// from
    /// the luminosity decay, a recording item by its share, a collision that fires it, the menu and the weight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EnhancedBias(NtupleBuffers buffers, int runIndex, int start, int end, WorldRandom random)
    {
        var (peak, prescaleFactor) = ProcessCatalog.RunConditions[runIndex % ProcessCatalog.RunConditions.Count];
        for (int row = start; row < end; row++)
        {
            double time = (double)row / buffers.Events;
            double decay = Math.Exp(-time / ProcessCatalog.LuminosityDecay);
            double pileup = Math.Max(5, peak * decay + random.Gaussian(0, 1.5));
            var item = ProcessCatalog.EbItems[Pick(random.Uniform())];
            for (int attempt = 0; attempt < RecordingAttempts; attempt++)
            {
                Reset(pileup);
                HardProcesses.Recipe(item.Recipe, item.ThresholdGeV, random, _truth);
                HardProcesses.AddPileup(random, _truth);
                _detector.Emulate(_truth, random, buffers, row);
                if (EmulatedMenu.Passes(item, _detector))
                {
                    break;
                }
            }

            Record(buffers, row, pileup, random);
            buffers.Weights![row] = EmulatedMenu.EbWeight(_detector, prescaleFactor);
        }
    }

    /// <summary>MC rows [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="process"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Mc(NtupleBuffers buffers, McProcess process, int start, int end, WorldRandom random)
    {
        for (int row = start; row < end; row++)
        {
            double pileup = Math.Clamp(
                random.Gaussian(ProcessCatalog.McPileupMean, ProcessCatalog.McPileupSigma), 10, 90);
            Reset(pileup);
            HardProcesses.Mc(process, random, _truth);
            HardProcesses.AddPileup(random, _truth);
            _detector.Emulate(_truth, random, buffers, row);
            Record(buffers, row, pileup, random);
        }
    }

    private void Reset(double pileup)
    {
        _truth.Clear();
        _truth.Pileup = pileup;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Record(NtupleBuffers buffers, int row, double pileup, WorldRandom random)
    {
        bool passL1 = EmulatedMenu.PassL1(_detector);
        buffers.PassL1[row] = passL1 ? 1 : 0;
        buffers.PassHlt[row] = passL1 && EmulatedMenu.PassHlt(_detector, random) ? 1 : 0;
        buffers.Pileup[row] = (float)pileup;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Pick(double u)
    {
        for (int i = 0; i < CumulativeShares.Length - 1; i++)
        {
            if (u < CumulativeShares[i])
            {
                return i;
            }
        }

        return CumulativeShares.Length - 1;
    }

    private static double[] Cumulative()
    {
        var items = ProcessCatalog.EbItems;
        var cumulative = new double[items.Length];
        double sum = 0;
        for (int i = 0; i < items.Length; i++)
        {
            sum += items[i].Fraction;
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
