namespace Hltad.Rates;

/// <summary>
/// A score threshold found for a rate budget, with the rates it gives (SEMANTICS.md section 5).
/// An event is anomalous when its score is ≥ <see cref="Threshold"/>; both rates count every event tied at it.
/// </summary>
/// <param name="Threshold">The score level (one of the events' scores).</param>
/// <param name="PureRateHz">Σ w·[score ≥ t and not pass] · incoming / Σ w.</param>
/// <param name="TotalRateHz">Σ w·[score ≥ t] · incoming / Σ w.</param>
/// <param name="IncomingRateHz">The input rate the weighted fractions were scaled to.</param>
public sealed record RateThreshold(float Threshold, double PureRateHz, double TotalRateHz, double IncomingRateHz);
