using Hltad.Data;
using Hltad.Preprocessing;

namespace Hltad.Io;

/// <summary>
/// A folder of preprocessed samples: one <c>&lt;tag&gt;.h5</c> per sample (<see cref="PreprocessedSampleFile"/>)
/// and <c>preprocess_info.json</c>, which is written last and so marks the folder complete.
/// </summary>
public static class PreprocessedDirectory
{
    public const string InfoFileName = "preprocess_info.json";

    /// <summary>Whether <paramref name="directory"/> holds a complete preprocessing output.</summary>
    public static bool IsComplete(string directory) => File.Exists(Path.Combine(directory, InfoFileName));

    /// <summary>Writes every sample under a temporary name, renames them all, then writes the info file.</summary>
    public static void Write(string directory, PreprocessResult result, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(directory);
        var pending = new List<PendingFile>();
        try
        {
            foreach (PreprocessedSample sample in result.Samples)
            {
                cancellation.ThrowIfCancellationRequested();
                pending.Add(PreprocessedSampleFile.WritePending(Path.Combine(directory, sample.Tag + ".h5"), sample));
            }

            PendingFile.CommitAll(pending);
        }
        finally
        {
            foreach (PendingFile file in pending)
            {
                file.Dispose();
            }
        }

        result.Info.Save(Path.Combine(directory, InfoFileName));
    }

    /// <summary>Reads the info and the samples it lists.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="include">Which tags to read; null for all.</param>
    /// <exception cref="InputDataException">The folder is incomplete or a sample file is missing.</exception>
    public static PreprocessResult Read(string directory, Func<string, bool>? include = null)
    {
        string infoPath = Path.Combine(directory, InfoFileName);
        if (!File.Exists(infoPath))
        {
            throw new InputDataException(directory, null,
                $"is not a complete preprocessing output ({InfoFileName} is missing)");
        }

        PreprocessInfo info = PreprocessInfo.Load(infoPath);
        string[] tags = info.RowCounts.Select(pair => pair.Key).Where(tag => include?.Invoke(tag) ?? true).ToArray();
        var samples = new PreprocessedSample[tags.Length];
        Parallel.For(0, tags.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            string path = Path.Combine(directory, tags[i] + ".h5");
            if (!File.Exists(path))
            {
                throw new InputDataException(path, null, "is listed in preprocess_info.json but missing");
            }

            samples[i] = PreprocessedSampleFile.Read(path);
        });
        return new PreprocessResult(samples, info);
    }
}
