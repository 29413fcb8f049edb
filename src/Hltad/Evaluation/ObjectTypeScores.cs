namespace Hltad.Evaluation;

/// <summary>One member's HLTAD scores for one object type (e.g. "HLT" or "L1"), per sample tag.</summary>
/// <param name="ObjectType">The object type the autoencoder was trained on: "HLT" or "L1".</param>
/// <param name="ScoresByTag">AD score of every event of each sample, row-aligned with the sample.</param>
public sealed record ObjectTypeScores(string ObjectType, IReadOnlyDictionary<string, float[]> ScoresByTag);
