namespace Hltad.Evaluation;

/// <summary>One sample's ROC figures under one seeding scheme, summarised over the members.</summary>
/// <param name="Auc">Of the members' AUCs.</param>
/// <param name="SignalEfficiency">Of the members' signal efficiencies at FPR*.</param>
public sealed record SampleRocSummary(SummaryStatistic Auc, SummaryStatistic SignalEfficiency);
