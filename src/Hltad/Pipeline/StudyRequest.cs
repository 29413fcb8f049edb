namespace Hltad.Pipeline;

/// <summary>What <c>hltad run</c> is asked for.</summary>
/// <param name="OutputDirectory">Everything goes below it; re-running into it resumes.</param>
/// <param name="Preset">Sizes of the study.</param>
/// <param name="ConfigFile">A trial configuration replacing the preset's trial settings.</param>
/// <param name="Data">Real ntuples and L1AD model; null for the synthetic world.</param>
/// <param name="L1adRateHz">Overrides the L1AD budget.</param>
/// <param name="TargetRateHz">Overrides the HLTAD pure-rate budget.</param>
/// <param name="Seed">Seed of the world, the L1AD training and the trial.</param>
public sealed record StudyRequest(
    string OutputDirectory,
    StudyPreset Preset,
    string? ConfigFile = null,
    StudyData? Data = null,
    double? L1adRateHz = null,
    double? TargetRateHz = null,
    long Seed = 1);

/// <summary>Existing inputs of a real study: EB and MC ntuple folders, the L1AD training list and model.</summary>
public sealed record StudyData(string EbDirectory, string McDirectory, string L1adTrainingFile, string L1adModelFile);
