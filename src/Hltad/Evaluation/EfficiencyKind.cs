namespace Hltad.Evaluation;

/// <summary>The three signal-efficiency definitions of SEMANTICS.md section 9.</summary>
public enum EfficiencyKind
{
    /// <summary>Algorithm signal efficiency: over the events HLTAD sees.</summary>
    Ase,

    /// <summary>Total signal efficiency: over all events.</summary>
    Tse,

    /// <summary>Mixed signal efficiency (L1-seeded only): over events with passL1 or L1Seeded.</summary>
    Mise,
}
