using System.Globalization;

namespace Hltad.Evaluation;

/// <summary>
/// Where a threshold could not come close to its budget: with few background events the highest-scored one
/// alone can exceed the target (SEMANTICS.md section 5 takes the highest level that reaches it), so the
/// efficiencies are those of a larger rate than asked for. The user must be told.
/// </summary>
public static class RateShortfalls
{
    /// <summary>One line per object type and seeding scheme whose pure rate exceeds the target by
    /// <paramref name="factor"/> or more in some member, naming the worst member's rate.</summary>
    public static IReadOnlyList<string> Describe(EvaluationResults results, double factor = 1.5)
    {
        double target = results.Options.TargetRateHz;
        var lines = new List<string>();
        var worst = new Dictionary<(string ObjectType, SeedingScheme Seeding), (int Member, double Rate)>();
        foreach (MemberResult member in results.Members)
        {
            foreach (ObjectTypeResult objectType in member.ObjectTypes)
            {
                foreach (SchemeResult scheme in new[] { objectType.L1Seeded, objectType.L1All })
                {
                    double rate = scheme.Threshold.PureRateHz;
                    var key = (objectType.ObjectType, scheme.Seeding);
                    if (rate >= factor * target && (!worst.TryGetValue(key, out var seen) || rate > seen.Rate))
                    {
                        worst[key] = (member.Member, rate);
                    }
                }
            }
        }

        foreach (((string objectType, SeedingScheme seeding), (int member, double rate)) in worst)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{objectType} {SchemeNames.Label(seeding)}: the threshold gives {rate:G4} Hz of pure rate " +
                $"for a {target:G4} Hz target (member {member}): too few background events for that budget, " +
                $"so its efficiencies are those of the larger rate; use more EB events or a larger target"));
        }

        return lines;
    }
}
