namespace Hltad.Engine.Layers;

/// <summary>
/// A chain of layers with buffers for batches of up to <see cref="BatchState.Capacity"/> rows: the input
/// batch (and its loss mask), each layer's output and the gradient at each layer boundary. Builds the phase
/// plans of a forward pass and of a backward pass for <see cref="Kernels.PairExecutor"/>.
/// </summary>
internal sealed class SequentialNetwork
{
    private readonly List<(Layer Layer, ParameterSlot[] Slots)> _trainableByLayer = [];

    public SequentialNetwork(IReadOnlyList<Layer> layers, int capacity)
    {
        Layers = layers;
        Features = layers[0].Inputs;
        Batch = new BatchState(capacity);
        Store = new ParameterStore();
        foreach (Layer layer in layers)
        {
            int before = Store.Trainable.Count;
            layer.Register(Store);
            _trainableByLayer.Add((layer, Store.Trainable.Skip(before).ToArray()));
        }

        Store.Allocate();
        BindBuffers(capacity);
    }

    public IReadOnlyList<Layer> Layers { get; }

    public int Features { get; }

    public int OutputFeatures => Layers[^1].Outputs;

    public BatchState Batch { get; }

    public ParameterStore Store { get; }

    /// <summary>Input rows of the current batch (also the reconstruction targets).</summary>
    public float[] InputBatch => Layers[0].Input;

    /// <summary>Explicit loss mask rows of the current batch (used when the data has a mask).</summary>
    public float[] MaskBatch { get; private set; } = [];

    /// <summary>Network output rows of the current batch.</summary>
    public float[] OutputBatch => Layers[^1].Output;

    /// <summary>∂loss/∂output, written by the loss.</summary>
    public float[] OutputGradient => Layers[^1].OutputGradient;

    /// <summary>Each layer with the trainable tensors it registered.</summary>
    public IReadOnlyList<(Layer Layer, ParameterSlot[] Slots)> TrainableByLayer => _trainableByLayer;

    /// <summary>Initialises every layer in order from <paramref name="random"/> (Keras defaults).</summary>
    public void Initialise(Xoshiro256StarStar random)
    {
        foreach (Layer layer in Layers)
        {
            layer.Initialise(Store, random);
        }
    }

    /// <summary>Refreshes derived copies (transposed kernels) after the values were replaced.</summary>
    public void RefreshDerived()
    {
        foreach (Layer layer in Layers)
        {
            layer.AfterUpdate(Store);
        }
    }

    /// <summary>Adds the forward stages to <paramref name="plan"/>, with a sync between a layer's stages.</summary>
    public void AddForward(PhasePlan plan, bool training)
    {
        foreach (Layer layer in Layers)
        {
            int stages = layer.ForwardStages(training);
            for (int s = 0; s < stages; s++)
            {
                int stage = s;
                plan.Add(part => layer.Forward(stage, part, Batch, Store));
                if (s < stages - 1)
                {
                    plan.Sync();
                }
            }
        }
    }

    /// <summary>Adds the backward stages, last layer first.</summary>
    public void AddBackward(PhasePlan plan)
    {
        for (int l = Layers.Count - 1; l >= 0; l--)
        {
            Layer layer = Layers[l];
            for (int s = 0; s < layer.BackwardStages; s++)
            {
                int stage = s;
                plan.Add(part => layer.Backward(stage, part, Batch, Store));
                if (s < layer.BackwardStages - 1)
                {
                    plan.Sync();
                }
            }
        }
    }

    private void BindBuffers(int capacity)
    {
        // One gradient buffer per layer boundary: buffers shared between boundaries of different widths
        // would let one part's rows overlap the other part's rows.
        float[] input = new float[capacity * Features];
        MaskBatch = new float[capacity * Features];
        for (int l = 0; l < Layers.Count; l++)
        {
            Layer layer = Layers[l];
            layer.Input = l == 0 ? input : Layers[l - 1].Output;
            layer.Output = new float[capacity * layer.Outputs];
            layer.InputGradient = l == 0 ? [] : Layers[l - 1].OutputGradient;
            layer.OutputGradient = new float[capacity * layer.Outputs];
            layer.NeedsInputGradient = l > 0;
            if (layer is BatchNormLayer norm)
            {
                norm.Reserve(capacity);
            }
            else if (layer is DropoutLayer dropout)
            {
                dropout.Reserve(capacity);
            }
            else if (layer is SamplingLayer sampling)
            {
                sampling.Reserve(capacity);
            }
        }
    }
}
