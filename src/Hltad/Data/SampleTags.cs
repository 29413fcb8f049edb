namespace Hltad.Data;

/// <summary>Names of the matched and preprocessed samples that the pipeline treats specially (sections 4, 6).</summary>
public static class SampleTags
{
    /// <summary>EB events the L1AD network was trained on; the L1AD threshold is set on them.</summary>
    public const string Topo2ATrain = "topo2A_train";

    /// <summary>The EB run recorded with no HLT selection (run 475341).</summary>
    public const string NoHltSelection = "HLT_noalg_eb_L1All";

    /// <summary>Prefix of the per-run EB tags, <c>EB_&lt;run&gt;</c>.</summary>
    public const string EbRunPrefix = "EB_";

    /// <summary>Preprocessed: the 85 % training part.</summary>
    public const string Train = "EB_train";

    /// <summary>Preprocessed: the 15 % validation part.</summary>
    public const string Validation = "EB_val";

    /// <summary>Preprocessed: all <c>EB_&lt;run&gt;</c> tags together, the background of evaluation.</summary>
    public const string Test = "EB_test";

    /// <summary>True for <c>EB_</c> followed by one or more digits (a run number).</summary>
    public static bool IsEbRun(string tag) =>
        tag.Length > EbRunPrefix.Length
        && tag.StartsWith(EbRunPrefix, StringComparison.Ordinal)
        && !tag.AsSpan(EbRunPrefix.Length).ContainsAnyExceptInRange('0', '9');
}
