using Hltad.Configuration;
using Hltad.Data;
using Hltad.Engine;
using Hltad.Evaluation;
using Hltad.Io;
using Hltad.Physics;
using Hltad.Preprocessing;
using Hltad.Training;

namespace Hltad.Pipeline;

/// <summary>
/// Scores every evaluated sample with every member's autoencoders (SEMANTICS.md section 8): each model is loaded
/// once and folded to its inference form; the events are cut into chunks that run on every core through the
/// engine's batched evaluator. A score does not depend on the chunking, so the result is the same for any number
/// of threads. Score files of an earlier run are reused where <see cref="MemberScoreFile.TryReuse"/> allows.
/// </summary>
internal sealed class EnsembleScorer
{
    private const int ChunkEvents = 8192;

    private readonly EnsembleLayout _layout;
    private readonly IReadOnlyList<ObjectType> _objectTypes;
    private readonly LossMaskKind _mask;

    public EnsembleScorer(EnsembleLayout layout, IReadOnlyList<ObjectType> objectTypes, LossMaskKind mask)
    {
        _layout = layout;
        _objectTypes = objectTypes;
        _mask = mask;
    }

    /// <summary>Scores (or reuses the scores of) every member on every sample.</summary>
    /// <param name="members">The finished members.</param>
    /// <param name="samples">The evaluated samples.</param>
    /// <param name="evaluationDirectory">Where the score files are (and go).</param>
    /// <param name="preprocessedDirectory">Where the samples' files are (a score file must be newer).</param>
    /// <param name="reuse">Whether to reuse valid score files.</param>
    /// <param name="progress">Told the events scored so far, counting each network separately.</param>
    /// <param name="cancellation">Checked between chunks.</param>
    /// <exception cref="InputDataException">mask = objects but a sample has no object mask.</exception>
    /// <exception cref="HltadException">A model cannot be read or does not take 48 inputs.</exception>
    public EnsembleScoring Score(
        IReadOnlyList<int> members,
        IReadOnlyList<PreprocessedSample> samples,
        string evaluationDirectory,
        string preprocessedDirectory,
        bool reuse,
        IProgress<TrialEvaluationProgress>? progress,
        CancellationToken cancellation)
    {
        CheckMasks(samples, preprocessedDirectory);

        // Which (member, sample) score files are still good?
        var scores = new Dictionary<ObjectType, float[]>?[members.Count, samples.Count];
        int reused = 0;
        for (int m = 0; m < members.Count && reuse; m++)
        {
            string[] models = _objectTypes.Select(type => _layout.ModelFile(members[m], type)).ToArray();
            for (int s = 0; s < samples.Count; s++)
            {
                string path = MemberScoreFile.PathOf(evaluationDirectory, members[m], samples[s].Tag);
                string sampleFile = Path.Combine(preprocessedDirectory, samples[s].Tag + ".h5");
                IReadOnlyDictionary<ObjectType, float[]>? found = MemberScoreFile.TryReuse(
                    path, _objectTypes, samples[s].Count, models.Append(sampleFile));
                if (found is not null)
                {
                    scores[m, s] = new Dictionary<ObjectType, float[]>(found);
                    reused++;
                }
            }
        }

        // Score the rest, every network on every core.
        var newFiles = new List<KeyValuePair<string, Hdf5Datasets>>();
        List<Chunk> chunks = PlanChunks(members, samples, scores);
        RunChunks(chunks, samples, progress, cancellation);
        var computed = chunks.Where(c => c.First == 0).ToDictionary(c => (c.Member, c.Sample, c.Type), c => c.Scores);
        for (int m = 0; m < members.Count; m++)
        {
            for (int s = 0; s < samples.Count; s++)
            {
                if (scores[m, s] is null)
                {
                    var fresh = _objectTypes.ToDictionary(type => type, type => computed[(m, s, type)]);
                    scores[m, s] = fresh;
                    newFiles.Add(new(MemberScoreFile.PathOf(evaluationDirectory, members[m], samples[s].Tag),
                        MemberScoreFile.Contents(members[m], samples[s].Tag,
                            _objectTypes.Select(type => (type, fresh[type])).ToArray())));
                }
            }
        }

        return new EnsembleScoring(ToMemberScores(members, samples, scores), newFiles, reused);
    }

