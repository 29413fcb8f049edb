namespace Hltad.Evaluation;

/// <summary>Mean and standard deviation over the members of every efficiency, gain and ROC figure.</summary>
/// <param name="Members">The member indices summarised, ascending.</param>
/// <param name="ObjectTypes">One summary per object type, in first-seen order.</param>
public sealed record EnsembleSummary(IReadOnlyList<int> Members, IReadOnlyList<ObjectTypeSummary> ObjectTypes)
{
    /// <summary>The summary of an object type, or null.</summary>
    public ObjectTypeSummary? Find(string objectType) => ObjectTypes.FirstOrDefault(o => o.ObjectType == objectType);

    /// <summary>
    /// Summarises whichever members are given; a member without a value for a figure (null, or no such tag) is
    /// left out of that figure's statistic, whose <see cref="SummaryStatistic.Count"/> says how many remained.
    /// </summary>
    public static EnsembleSummary FromMembers(IReadOnlyList<MemberResult> members)
    {
        var objectTypes = new List<string>();
        foreach (ObjectTypeResult result in members.SelectMany(m => m.ObjectTypes))
        {
            if (!objectTypes.Contains(result.ObjectType))
            {
                objectTypes.Add(result.ObjectType);
            }
        }

        ObjectTypeSummary[] summaries = objectTypes.Select(o => Summarise(o, members)).ToArray();
        return new EnsembleSummary(members.Select(m => m.Member).Order().ToArray(), summaries);
    }

    private static ObjectTypeSummary Summarise(string objectType, IReadOnlyList<MemberResult> members)
    {
        var present = members
            .Select(m => (m.Member, Result: m.Find(objectType)))
            .Where(p => p.Result is not null)
            .Select(p => (p.Member, Result: p.Result!))
            .ToArray();
        string[] tags = present.SelectMany(p => p.Result.Tags).Distinct().Order(StringComparer.Ordinal).ToArray();

        // Efficiencies and gains per scheme and tag.
        var efficiencies = new Dictionary<EfficiencyScheme, IReadOnlyDictionary<string, SampleEfficiencySummary>>();
        foreach (EfficiencyScheme scheme in EfficiencyScheme.All)
        {
            var perTag = new SortedDictionary<string, SampleEfficiencySummary>(StringComparer.Ordinal);
            foreach (string tag in tags)
            {
                SampleEfficiency?[] values = present.Select(p => p.Result.Efficiencies(scheme).GetValueOrDefault(tag))
                    .ToArray();
                perTag[tag] = new SampleEfficiencySummary(
                    SummaryStatistic.Of(values.Select(v => v?.HltEfficiency)),
                    SummaryStatistic.Of(values.Select(v => v?.CombinedEfficiency)),
                    SummaryStatistic.Of(values.Select(v => v?.GainPercent)));
            }

            efficiencies[scheme] = perTag;
        }

        // ROC figures per seeding scheme and tag.
        var roc = new Dictionary<SeedingScheme, IReadOnlyDictionary<string, SampleRocSummary>>();
        foreach (SeedingScheme seeding in new[] { SeedingScheme.L1Seeded, SeedingScheme.L1All })
        {
            var perTag = new SortedDictionary<string, SampleRocSummary>(StringComparer.Ordinal);
            foreach (string tag in tags)
            {
                SampleRoc?[] values = present
                    .Select(p => p.Result.Scheme(seeding).Roc.GetValueOrDefault(tag))
                    .ToArray();
                perTag[tag] = new SampleRocSummary(
                    SummaryStatistic.Of(values.Select(v => v?.Auc)),
                    SummaryStatistic.Of(values.Select(v => v?.SignalEfficiency)));
            }

            roc[seeding] = perTag;
        }

        return new ObjectTypeSummary(objectType, present.Select(p => p.Member).ToArray(), tags, efficiencies, roc);
    }
}
