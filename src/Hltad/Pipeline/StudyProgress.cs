namespace Hltad.Pipeline;

/// <summary>A step of <c>hltad run</c> starting, progressing or being skipped because it is already done.</summary>
/// <param name="Step">world, l1ad, match, train, evaluate.</param>
/// <param name="Message">What happens, for a log line.</param>
/// <param name="Done">Work done so far (events, epochs), or 0.</param>
/// <param name="Total">Total work, or 0 when unknown.</param>
/// <param name="Unit">What Done and Total count.</param>
public sealed record StudyProgress(string Step, string Message, long Done = 0, long Total = 0, string Unit = "events");
