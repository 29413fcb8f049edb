namespace Hltad.Matching;

/// <summary>One progress report of <see cref="Matcher.Run"/>.</summary>
/// <param name="Stage">The step.</param>
/// <param name="Message">What happened, for a log line.</param>
/// <param name="EventsDone">Events finished in this step so far.</param>
/// <param name="EventsTotal">Events this step handles in all (0 when unknown).</param>
public sealed record MatchProgress(MatchStage Stage, string Message, long EventsDone, long EventsTotal);
