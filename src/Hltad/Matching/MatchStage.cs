namespace Hltad.Matching;

/// <summary>Steps of the match run, in order, as reported through <see cref="MatchProgress"/>.</summary>
public enum MatchStage
{
    /// <summary>
    /// Checking every input file, the model and the training list before anything is read or written.
    /// </summary>
    Validating,

    /// <summary>Reading ntuples, building event arrays and L1AD scores.</summary>
    Scoring,

    /// <summary>Writing the tag files (temporary names, renamed when all are written).</summary>
    Writing,

    /// <summary>Something worth telling that does not stop the run (repeated (run, event) pairs).</summary>
    Warning,

    /// <summary>All tag files are in place.</summary>
    Done,
}
