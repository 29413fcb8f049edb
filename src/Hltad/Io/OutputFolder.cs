namespace Hltad.Io;

/// <summary>
/// Checks an output folder before a long step writes into it, so that a folder that cannot take the outputs
/// fails the step at its start rather than after the work.
/// </summary>
public static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="directory"/> if needed and checks that files can be created in it and that no
    /// folder stands where one of <paramref name="fileNames"/> is to be written.
    /// </summary>
    /// <exception cref="OutputFileException">The path is a file, cannot be created or written, or a folder is in
    /// the way of an output.</exception>
    public static void Prepare(string directory, IEnumerable<string> fileNames)
    {
        if (File.Exists(directory))
        {
            throw new OutputFileException(directory, "it is a file, not a folder");
        }

        foreach (string name in fileNames)
        {
            string path = Path.Combine(directory, name);
            if (Directory.Exists(path))
            {
                throw new OutputFileException(path, "a folder of that name is in the way");
            }
        }

        try
        {
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".hltad-write-check-{Environment.ProcessId}.tmp");
            using var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1,
                FileOptions.DeleteOnClose);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(directory, error.Message, error);
        }
    }
}
