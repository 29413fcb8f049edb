namespace Hltad.Onnx;

/// <summary>
/// <c>hltad score</c>: scores the events of one HDF5 file with an ONNX model and writes one score per event.
/// Reads <c>&lt;objects&gt;_data</c>, (N, 48) or (N, 16, 3) float32; writes <c>&lt;objects&gt;_AD_scores</c>,
/// (N,) float32, to a new file (temporary name, renamed when complete).
/// </summary>
public static class OnnxFileScoring
{
    /// <summary>Object types a file holds event arrays for (SEMANTICS.md section 3).</summary>
    public static IReadOnlyList<string> ObjectTypes { get; } = ["HLT", "L1"];

    /// <summary>The event dataset of an object type: <c>HLT_data</c> or <c>L1_data</c>.</summary>
    public static string InputDataset(string objects) => $"{CheckObjects(objects)}_data";

    /// <summary>The score dataset of an object type: <c>HLT_AD_scores</c> or <c>L1_AD_scores</c>.</summary>
    public static string OutputDataset(string objects) => $"{CheckObjects(objects)}_AD_scores";

    /// <summary>Scores the events of <paramref name="dataPath"/> with <paramref name="modelPath"/>.</summary>
    /// <param name="modelPath">ONNX model, see <see cref="OnnxAdScorer"/>.</param>
    /// <param name="dataPath">HDF5 file holding the event dataset.</param>
    /// <param name="objects"><c>HLT</c> or <c>L1</c> (case-insensitive).</param>
    /// <param name="outPath">HDF5 file to write; replaced if it exists; not <paramref name="dataPath"/>.</param>
    /// <param name="options">Batch size and threads.</param>
    /// <param name="progress">Receives the number of events scored so far.</param>
    /// <param name="cancellationToken">Stops between batches; nothing is written then.</param>
    /// <exception cref="OnnxModelException">The model is missing or does not fit.</exception>
    /// <exception cref="InputDataException">The data file or dataset is missing or has the wrong shape.</exception>
    /// <exception cref="ConfigurationException">Unknown object type, or the output would replace the input.</exception>
    public static OnnxFileScoringResult Run(
        string modelPath,
        string dataPath,
        string objects,
        string outPath,
        OnnxAdScorerOptions? options = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        string input = InputDataset(objects);
        string output = OutputDataset(objects);
        if (string.Equals(Path.GetFullPath(dataPath), Path.GetFullPath(outPath), StringComparison.Ordinal))
        {
            throw new ConfigurationException("out", $"{outPath} is the input file; choose another output file");
        }

        // The model first: a bad model is reported before a large file is read.
        using OnnxAdScorer scorer = OnnxAdScorer.Open(modelPath, options);
        (float[] values, int count) = ScoreFileHdf5.ReadEvents(dataPath, input);

        float[] scores = scorer.Scores(values, count, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        ScoreFileHdf5.WriteScores(outPath, output, scores);
        return new OnnxFileScoringResult(count, scorer.Kind, input, output, scorer.InputName, scorer.OutputName);
    }

    private static string CheckObjects(string objects) =>
        ObjectTypes.FirstOrDefault(t => string.Equals(t, objects, StringComparison.OrdinalIgnoreCase))
        ?? throw new ConfigurationException("objects", $"'{objects}' is not one of {string.Join(", ", ObjectTypes)}");
}
