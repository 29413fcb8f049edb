using Hltad.Configuration;
using Hltad.Training;

namespace Hltad.Tests.Pipeline;

/// <summary>
/// The tiny trial of TestData/evaluation/trial/trial.json (small network, 2 members × HLT, L1, 2 epochs,
/// L1AD_rate 500 kHz, target_rate 2 kHz) preprocessed from the committed matched test data and trained once with
/// the engine, in process, for the whole collection. Tests work on copies (<see cref="CopyTo"/>).
/// </summary>
public sealed class TrainedTrial : IDisposable
{
    public TrainedTrial()
    {
        Root = Directory.CreateTempSubdirectory("hltad-trial-").FullName;
        SavePath = Path.Combine(Root, "trial");
        Config = Load(SavePath);
        TrialTraining.Run(new TrialTrainingRequest(Config), null, null, CancellationToken.None);
    }

    /// <summary>The folder of this fixture (deleted on dispose).</summary>
    public string Root { get; }

    /// <summary>The trained trial.</summary>
    public string SavePath { get; }

    /// <summary>The trial's configuration, save_path = <see cref="SavePath"/>.</summary>
    public TrialConfig Config { get; }

    /// <summary>TestData/evaluation/trial.</summary>
    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "evaluation", "trial");

    /// <summary>The committed trial.json with the given save_path and the committed matched data.</summary>
    public static TrialConfig Load(string savePath) =>
        (TrialConfig.Load(Path.Combine(DataFolder, "trial.json")) with
        {
            SavePath = savePath,
            MatchedPath = Path.Combine(AppContext.BaseDirectory, "TestData", "preprocessing", "matched"),
        }).Validate();

    /// <summary>A copy of the trained trial in a fresh folder, and its configuration.</summary>
    public (string SavePath, TrialConfig Config) CopyTo(string directory)
    {
        string target = Path.Combine(directory, "trial");
        foreach (string file in Directory.EnumerateFiles(SavePath, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(SavePath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        }

        return (target, Config with { SavePath = target });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