    private void CheckMasks(IReadOnlyList<PreprocessedSample> samples, string preprocessedDirectory)
    {
        if (_mask != LossMaskKind.Objects)
        {
            return;
        }

        foreach (PreprocessedSample sample in samples)
        {
            foreach (ObjectType type in _objectTypes)
            {
                if (ObjectMask(sample, type) is null)
                {
                    throw new InputDataException(Path.Combine(preprocessedDirectory, sample.Tag + ".h5"),
                        type == ObjectType.Hlt ? PreprocessedSampleFile.HltObjectMask
                            : PreprocessedSampleFile.L1ObjectMask,
                        "is missing, but the trial scores with mask = objects");
                }
            }
        }
    }

    /// <summary>One slice of events of one sample for one member's network; the scores array is per sample.</summary>
    private sealed record Chunk(
        int Member,
        int Sample,
        ObjectType Type,
        InferenceEvaluator Network,
        float[] Scores,
        int First,
        int Count);

    private List<Chunk> PlanChunks(
        IReadOnlyList<int> members,
        IReadOnlyList<PreprocessedSample> samples,
        Dictionary<ObjectType, float[]>?[,] scores)
    {
        var chunks = new List<Chunk>();
        for (int m = 0; m < members.Count; m++)
        {
            int[] missing = Enumerable.Range(0, samples.Count).Where(s => scores[m, s] is null).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            foreach (ObjectType type in _objectTypes)
            {
                InferenceEvaluator network = LoadNetwork(members[m], type);
                foreach (int s in missing)
                {
                    var result = new float[samples[s].Count];
                    for (int first = 0; first == 0 || first < result.Length; first += ChunkEvents)
                    {
                        chunks.Add(new Chunk(m, s, type, network, result, first,
                            Math.Min(ChunkEvents, result.Length - first)));
                    }
                }
            }
        }

        return chunks;
    }

    private InferenceEvaluator LoadNetwork(int member, ObjectType type)
    {
        string path = _layout.ModelFile(member, type);
        InferenceNetwork network = Autoencoder.Load(path).ToInference();
        if (network.Inputs != ObjectLayout.Features || network.Outputs != ObjectLayout.Features)
        {
            throw new HltadException($"{path}: the {OptionNames.Of(type)} autoencoder maps {network.Inputs} to " +
                $"{network.Outputs} values; an HLTAD autoencoder maps {ObjectLayout.Features} to " +
                $"{ObjectLayout.Features}");
        }

        return new InferenceEvaluator(network);
    }

    private void RunChunks(
        List<Chunk> chunks,
        IReadOnlyList<PreprocessedSample> samples,
        IProgress<TrialEvaluationProgress>? progress,
        CancellationToken cancellation)
    {
        long total = chunks.Sum(c => (long)c.Count);
        long done = 0;
        progress?.Report(new TrialEvaluationProgress(TrialEvaluationStage.Scoring, 0, total));
        ParallelWork.For(chunks.Count, Environment.ProcessorCount, cancellation, i =>
        {
            Chunk chunk = chunks[i];
            PreprocessedSample sample = samples[chunk.Sample];
            int features = ObjectLayout.Features;
            float[] inputs = chunk.Type == ObjectType.Hlt ? sample.Hlt : sample.L1;
            float[]? mask = _mask == LossMaskKind.Objects ? ObjectMask(sample, chunk.Type) : null;
            chunk.Network.ScoreReconstruction(
                inputs.AsSpan(chunk.First * features, chunk.Count * features),
                mask is null ? default : mask.AsSpan(chunk.First * features, chunk.Count * features),
                chunk.Count,
                chunk.Scores.AsSpan(chunk.First, chunk.Count));
            long now = Interlocked.Add(ref done, chunk.Count);
            progress?.Report(new TrialEvaluationProgress(TrialEvaluationStage.Scoring, now, total));
        });
    }

    private static float[]? ObjectMask(PreprocessedSample sample, ObjectType type) =>
        type == ObjectType.Hlt ? sample.HltObjectMask : sample.L1ObjectMask;

    private IReadOnlyList<MemberScores> ToMemberScores(
        IReadOnlyList<int> members,
        IReadOnlyList<PreprocessedSample> samples,
        Dictionary<ObjectType, float[]>?[,] scores)
    {
        var result = new List<MemberScores>();
        for (int m = 0; m < members.Count; m++)
        {
            var perType = new List<ObjectTypeScores>();
            foreach (ObjectType type in _objectTypes)
            {
                var byTag = new Dictionary<string, float[]>(StringComparer.Ordinal);
                for (int s = 0; s < samples.Count; s++)
                {
                    byTag[samples[s].Tag] = scores[m, s]![type];
                }

                perType.Add(new ObjectTypeScores(OptionNames.Of(type), byTag));
            }

            result.Add(new MemberScores(members[m], perType));
        }

        return result;
    }
}
