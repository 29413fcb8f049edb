using System.Text.Json;

namespace Hltad.Configuration;

/// <summary>
/// One key of a trial configuration: how to read it from JSON and from command-line text, how to write it,
/// and which values are allowed (<see cref="Allowed"/> is quoted in every error about the key).
/// </summary>
internal sealed class TrialConfigKey
{
    public required string Name { get; init; }

    /// <summary>What the key accepts, in words ("a number of Hz &gt; 0").</summary>
    public required string Allowed { get; init; }

    public required Func<TrialConfig, JsonElement, TrialConfig> FromJson { get; init; }

    public required Func<TrialConfig, string, TrialConfig> FromText { get; init; }

    public required Action<Utf8JsonWriter, TrialConfig> Write { get; init; }

    /// <summary>The current value for error messages, or null when it is allowed.</summary>
    public required Func<TrialConfig, string?> Problem { get; init; }

    /// <summary>Throws when the configuration's value of this key is not allowed.</summary>
    public void Check(TrialConfig config)
    {
        string? got = Problem(config);
        if (got is not null)
        {
            throw new ConfigurationException(Name, $"must be {Allowed}; got {got}");
        }
    }
}
