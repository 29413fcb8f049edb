namespace Hltad.Onnx;

/// <summary>
/// Checks an exported ONNX file against the in-process network it came from (SEMANTICS.md section 10): both
/// score the same events and the largest difference is reported.
/// </summary>
public static class OnnxParity
{
    /// <summary>
    /// Scores <paramref name="count"/> events (48 values each, row-major in <paramref name="inputs"/>) with the
    /// model at <paramref name="onnxPath"/> in ONNX Runtime (<see cref="OnnxAdScorer"/>) and with
    /// <paramref name="inProcessScores"/>, and compares them.
    /// </summary>
    /// <exception cref="OnnxModelException">The model cannot be opened or does not fit.</exception>
    public static OnnxParityResult Compare(
        string onnxPath,
        float[] inputs,
        int count,
        Func<float[], int, float[]> inProcessScores,
        OnnxAdScorerOptions? options = null,
        double tolerance = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(inProcessScores);
        float[] onnx;
        using (OnnxAdScorer scorer = OnnxAdScorer.Open(onnxPath, options))
        {
            onnx = scorer.Scores(inputs.AsSpan(0, count * scorer.Features), count);
        }

        float[] inProcess = inProcessScores(inputs, count);
        if (inProcess.Length != count)
        {
            throw new ArgumentException(
                $"the in-process scorer gave {inProcess.Length} scores for {count} events", nameof(inProcessScores));
        }

        return Differences(onnx, inProcess, tolerance);
    }

    /// <summary>
    /// The largest differences of two aligned score arrays (see <see cref="OnnxParityResult"/>), and how many
    /// events differ by more than <paramref name="tolerance"/> relative (a NaN on one side counts as more).
    /// </summary>
    public static OnnxParityResult Differences(
        ReadOnlySpan<float> onnx, ReadOnlySpan<float> inProcess, double tolerance = double.PositiveInfinity)
    {
        if (onnx.Length != inProcess.Length)
        {
            throw new ArgumentException($"{onnx.Length} ONNX scores against {inProcess.Length} in-process scores");
        }

        double maxAbsolute = 0, maxRelative = 0;
        int worst = onnx.Length > 0 ? 0 : -1, above = 0;
        for (int i = 0; i < onnx.Length; i++)
        {
            double a = onnx[i], b = inProcess[i];
            double absolute = a.Equals(b) ? 0 : Math.Abs(a - b);
            double scale = Math.Max(Math.Abs(a), Math.Abs(b));
            double relative = absolute == 0 ? 0 : absolute / scale;
            maxAbsolute = Math.Max(maxAbsolute, absolute);
            if (double.IsNaN(relative) || relative > tolerance)
            {
                above++;
            }

            // The first NaN, once seen, stays the worst event.
            if (!double.IsNaN(maxRelative) && (double.IsNaN(relative) || relative > maxRelative))
            {
                maxRelative = relative;
                worst = i;
            }
        }

        return worst < 0
            ? new OnnxParityResult(0, 0, 0, -1, float.NaN, float.NaN)
            : new OnnxParityResult(onnx.Length, maxAbsolute, maxRelative, worst, onnx[worst], inProcess[worst])
            {
                EventsAboveTolerance = above,
            };
    }
}
