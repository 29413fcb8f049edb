namespace Hltad.Preprocessing;

/// <summary>
/// How the network inputs are normalised (SEMANTICS.md section 6 steps 8 and 10); the configuration spells
/// them as the reference study's <c>pt_normalization_type</c> strings.
/// </summary>
public enum PtNormalization
{
    /// <summary><c>none</c> (or JSON null): pt left as is.</summary>
    None,

    /// <summary><c>per_event</c>: pt × 10 / Σpt of the event (Σ = 0 → 1).</summary>
    PerEvent,

    /// <summary><c>global_division</c>: pt × 5 / mean over EB_train of the per-event Σpt, per object type.</summary>
    GlobalDivision,

    /// <summary><c>StandardScaler</c>: every column (x − mean) / std, population std, fitted on EB_train.</summary>
    StandardScaler,

    /// <summary><c>ZeroAwareStandardScaler</c>: as StandardScaler over the non-zero entries; zeros stay 0.</summary>
    ZeroAwareStandardScaler,
}
