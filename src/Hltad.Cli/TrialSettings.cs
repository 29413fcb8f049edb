using System.ComponentModel;
using Hltad.Configuration;
using Spectre.Console.Cli;

namespace Hltad.Cli;

/// <summary>Options of the commands that work on a trial: the configuration file and its overrides.</summary>
public class TrialSettings : CommonSettings
{
    [CommandOption("--config <FILE>")]
    [Description("The trial configuration (JSON, the reference's key names).")]
    public string? ConfigFile { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override one configuration key, e.g. --set L1AD_rate=1e5 (repeatable).")]
    public string[] Overrides { get; init; } = [];

    [CommandOption("--save-path <DIR>")]
    [Description("Override save_path: where the trial is written.")]
    public string? SavePath { get; init; }

    [CommandOption("--matched-path <DIR>")]
    [Description("Override matched_path: the folder of matched <tag>.h5 files.")]
    public string? MatchedPath { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Override seed.")]
    public long? Seed { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(ConfigFile))
        {
            return Spectre.Console.ValidationResult.Error("missing required option: --config");
        }

        string? bad = Overrides.FirstOrDefault(entry => !entry.Contains('=', StringComparison.Ordinal));
        return bad is null
            ? Spectre.Console.ValidationResult.Success()
            : Spectre.Console.ValidationResult.Error($"--set takes KEY=VALUE, got '{bad}'");
    }

    /// <summary>The configuration file with every command-line override applied, in order.</summary>
    public TrialConfig LoadConfig()
    {
        TrialConfig config = TrialConfig.Load(ConfigFile!);
        var overrides = new List<KeyValuePair<string, string>>();
        foreach (string entry in Overrides)
        {
            int split = entry.IndexOf('=', StringComparison.Ordinal);
            overrides.Add(new(entry[..split].Trim(), entry[(split + 1)..].Trim()));
        }

        config = overrides.Aggregate(config, (current, pair) =>
            current.WithOverrides(new Dictionary<string, string> { [pair.Key] = pair.Value }));
        config = config with
        {
            SavePath = SavePath ?? config.SavePath,
            MatchedPath = MatchedPath ?? config.MatchedPath,
            Seed = Seed ?? config.Seed,
        };
        return config.Validate();
    }
}
