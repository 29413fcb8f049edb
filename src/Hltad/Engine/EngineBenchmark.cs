using System.Diagnostics;
using Hltad.Engine.Kernels;

namespace Hltad.Engine;

/// <summary>
/// Measures the engine the way tools' torch_reference_ae.py measures PyTorch: the large autoencoder of
/// SEMANTICS.md section 7 (latent 4, dropout 0.1, L2 0.01) trained at batch 512 on random data; batched
/// inference plus AD score on 100 000 events; one event at a time. Reports medians.
/// </summary>
public static class EngineBenchmark
{
    /// <summary>Runs the three measurements; <paramref name="progress"/> gets one line per phase.</summary>
    public static EngineBenchmarkResult Run(EngineBenchmarkOptions? options = null,
        IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new EngineBenchmarkOptions();
        var random = new Xoshiro256StarStar(options.Seed);

        // Training: one warm-up epoch, then the median of the timed epochs.
        TrainingSet train = RandomEvents(random, options.TrainEvents);
        TrainingSet validation = RandomEvents(random, 512);
        var architecture = new AutoencoderArchitecture(L2Coupling: 0.01f);
        var trainer = AutoencoderTrainer.Start(architecture, new TrainingOptions(MaxEpochs: options.TrainEpochs + 1),
            options.Seed);
        var rates = new List<double>();
        for (int e = 0; e <= options.TrainEpochs; e++)
        {
            EpochReport report = trainer.RunEpoch(train, validation, cancellation);
            if (e > 0)
            {
                rates.Add(report.EventsPerSecond);
            }

            progress?.Report($"train epoch {e + 1}: {report.EventsPerSecond:F0} events/s");
        }

        // Batched inference plus score.
        Autoencoder model = trainer.CurrentModel();
        TrainingSet events = RandomEvents(random, options.InferenceEvents);
        float[] scores = new float[events.Count];
        model.Score(events.Inputs, default, events.Count, scores);
        var inference = new List<double>();
        for (int r = 0; r < options.InferenceRepetitions; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            model.Score(events.Inputs, default, events.Count, scores);
            inference.Add(events.Count / Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        progress?.Report($"batched inference + score: {Median(inference):F0} events/s");

        // One event per call.
        float[] one = new float[1];
        var latencies = new List<double>();
        for (int block = 0; block < 10; block++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < options.SingleEventCalls; i++)
            {
                model.Score(events.Inputs.AsSpan((i % events.Count) * 48, 48), default, 1, one);
            }

            if (block > 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / options.SingleEventCalls);
            }
        }

        progress?.Report($"one event: {Median(latencies):F2} µs");
        return new EngineBenchmarkResult(Median(rates), Median(inference), Median(latencies),
            KernelDispatch.Current.ToString());
    }

    /// <summary>Standard-normal-like values (sum of four uniforms, centred and scaled), weights in [0, 1).</summary>
    private static TrainingSet RandomEvents(Xoshiro256StarStar random, int count)
    {
        float[] inputs = new float[count * 48];
        for (int i = 0; i < inputs.Length; i++)
        {
            double sum = random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble();
            inputs[i] = (float)((sum - 2.0) * Math.Sqrt(3.0));
        }

        float[] weights = new float[count];
        for (int i = 0; i < count; i++)
        {
            weights[i] = (float)random.NextDouble();
        }

        return new TrainingSet(inputs, null, weights, count);
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
