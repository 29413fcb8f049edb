namespace Hltad.Evaluation;

/// <summary>Evaluates every member and object type that exists and summarises the ensemble.</summary>
public static class EnsembleEvaluator
{
    /// <summary>
    /// Runs <see cref="ObjectTypeEvaluator.Evaluate"/> for each member and each of its object types, in
    /// ascending member order, and builds the <see cref="EnsembleSummary"/> over however many members there are.
    /// </summary>
    /// <param name="samples">The samples (EB_train and EB_val, if given, are skipped).</param>
    /// <param name="members">The scores of each trained member; at least one, member indices distinct.</param>
    /// <param name="options">Rates and the background tag.</param>
    /// <param name="progress">Told after each member and object type.</param>
    /// <param name="cancellationToken">Checked between members and object types.</param>
    /// <exception cref="HltadException">
    /// No members, a repeated member index, or any error of the evaluation.
    /// </exception>
    public static EvaluationResults Evaluate(
        IReadOnlyList<EvaluationSample> samples,
        IReadOnlyList<MemberScores> members,
        EvaluationOptions options,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (members.Count == 0)
        {
            throw new HltadException("evaluation: there are no trained members to evaluate");
        }

        int repeated = members.GroupBy(m => m.Member).Where(g => g.Count() > 1).Select(g => g.Key)
            .DefaultIfEmpty(-1).First();
        if (repeated >= 0 || members.Any(m => m.Member < 0))
        {
            throw new HltadException($"evaluation: member indices must be distinct and ≥ 0 (member {repeated})");
        }

        // Each member and object type in turn.
        int total = members.Sum(m => m.ObjectTypes.Count);
        int done = 0;
        var results = new List<MemberResult>();
        foreach (MemberScores member in members.OrderBy(m => m.Member))
        {
            var objectTypes = new List<ObjectTypeResult>();
            foreach (ObjectTypeScores scores in member.ObjectTypes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                objectTypes.Add(ObjectTypeEvaluator.Evaluate(member.Member, samples, scores, options));
                progress?.Report(new EvaluationProgress(member.Member, scores.ObjectType, ++done, total));
            }

            results.Add(new MemberResult(member.Member, objectTypes));
        }

        return new EvaluationResults(options, results, EnsembleSummary.FromMembers(results));
    }
}
