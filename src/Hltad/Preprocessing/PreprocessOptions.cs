using Hltad.Physics;

namespace Hltad.Preprocessing;

/// <summary>Options of <see cref="Preprocessor.Run"/> (SEMANTICS.md section 6).</summary>
/// <param name="Scheme"><c>train_data_scheme</c>: which events form EB_train (step 2).</param>
/// <param name="Normalization"><c>pt_normalization_type</c> (steps 8 and 10).</param>
/// <param name="L1adRateHz">
/// <c>L1AD_rate</c>: pure-rate budget of the L1AD threshold (step 1), Hz. Default 1000.
/// </param>
/// <param name="IncomingRateHz">L1 input rate the L1AD rates are scaled to, Hz. Default 40 MHz.</param>
/// <param name="SplitSeed">Seed of the EB_train/EB_val shuffle (step 9, <see cref="TrainValidationSplit"/>).</param>
/// <param name="Mask"><c>values</c> (no stored mask) or <c>objects</c> (object masks in the output).</param>
/// <param name="MaxDegreeOfParallelism">
/// Threads working on chunks of events; −1 for all cores. The output does not depend on it.
/// </param>
public sealed record PreprocessOptions(
    TrainDataScheme Scheme,
    PtNormalization Normalization,
    double L1adRateHz = PhysicsConstants.DefaultL1adRateHz,
    double IncomingRateHz = PhysicsConstants.BunchCrossingRateHz,
    ulong SplitSeed = 0,
    LossMaskKind Mask = LossMaskKind.Values,
    int MaxDegreeOfParallelism = -1);
