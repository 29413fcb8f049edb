namespace Hltad.Preprocessing;

/// <summary>The rows one preprocessed sample takes from the matched tags, in output order.</summary>
/// <param name="Tag">Name of the preprocessed sample.</param>
/// <param name="SourceTags">Code of the matched tag of every output row (index into the sorted tag list).</param>
/// <param name="SourceRows">Row in that matched tag.</param>
internal sealed record OutputRows(string Tag, int[] SourceTags, long[] SourceRows)
{
    public int Count => SourceTags.Length;
}
