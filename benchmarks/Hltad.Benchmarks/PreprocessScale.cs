using System.Diagnostics;
using Hltad.Data;
using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Benchmarks;

/// <summary>
/// Stopwatch harness for preprocessing at the scale of issue 4: one million EB events (topo2A_train 300 000,
/// HLT_noalg_eb_L1All 200 000, two EB runs of 250 000) plus 100 000 MC events, scheme topo2A_train+L1noalg_HLTall.
/// Run: <c>dotnet run -c Release --project benchmarks/Hltad.Benchmarks -- preprocess-scale [normalisation] [mask]
/// [threads]</c>, normalisation by name (default StandardScaler), mask <c>values</c> or <c>objects</c>, threads 2.
/// </summary>
internal static class PreprocessScale
{
    public static void Run(string[] args)
    {
        PtNormalization normalization = PtNormalization.StandardScaler;
        if (args.Length > 1 && !Hltad.Configuration.OptionNames.TryParse(args[1], out normalization))
        {
            throw new ArgumentException($"unknown normalisation '{args[1]}'");
        }

        LossMaskKind mask = args.Length > 2 && args[2] == "objects" ? LossMaskKind.Objects : LossMaskKind.Values;
        int threads = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2;

        var random = new Random(1);
        var matched = new Dictionary<string, MatchedSample>
        {
            [SampleTags.Topo2ATrain] = Sample(SampleTags.Topo2ATrain, 300_000, random),
            [SampleTags.NoHltSelection] = Sample(SampleTags.NoHltSelection, 200_000, random),
            ["EB_1"] = Sample("EB_1", 250_000, random),
            ["EB_2"] = Sample("EB_2", 250_000, random),
            ["MC"] = Sample("MC", 100_000, random),
        };
        GC.Collect();
        long inputBytes = GC.GetTotalMemory(forceFullCollection: true);
        long workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        for (int repeat = 0; repeat < 1; repeat++)
        {
            var options = new PreprocessOptions(
                TrainDataScheme.Topo2ATrainPlusL1NoalgHltAll, normalization, L1adRateHz: 1e5, Mask: mask,
                MaxDegreeOfParallelism: threads);
            var watch = Stopwatch.StartNew();
            var stages = new Dictionary<string, double>();
            double last = 0;
            var progress = new StageTimer(p =>
            {
                double now = watch.Elapsed.TotalSeconds;
                stages[p.Step] = stages.GetValueOrDefault(p.Step) + now - last;
                last = now;
            });
            PreprocessResult result = Preprocessor.Run(matched, options, progress);
            watch.Stop();
            long peakManaged = GC.GetGCMemoryInfo().HeapSizeBytes;
            Console.WriteLine(
                $"{normalization}, mask {mask}, {threads} threads: {watch.Elapsed.TotalSeconds:F2} s for "
                + $"{result.Samples.Sum(s => s.Count):N0} output events; managed heap after {peakManaged / 1e6:F0} MB");
            Console.WriteLine("  " + string.Join(", ", stages.Select(p => $"{p.Key} {p.Value:F2} s")));
            GC.KeepAlive(result);
        }

        Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(
            $"input arrays {inputBytes / 1e6:F0} MB; working set before {workingSetBefore / 1e6:F0} MB, "
            + $"peak {self.PeakWorkingSet64 / 1e6:F0} MB");
    }

    private sealed class StageTimer(Action<PreprocessProgress> report) : IProgress<PreprocessProgress>
    {
        public void Report(PreprocessProgress value) => report(value);
    }

    private static MatchedSample Sample(string tag, int events, Random random)
    {
        var hlt = new EventArrays(events);
        var l1 = new EventArrays(events);
        var scores = new float[events];
        var weights = new double[events];
        var pass = new bool[events];
        for (int i = 0; i < events; i++)
        {
            Fill(hlt.Event(i), random, 1);
            Fill(l1.Event(i), random, 0.001f);
            scores[i] = (float)(random.NextDouble() * 100);
            weights[i] = random.NextDouble() * 3;
            pass[i] = random.Next(10) == 0;
        }

        return new MatchedSample
        {
            Tag = tag, Hlt = hlt, L1 = l1, PassL1 = pass, PassHlt = pass, Weights = weights, L1adScores = scores,
            Pileups = new float[events],
        };
    }

    private static void Fill(Span<float> values, Random random, float muonScale)
    {
        for (int row = 0; row < ObjectLayout.Rows; row++)
        {
            if (random.Next(3) == 0)
            {
                continue;
            }

            float pt = (float)(-40 * Math.Log(1 - random.NextDouble()));
            values[row * 3] = row is >= 9 and < 12 ? pt * muonScale : pt;
            values[row * 3 + 1] = (float)(random.NextDouble() * 5 - 2.5);
            values[row * 3 + 2] = (float)(random.NextDouble() * 2 * Math.PI - Math.PI);
        }
    }
}
