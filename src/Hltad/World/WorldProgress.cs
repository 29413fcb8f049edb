namespace Hltad.World;

/// <summary>One progress report of <see cref="WorldGenerator.Generate"/>.</summary>
/// <param name="Message">What happened, for a log line.</param>
/// <param name="EventsDone">Events generated so far.</param>
/// <param name="EventsTotal">Events of the whole world.</param>
public sealed record WorldProgress(string Message, long EventsDone, long EventsTotal);
