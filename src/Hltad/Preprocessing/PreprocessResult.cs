using Hltad.Data;

namespace Hltad.Preprocessing;

/// <summary>
/// The preprocessed samples, in output order (EB_train, EB_val, EB_test, then the other tags), and the info.
/// </summary>
public sealed class PreprocessResult
{
    public PreprocessResult(IReadOnlyList<PreprocessedSample> samples, PreprocessInfo info)
    {
        Samples = samples;
        Info = info;
    }

    public IReadOnlyList<PreprocessedSample> Samples { get; }

    public PreprocessInfo Info { get; }

    /// <summary>The sample of that tag.</summary>
    /// <exception cref="KeyNotFoundException">No such sample.</exception>
    public PreprocessedSample this[string tag] =>
        Samples.FirstOrDefault(s => s.Tag == tag) ?? throw new KeyNotFoundException($"no preprocessed sample '{tag}'");
}
