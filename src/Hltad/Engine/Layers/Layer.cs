namespace Hltad.Engine.Layers;

/// <summary>
/// One layer of a <see cref="SequentialNetwork"/>, working on batch-major buffers (row = event). A step of
/// the network runs as two parts, each on its own rows (<see cref="BatchState.RowsOf"/>); a layer that needs
/// numbers over the whole batch (batch norm in training) splits its work into stages, and the network puts
/// a synchronisation point between consecutive stages. Everything a stage computes for a row depends only
/// on that row and on such whole-batch sums combined in a fixed order, so results never depend on threads.
/// </summary>
internal abstract class Layer(int inputs, int outputs)
{
    /// <summary>Features in.</summary>
    public int Inputs { get; } = inputs;

    /// <summary>Features out.</summary>
    public int Outputs { get; } = outputs;

    /// <summary>Input activations, Capacity × Inputs (the previous layer's output).</summary>
    public float[] Input { get; set; } = [];

    /// <summary>Output activations, Capacity × Outputs.</summary>
    public float[] Output { get; set; } = [];

    /// <summary>∂loss/∂input, written by <see cref="Backward"/> when <see cref="NeedsInputGradient"/>.</summary>
    public float[] InputGradient { get; set; } = [];

    /// <summary>∂loss/∂output, given to <see cref="Backward"/>.</summary>
    public float[] OutputGradient { get; set; } = [];

    /// <summary>False for the first layer, whose input gradient nobody reads.</summary>
    public bool NeedsInputGradient { get; set; } = true;

    /// <summary>Registers the layer's tensors.</summary>
    public virtual void Register(ParameterStore store) { }

    /// <summary>Sets the initial values (Keras defaults) of the layer's tensors.</summary>
    public virtual void Initialise(ParameterStore store, Xoshiro256StarStar random) { }

    /// <summary>Number of forward stages in the given mode.</summary>
    public virtual int ForwardStages(bool training) => 1;

    /// <summary>Number of backward stages (training mode only).</summary>
    public virtual int BackwardStages => 1;

    /// <summary>Forward stage <paramref name="stage"/> on the rows of <paramref name="part"/>.</summary>
    public abstract void Forward(int stage, int part, BatchState batch, ParameterStore store);

    /// <summary>Backward stage: input gradient and this part's share of the parameter gradients.</summary>
    public abstract void Backward(int stage, int part, BatchState batch, ParameterStore store);

    /// <summary>Called once after each optimiser step (e.g. to refresh a transposed copy of a kernel).</summary>
    public virtual void AfterUpdate(ParameterStore store) { }
}
