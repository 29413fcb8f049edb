namespace Hltad.Engine.Layers;

/// <summary>
/// Keras' EarlyStopping (restore best) and ReduceLROnPlateau on the validation loss, as one state that
/// can be checkpointed. Per epoch, in this order as Keras' callbacks do:
/// early stopping: <c>wait += 1; if loss − minΔ &lt; best { best = loss; wait = 0 }; stop if wait ≥ patience
/// and epoch &gt; 0</c>; learning rate: <c>if loss &lt; lrBest − minΔ { lrBest = loss; lrWait = 0 } else if
/// ++lrWait ≥ patience { lr = max(lr · factor, minLr) when lr &gt; minLr; lrWait = 0 }</c>. NaN never improves.
/// </summary>
internal sealed class ConvergenceMonitor
{
    public double BestLoss { get; set; } = double.PositiveInfinity;

    public int BestEpoch { get; set; } = -1;

    public int Wait { get; set; }

    public double LearningRateBest { get; set; } = double.PositiveInfinity;

    public int LearningRateWait { get; set; }

    public bool Stopped { get; set; }

    /// <summary>Takes the loss of 0-based <paramref name="epoch"/>; returns whether it is a new best.</summary>
    public bool Observe(int epoch, double loss, TrainingOptions options, ref double learningRate)
    {
        // Early stopping.
        Wait++;
        bool improved = loss - options.EarlyStoppingMinDelta < BestLoss;
        if (improved)
        {
            BestLoss = loss;
            BestEpoch = epoch;
            Wait = 0;
        }

        if (Wait >= options.EarlyStoppingPatience && epoch > 0)
        {
            Stopped = true;
        }

        // Learning rate on plateau (no cooldown).
        if (loss < LearningRateBest - options.LearningRateMinDelta)
        {
            LearningRateBest = loss;
            LearningRateWait = 0;
        }
        else if (++LearningRateWait >= options.LearningRatePatience)
        {
            if (learningRate > options.MinLearningRate)
            {
                learningRate = Math.Max(learningRate * options.LearningRateFactor, options.MinLearningRate);
            }

            LearningRateWait = 0;
        }

        return improved;
    }
}
