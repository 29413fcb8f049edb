using BenchmarkDotNet.Attributes;
using Hltad.Matching;
using Hltad.World;

namespace Hltad.Benchmarks;

/// <summary>
/// generate and match on a world of 3 × 100 000 EB and 9 × 20 000 MC events (the defaults). Needs the L1AD model:
/// HLTAD_L1AD_MODEL, or ../shared/fixtures/models/L1AD_topo2A_encoder.onnx beside the repository.
/// Run: dotnet run -c Release --project benchmarks/Hltad.Benchmarks -- --filter '*DataStep*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DataStepBenchmarks
{
    private string _work = "";
    private string _model = "";

    [GlobalSetup]
    public void Setup()
    {
        _work = Path.Combine(Path.GetTempPath(), "hltad-bdn-" + Environment.ProcessId);
        _model = Environment.GetEnvironmentVariable("HLTAD_L1AD_MODEL") ?? FindFixtureModel();
        WorldGenerator.Generate(new WorldOptions(Path.Combine(_work, "world")));
    }

    [Benchmark]
    public WorldSummary Generate() => WorldGenerator.Generate(new WorldOptions(Path.Combine(_work, "generated")));

    [Benchmark]
    public MatchSummary Match()
    {
        string world = Path.Combine(_work, "world");
        return Matcher.Run(new MatchOptions(Path.Combine(world, "EB"), Path.Combine(world, "MC"),
            Path.Combine(world, WorldGenerator.L1adTrainingFileName), _model, Path.Combine(_work, "matched")));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    private static string FindFixtureModel()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hltad.slnx")))
        {
            directory = directory.Parent;
        }

        string path = Path.Combine(
            directory?.FullName ?? ".", "..", "shared", "fixtures", "models", "L1AD_topo2A_encoder.onnx");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException("set HLTAD_L1AD_MODEL to an L1AD model", path);
    }
}
