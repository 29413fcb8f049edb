namespace Hltad.Evaluation;

/// <summary>Which events the HLTAD trigger sees (SEMANTICS.md section 9).</summary>
public enum SeedingScheme
{
    /// <summary>Only L1AD-accepted (L1Seeded) events; incoming rate = total L1AD rate.</summary>
    L1Seeded,

    /// <summary>Every L1-accepted event (L1Seeded or passL1); incoming rate = 100 kHz.</summary>
    L1All,
}
