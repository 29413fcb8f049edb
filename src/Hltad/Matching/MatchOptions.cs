using Hltad.Physics;

namespace Hltad.Matching;

/// <summary>Inputs and options of the match step (SEMANTICS.md sections 2–4).</summary>
/// <param name="EbDirectory">Folder of the EB run ntuples; its <c>*.h5</c> files are read in sorted name order.</param>
/// <param name="McDirectory">Folder of the MC ntuples, one file per process.</param>
/// <param name="L1adTrainingFile">HDF5 file with the <c>run_number</c>, <c>event_number</c> of the L1AD training
/// events.</param>
/// <param name="L1adModelFile">The L1AD network, ONNX with an (N, 44) float input.</param>
/// <param name="OutputDirectory">Where the <c>&lt;tag&gt;.h5</c> files go (created if needed).</param>
public sealed record MatchOptions(
    string EbDirectory,
    string McDirectory,
    string L1adTrainingFile,
    string L1adModelFile,
    string OutputDirectory)
{
    /// <summary>How the network's output becomes the L1AD score; default mean of squares.</summary>
    public L1adScoreKind ScoreKind { get; init; } = L1adScoreKind.MeanSquare;

    /// <summary>Events kept per MC tag (the first ones of the file); default 100 000.</summary>
    public int McCap { get; init; } = PhysicsConstants.DefaultMcCap;

    /// <summary>Files read at the same time; default the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Intra-op threads of ONNX Runtime; default 2.</summary>
    public int OnnxThreads { get; init; } = 2;
}
