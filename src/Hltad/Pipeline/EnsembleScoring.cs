using Hltad.Evaluation;
using Hltad.Io;

namespace Hltad.Pipeline;

/// <summary>The scores of every member on every evaluated sample, and the score files still to be written.</summary>
/// <param name="Members">Per member (ascending), per object type, per tag: the scores, ready for evaluation.</param>
/// <param name="NewFiles">Score files computed in this run: final path and contents.</param>
/// <param name="Reused">Score files of an earlier run that were reused as they are.</param>
internal sealed record EnsembleScoring(
    IReadOnlyList<MemberScores> Members,
    IReadOnlyList<KeyValuePair<string, Hdf5Datasets>> NewFiles,
    int Reused);
