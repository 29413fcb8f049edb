using Hltad.World;

namespace Hltad.Tests.World;

/// <summary>
/// A small synthetic world generated once per test run (3 runs × 400 EB events, 9 × 60 MC events, blocks of 150
/// so that files span several blocks). Tests that change files work on a <see cref="CopyTo"/> of it.
/// </summary>
internal static class TinyWorld
{
    public const int EventsPerRun = 400;
    public const int McEvents = 60;

    private static readonly Lazy<(TemporaryDirectory Directory, WorldSummary Summary)> World = new(Generate);

    public static string Root => World.Value.Directory.Path;

    public static WorldSummary Summary => World.Value.Summary;

    public static WorldOptions Options(string directory) => new(directory)
    {
        Seed = 11,
        EventsPerRun = EventsPerRun,
        McEventsPerProcess = McEvents,
        BlockEvents = 150,
    };

    /// <summary>Copies the world into <paramref name="target"/> (EB/, MC/, L1AD_training_events.h5).</summary>
    public static void CopyTo(string target)
    {
        foreach (string file in Directory.GetFiles(Root, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static (TemporaryDirectory, WorldSummary) Generate()
    {
        var directory = new TemporaryDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        return (directory, WorldGenerator.Generate(Options(directory.Path)));
    }
}
