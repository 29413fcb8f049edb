namespace Hltad.Pipeline;

/// <summary>The steps of <see cref="TrialEvaluation.Run"/>, in the order they happen.</summary>
public enum TrialEvaluationStage
{
    /// <summary>The finished ensemble members were found (a message says how many).</summary>
    Members,

    /// <summary>The preprocessed samples were read (a message says how many).</summary>
    Reading,

    /// <summary>Scoring every sample with every member's networks; counts events × networks.</summary>
    Scoring,

    /// <summary>Section 9 per member and object type; counts member–object-type pairs.</summary>
    Evaluating,

    /// <summary>Rendering the plots; counts plots.</summary>
    Plotting,

    /// <summary>Writing the output files; counts files.</summary>
    Writing,

    /// <summary>Something the user should know that does not stop the evaluation.</summary>
    Note,
}
