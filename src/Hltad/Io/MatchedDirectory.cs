using Hltad.Data;

namespace Hltad.Io;

/// <summary>The matched datasets of a study: every <c>&lt;tag&gt;.h5</c> of one folder (output of
/// <c>match</c>).</summary>
public static class MatchedDirectory
{
    /// <summary>Reads every <c>*.h5</c> of <paramref name="directory"/>, keyed by tag (the file name).</summary>
    /// <exception cref="InputDataException">The folder is missing or holds no matched file, or a file is
    /// bad.</exception>
    public static IReadOnlyDictionary<string, MatchedSample> ReadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InputDataException(directory, null, "the matched-datasets folder does not exist");
        }

        string[] files = Directory.GetFiles(directory, "*.h5").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new InputDataException(directory, null, "holds no matched <tag>.h5 files (run `hltad match` first)");
        }

        var samples = new MatchedSample[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            i => samples[i] = MatchedSampleFile.Read(files[i]));
        return samples.ToDictionary(sample => sample.Tag, StringComparer.Ordinal);
    }
}
