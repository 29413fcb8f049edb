using Hltad.Data;
using Hltad.Physics;

namespace Hltad.Training;

/// <summary>
/// Event weights of training (SEMANTICS.md section 7, <c>training_weights</c>): with weights on, every EB_train and
/// EB_val event gets <c>1000 · w / Σ w(EB_val)</c> — both sets scaled by the validation sum; with weights off, 1.
/// </summary>
public static class TrainingWeights
{
    /// <summary>The weights of the training and validation events.</summary>
    /// <param name="train">EB_train.</param>
    /// <param name="validation">EB_val, whose weight sum sets the scale.</param>
    /// <param name="enabled">The trial's <c>training_weights</c>; false gives all 1.</param>
    /// <exception cref="HltadException">
    /// A weight is negative or not finite, or the EB_val weights do not sum to a positive number.
    /// </exception>
    public static (double[] Train, double[] Validation) Compute(
        PreprocessedSample train,
        PreprocessedSample validation,
        bool enabled = true)
    {
        if (!enabled)
        {
            return (Ones(train.Count), Ones(validation.Count));
        }

        Check(train);
        Check(validation);
        double validationSum = validation.Weights.Sum();
        if (!(validationSum > 0) || double.IsInfinity(validationSum))
        {
            throw new HltadException(
                $"training weights: the {validation.Tag} weights sum to {validationSum}; the sum must be > 0");
        }

        double[] Scaled(double[] weights) =>
            weights.Select(w => PhysicsConstants.TrainingWeightScale * w / validationSum).ToArray();
        return (Scaled(train.Weights), Scaled(validation.Weights));
    }

    private static void Check(PreprocessedSample sample)
    {
        for (int i = 0; i < sample.Count; i++)
        {
            double w = sample.Weights[i];
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new HltadException(
                    $"training weights: event {i} of {sample.Tag} has weight {w}; weights must be finite and ≥ 0");
            }
        }
    }

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
