namespace Hltad.Pipeline;

/// <summary>
/// Sizes of a whole study run by <c>hltad run</c>: the synthetic world, the ensemble and the epoch caps.
/// </summary>
/// <param name="Name">smoke, default or full.</param>
/// <param name="EventsPerRun">EB events per run of the synthetic world (three runs).</param>
/// <param name="McEventsPerProcess">Events per MC process of the synthetic world.</param>
/// <param name="Members">Ensemble members (num_trainings).</param>
/// <param name="Epochs">Epoch cap of every autoencoder.</param>
/// <param name="L1adRateHz">L1AD budget; small worlds need a larger one to select anything.</param>
/// <param name="L1adEpochs">Epoch cap of the L1AD VAE.</param>
public sealed record StudyPreset(
    string Name,
    int EventsPerRun,
    int McEventsPerProcess,
    int Members,
    int Epochs,
    double L1adRateHz,
    int L1adEpochs)
{
    /// <summary>Seconds: a few thousand events, two members, a few epochs (tests and CI).</summary>
    public static StudyPreset Smoke { get; } = new("smoke", 4_000, 1_000, 2, 3, 2e5, 3);

    /// <summary>A meaningful study in minutes: 300 000 EB events, nine signals, ten members.</summary>
    public static StudyPreset Default { get; } = new("default", 100_000, 20_000, 10, 12, 1000, 10);

    /// <summary>Reference scale: three million EB events, the 500-epoch cap.</summary>
    public static StudyPreset Full { get; } = new("full", 1_000_000, 100_000, 10, 500, 1000, 100);

    public static IReadOnlyList<StudyPreset> All { get; } = [Smoke, Default, Full];

    /// <summary>The preset of that name.</summary>
    /// <exception cref="ConfigurationException">No preset has that name.</exception>
    public static StudyPreset Named(string name) =>
        All.FirstOrDefault(preset => preset.Name == name)
        ?? throw new ConfigurationException("preset", $"must be one of smoke, default, full; got '{name}'");
}
