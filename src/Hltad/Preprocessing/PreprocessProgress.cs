namespace Hltad.Preprocessing;

/// <summary>One finished step of preprocessing on one output sample.</summary>
/// <param name="Step">What was done ("L1AD threshold", "clean", "normalise", "scale").</param>
/// <param name="Sample">The output sample, or null for steps on all of them.</param>
/// <param name="Events">Events of that sample (0 for steps on all).</param>
public sealed record PreprocessProgress(string Step, string? Sample, int Events);
