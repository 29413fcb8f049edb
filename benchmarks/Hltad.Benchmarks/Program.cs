using BenchmarkDotNet.Running;
using Hltad.Engine;

// "engine" runs the Stopwatch harness of the library (what `hltad bench` prints); anything else goes to
// BenchmarkDotNet (e.g. --filter '*Gemm*').
if (args.Length > 0 && args[0] == "engine")
{
    var progress = new Progress<string>(Console.WriteLine);
    EngineBenchmarkResult result = EngineBenchmark.Run(progress: progress);
    Console.WriteLine(result);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
