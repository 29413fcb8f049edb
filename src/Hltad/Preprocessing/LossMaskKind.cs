namespace Hltad.Preprocessing;

/// <summary>
/// Which entries the training loss and the AD score look at (SEMANTICS.md "Deliberate differences" 5).
/// </summary>
public enum LossMaskKind
{
    /// <summary>
    /// <c>values</c>, the reference behaviour: the engine masks entries whose target is 0 or −999; preprocessing
    /// stores no mask. With a standard scaler the scaled zero padding is no longer 0, so it is not hidden.
    /// </summary>
    Values,

    /// <summary>
    /// <c>objects</c>: preprocessing stores a per-value mask, 1 for the three columns of every object row whose
    /// pt is ≠ 0 after the pt thresholds and before normalisation, 0 elsewhere.
    /// </summary>
    Objects,
}
