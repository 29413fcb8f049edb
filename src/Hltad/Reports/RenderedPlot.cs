namespace Hltad.Reports;

/// <summary>One rendered plot.</summary>
/// <param name="Group">Report section it belongs to, e.g. "HLT objects · member 0".</param>
/// <param name="RelativePath">File name under the plots folder, e.g. <c>HLT/member_0/l1Seeded_TSE.png</c>.</param>
/// <param name="Title">What it shows, for captions and alt text.</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record RenderedPlot(string Group, string RelativePath, string Title, byte[] Png);
