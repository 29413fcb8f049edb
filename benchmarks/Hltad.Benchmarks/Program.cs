using System.Globalization;
using BenchmarkDotNet.Running;
using Hltad.Benchmarks;
using Hltad.Engine;
using Hltad.Matching;

// `dotnet run -c Release -- preprocess-scale [norm] [mask] [threads]`: time and memory of preprocessing 1M events.
if (args.Length > 0 && args[0] == "preprocess-scale")
{
    PreprocessScale.Run(args);
    return;
}

// `dotnet run -c Release -- measure <L1AD model> [events-per-run] [mc-events] [repetitions]`: a plain measured run of
// generate, read and match (medians). Anything else goes to BenchmarkDotNet.
if (args.Length >= 2 && args[0] == "measure")
{
    int Arg(int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    string work = Path.Combine(Path.GetTempPath(), "hltad-bench-" + Environment.ProcessId);
    var options = new IoThroughputOptions(work, args[1])
    {
        EventsPerRun = Arg(2, 100_000),
        McEventsPerProcess = Arg(3, 20_000),
        Repetitions = Arg(4, 5),
    };
    try
    {
        var result = IoThroughput.Measure(options, new Progress<string>(Console.WriteLine));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "events {0}: generate {1:N0} ev/s, read {2:N0} ev/s, match {3:N0} ev/s (medians of {4}; {5} cores)",
            result.Events, result.GenerateEventsPerSecond, result.ReadEventsPerSecond, result.MatchEventsPerSecond,
            options.Repetitions, Environment.ProcessorCount));
    }
    finally
    {
        Directory.Delete(work, recursive: true);
    }

    return;
}

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
