namespace Hltad.Evaluation;

/// <summary>One sample's efficiencies under one scheme, summarised over the members.</summary>
/// <param name="HltEfficiency">Of the members' HLT efficiencies.</param>
/// <param name="CombinedEfficiency">Of the members' HLT + AD efficiencies.</param>
/// <param name="GainPercent">Of the members' gains (the mean of gains, not the gain of mean efficiencies).</param>
public sealed record SampleEfficiencySummary(
    SummaryStatistic HltEfficiency,
    SummaryStatistic CombinedEfficiency,
    SummaryStatistic GainPercent);
