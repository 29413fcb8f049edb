namespace Hltad.Matching;

/// <summary>Names of the EB tags of the match step (SEMANTICS.md section 4).</summary>
public static class MatchTags
{
    /// <summary>EB events whose (run, event) pair is in the L1AD training list.</summary>
    public const string L1adTraining = "topo2A_train";

    /// <summary>The events of the run recorded without HLT selection (run 475341).</summary>
    public const string NoHltSelection = "HLT_noalg_eb_L1All";

    /// <summary>The tag of the other EB events of a run: <c>EB_&lt;run&gt;</c>.</summary>
    public static string ForRun(long run) =>
        run == Physics.PhysicsConstants.NoHltSelectionRun
            ? NoHltSelection
            : "EB_" + run.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
