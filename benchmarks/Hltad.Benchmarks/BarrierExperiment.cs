using Hltad.Engine;
using Hltad.Engine.Kernels;

namespace Hltad.Benchmarks;

/// <summary>Large-autoencoder training speed with different barrier spin times and on one core, alternating.</summary>
internal static class BarrierExperiment
{
    public static void Run()
    {
        var random = new Xoshiro256StarStar(1);
        const int count = 51_200;
        float[] inputs = new float[count * 48];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)(2 * random.NextDouble() - 1);
        }

        var train = new TrainingSet(inputs, null, null, count);
        var validation = new TrainingSet(inputs[..(512 * 48)], null, null, 512);
        (string Name, long Spin, bool Both)[] variants =
            [("spin 50 µs", 50, true), ("spin forever", long.MaxValue / 4_000_000, true), ("one core", 50, false)];
        for (int round = 0; round < 3; round++)
        {
            foreach ((string name, long spin, bool both) in variants)
            {
                PairExecutor.SpinMicroseconds = spin;
                var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(L2Coupling: 0.01f),
                    new TrainingOptions(UseBothCores: both), 1);
                trainer.RunEpoch(train, validation);
                double rate = trainer.RunEpoch(train, validation).EventsPerSecond;
                string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "?";
                Console.WriteLine($"round {round} {name}: {rate:F0} events/s (load {load})");
            }
        }
    }
}
