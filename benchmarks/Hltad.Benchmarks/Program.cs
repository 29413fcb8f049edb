using BenchmarkDotNet.Running;
using Hltad.Benchmarks;
using Hltad.Engine;

// "engine": the Stopwatch harness of the library (what `hltad bench` prints);
// "barrier": training speed for several barrier spin times, alternating (decides SpinMicroseconds);
// anything else goes to BenchmarkDotNet (e.g. --filter '*Gemm*').
if (args.Length > 0 && args[0] == "engine")
{
    EngineBenchmarkResult result = EngineBenchmark.Run(progress: new ConsoleProgress());
    Console.WriteLine(result);
    return;
}

if (args.Length > 0 && args[0] == "barrier")
{
    BarrierExperiment.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Prints each report on the reporting thread, in order.</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.WriteLine(value);
}
