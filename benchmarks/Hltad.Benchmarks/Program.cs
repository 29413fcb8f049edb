using BenchmarkDotNet.Running;
using Hltad.Benchmarks;

if (args.Length > 0 && args[0] == "preprocess-scale")
{
    PreprocessScale.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
