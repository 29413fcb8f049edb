using Hltad.Engine;

namespace Hltad.Onnx;

/// <summary>Checks that an <see cref="InferenceNetwork"/> is well formed before it is run or exported.</summary>
internal static class InferenceNetworkValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first step whose sizes do not fit.</summary>
    public static void Validate(InferenceNetwork network, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(network, parameterName);
        if (network.Steps.Count == 0)
        {
            throw new ArgumentException("the network has no steps", parameterName);
        }

        for (int i = 0; i < network.Steps.Count; i++)
        {
            string? problem = Problem(network.Steps[i]);
            if (problem is null && i > 0 && network.Steps[i - 1].Outputs != network.Steps[i].Inputs)
            {
                problem = $"takes {network.Steps[i].Inputs} inputs but step {i - 1} gives " +
                    $"{network.Steps[i - 1].Outputs}";
            }

            if (problem is not null)
            {
                throw new ArgumentException($"step {i}: {problem}", parameterName);
            }
        }
    }

    private static string? Problem(InferenceStep step) => step switch
    {
        DenseInference { Dense: var d } when d.Inputs <= 0 || d.Outputs <= 0 =>
            $"dense step has {d.Inputs} inputs and {d.Outputs} outputs",
        DenseInference { Dense: var d } when d.Kernel.Length != (long)d.Inputs * d.Outputs =>
            $"dense kernel has {d.Kernel.Length} values, expected {d.Inputs} × {d.Outputs}",
        DenseInference { Dense: var d } when d.Bias.Length != d.Outputs =>
            $"dense bias has {d.Bias.Length} values, expected {d.Outputs}",
        DenseInference { Dense: var d } when !Enum.IsDefined(d.Activation) =>
            $"unknown activation {d.Activation}",
        DenseInference => null,
        AffineInference a when a.Scale.Length == 0 || a.Shift.Length != a.Scale.Length =>
            $"affine step has {a.Scale.Length} scales and {a.Shift.Length} shifts",
        AffineInference => null,
        _ => $"unsupported step type {step.GetType().Name}",
    };
}
