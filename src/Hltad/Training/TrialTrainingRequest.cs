using Hltad.Configuration;

namespace Hltad.Training;

/// <summary>What <c>hltad train</c> is asked to do.</summary>
/// <param name="Config">The trial, command-line overrides applied.</param>
/// <param name="Resume">Continue a trial in a non-empty save_path (otherwise such a folder is refused).</param>
/// <param name="OnlyMember">Train only this member (0 ≤ k &lt; num_trainings); null for all.</param>
/// <param name="PreprocessedPath">Reuse this <c>hltad preprocess</c> output instead of preprocessing.</param>
public sealed record TrialTrainingRequest(
    TrialConfig Config,
    bool Resume = false,
    int? OnlyMember = null,
    string? PreprocessedPath = null);
