using Hltad.Configuration;

namespace Hltad.Pipeline;

/// <summary>What <c>hltad evaluate</c> is asked to do.</summary>
/// <param name="Config">
/// The trial: its <c>save_path</c> (required), <c>object_types</c>, <c>mask</c>, <c>target_rate</c> and
/// <c>L1AD_rate</c> are used; command-line overrides of other keys are already applied.
/// </param>
/// <param name="TargetRateHz">HLTAD pure-rate budget, Hz; null for the trial's <c>target_rate</c>.</param>
/// <param name="L1adRateHz">
/// The L1AD rate the user expects, Hz; null for the trial's <c>L1AD_rate</c>. The L1AD threshold is fixed when
/// preprocessing (SEMANTICS.md, deliberate difference 6), so a rate other than the preprocessed one is an error.
/// </param>
/// <param name="OutputDirectory">Where the outputs go; null for <c>&lt;save_path&gt;/evaluation</c>.</param>
/// <param name="IncludeDijets">
/// Whether the dijet samples (<c>jjJZ*</c>) appear in the efficiency and gain plots (every sample is evaluated).
/// </param>
/// <param name="ReuseScores">
/// Reuse a score file of an earlier run when it is newer than the member's models and the preprocessed sample
/// and complete; false scores everything again.
/// </param>
/// <param name="PlotScale">Pixel scale of the plots (1 = about 1400 px wide).</param>
/// <param name="PreprocessedPath">The preprocessed samples; null for <c>&lt;save_path&gt;/preprocessed</c>.</param>
public sealed record TrialEvaluationRequest(
    TrialConfig Config,
    double? TargetRateHz = null,
    double? L1adRateHz = null,
    string? OutputDirectory = null,
    bool IncludeDijets = true,
    bool ReuseScores = true,
    double PlotScale = 1,
    string? PreprocessedPath = null);
