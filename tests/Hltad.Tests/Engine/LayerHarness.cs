using Hltad.Engine;
using Hltad.Engine.Layers;

namespace Hltad.Tests.Engine;

/// <summary>
/// Runs a chain of layers on a fixed batch the way the serial executor does (stage by stage, part 0 then
/// part 1), for gradient checks: loss = Σ probe · output in double, or the masked weighted loss.
/// </summary>
internal sealed class LayerHarness
{
    private readonly int _rows;

    public LayerHarness(IReadOnlyList<Layer> layers, int rows, ulong seed, bool initialise = true)
    {
        _rows = rows;
        Network = new SequentialNetwork(layers, rows);
        Network.Layers[0].NeedsInputGradient = true;
        Network.Layers[0].InputGradient = new float[rows * layers[0].Inputs];
        if (initialise)
        {
            Network.Initialise(new Xoshiro256StarStar(seed));
        }

        Network.Batch.Rows = rows;
        Network.Batch.Training = true;
        Network.Batch.Step = 3;
        Array.Fill(Network.Batch.Weights, 1f);
    }

    public SequentialNetwork Network { get; }

    public float[] Input => Network.InputBatch;

    public float[] Output => Network.OutputBatch;

    public void Forward()
    {
        var plan = new PhasePlan();
        Network.AddForward(plan, Network.Batch.Training);
        RunSerial(plan.Build());
    }

    public void Backward(float[] outputGradient)
    {
        outputGradient.CopyTo(Network.OutputGradient, 0);
        var plan = new PhasePlan();
        Network.AddBackward(plan);
        RunSerial(plan.Build());
    }

    /// <summary>Σ probe · output in double after a forward pass.</summary>
    public double ProbeLoss(float[] probe)
    {
        Forward();
        double sum = 0.0;
        for (int i = 0; i < probe.Length; i++)
        {
            sum += (double)probe[i] * Output[i];
        }

        return sum;
    }

    /// <summary>Which side of the kink every activation input is on (after the last forward pass).</summary>
    public string KinkPattern()
    {
        var bits = new System.Text.StringBuilder();
        foreach (Layer layer in Network.Layers.Where(l => l is ActivationLayer))
        {
            for (int i = 0; i < _rows * layer.Inputs; i++)
            {
                bits.Append(layer.Input[i] > 0f ? '1' : '0');
            }
        }

        return bits.ToString();
    }

    /// <summary>Total gradient of one trainable value: both parts' shares.</summary>
    public double ParameterGradient(ParameterSlot slot, int index) =>
        (double)Network.Store.Gradients[0][slot.Offset + index] + Network.Store.Gradients[1][slot.Offset + index];

    public float[] InputGradient => Network.Layers[0].InputGradient;

    public int Rows => _rows;

    private static void RunSerial(IReadOnlyList<Action<int>> phases)
    {
        foreach (Action<int> phase in phases)
        {
            phase(0);
            phase(1);
        }
    }

    public static float[] Random(Xoshiro256StarStar random, int length, double scale = 1.0, double awayFromZero = 0)
    {
        float[] v = new float[length];
        for (int i = 0; i < length; i++)
        {
            double u = (2 * random.NextDouble() - 1) * scale;
            v[i] = (float)(u + Math.Sign(u) * awayFromZero);
        }

        return v;
    }
}
