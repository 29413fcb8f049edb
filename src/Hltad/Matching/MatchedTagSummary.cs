namespace Hltad.Matching;

/// <summary>One written tag file.</summary>
/// <param name="Tag">Tag name (<c>topo2A_train</c>, <c>EB_&lt;run&gt;</c>, <c>HLT_noalg_eb_L1All</c> or an MC
/// process).</param>
/// <param name="Events">Events in the file.</param>
/// <param name="Path">Full path of <c>&lt;tag&gt;.h5</c>.</param>
/// <param name="IsEnhancedBias">True for EB tags (with run/event numbers and pileup), false for MC.</param>
public sealed record MatchedTagSummary(string Tag, int Events, string Path, bool IsEnhancedBias);
