using Hltad.Engine.Kernels;

namespace Hltad.Engine.Layers;

/// <summary>
/// Batch normalisation over the batch dimension, Keras semantics (SEMANTICS.md section 7). Training:
/// <c>y = γ · (x − μ_B) · (σ²_B + ε)^(−½) + β</c> with the batch mean μ_B and the biased batch variance
/// σ²_B (computed in double from Σx and Σx² over the whole batch), and the running statistics move as
/// <c>r ← r − (r − batch) · (1 − momentum)</c>. Inference: the running mean and variance replace the batch
/// ones, i.e. <c>y = x · s + (β − mean · s)</c> with <c>s = γ / √(var + ε)</c>. Defaults: momentum 0.99,
/// ε = 0.001, γ = 1, β = 0, running mean 0, running variance 1.
/// </summary>
internal sealed class BatchNormLayer : Layer
{
    private readonly double[][] _sum;
    private readonly double[][] _sumSquares;
    private readonly float[][] _mean;
    private readonly float[][] _inverseStd;
    private readonly double[][] _gradientSum;
    private readonly double[][] _gradientDotNormalised;
    private float[] _normalised = [];

    public BatchNormLayer(string name, int features, float momentum = 0.99f, float epsilon = 1e-3f)
        : base(features, features)
    {
        Name = name;
        Momentum = momentum;
        Epsilon = epsilon;
        _sum = [new double[features], new double[features]];
        _sumSquares = [new double[features], new double[features]];
        _mean = [new float[features], new float[features]];
        _inverseStd = [new float[features], new float[features]];
        _gradientSum = [new double[features], new double[features]];
        _gradientDotNormalised = [new double[features], new double[features]];
    }

    public string Name { get; }

    public float Momentum { get; }

    public float Epsilon { get; }

    public ParameterSlot Gamma { get; private set; } = null!;

    public ParameterSlot Beta { get; private set; } = null!;

    public ParameterSlot RunningMean { get; private set; } = null!;

    public ParameterSlot RunningVariance { get; private set; } = null!;

    public override void Register(ParameterStore store)
    {
        Gamma = store.AddTrainable(Name + ".gamma", 1, Inputs, isKernel: false);
        Beta = store.AddTrainable(Name + ".beta", 1, Inputs, isKernel: false);
        RunningMean = store.AddStatistic(Name + ".moving_mean", Inputs);
        RunningVariance = store.AddStatistic(Name + ".moving_variance", Inputs);
    }

    /// <summary>Sizes the buffer of normalised values for batches up to <paramref name="capacity"/> rows.</summary>
    public void Reserve(int capacity) => _normalised = new float[capacity * Inputs];

    public override void Initialise(ParameterStore store, Xoshiro256StarStar random)
    {
        store.ValuesOf(Gamma).Fill(1f);
        store.ValuesOf(Beta).Clear();
        store.StatisticsOf(RunningMean).Clear();
        store.StatisticsOf(RunningVariance).Fill(1f);
    }

    public override int ForwardStages(bool training) => training ? 2 : 1;

    public override int BackwardStages => 2;

    public override void Forward(int stage, int part, BatchState batch, ParameterStore store)
    {
        if (!batch.Training)
        {
            ForwardInference(part, batch, store);
        }
        else if (stage == 0)
        {
            AccumulateMoments(part, batch);
        }
        else
        {
            Normalise(part, batch, store);
        }
    }

    public override void Backward(int stage, int part, BatchState batch, ParameterStore store)
    {
        if (stage == 0)
        {
            AccumulateGradientSums(part, batch, store);
        }
        else
        {
            PropagateGradient(part, batch, store);
        }
    }

    /// <summary>Per-feature scale and shift of the inference form: s = γ / √(var + ε), t = β − mean ·
    /// s.</summary>
    public void InferenceAffine(ParameterStore store, Span<float> scale, Span<float> shift)
    {
        ReadOnlySpan<float> gamma = store.ValuesOf(Gamma);
        ReadOnlySpan<float> beta = store.ValuesOf(Beta);
        ReadOnlySpan<float> mean = store.StatisticsOf(RunningMean);
        ReadOnlySpan<float> variance = store.StatisticsOf(RunningVariance);
        for (int j = 0; j < Inputs; j++)
        {
            scale[j] = gamma[j] / MathF.Sqrt(variance[j] + Epsilon);
            shift[j] = beta[j] - mean[j] * scale[j];
        }
    }

    private void ForwardInference(int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        Span<float> scale = stackalloc float[Inputs];
        Span<float> shift = stackalloc float[Inputs];
        InferenceAffine(store, scale, shift);
        for (int r = start; r < end; r++)
        {
            BatchNormKernels.Affine(Input.AsSpan(r * Inputs, Inputs), scale, shift,
                Output.AsSpan(r * Inputs, Inputs));
        }
    }

    private void AccumulateMoments(int part, BatchState batch)
    {
        (int start, int end) = batch.RowsOf(part);
        double[] sum = _sum[part];
        double[] squares = _sumSquares[part];
        Array.Clear(sum);
        Array.Clear(squares);
        for (int r = start; r < end; r++)
        {
            BatchNormKernels.AccumulateMoments(Input.AsSpan(r * Inputs, Inputs), sum, squares);
        }
    }

    private void Normalise(int part, BatchState batch, ParameterStore store)
    {
        // Batch moments from both parts' sums, in part order; every part computes the same numbers.
        int n = batch.Rows;
        float[] mean = _mean[part];
        float[] inverseStd = _inverseStd[part];
        for (int j = 0; j < Inputs; j++)
        {
            double m = (_sum[0][j] + _sum[1][j]) / n;
            double variance = Math.Max((_sumSquares[0][j] + _sumSquares[1][j]) / n - m * m, 0.0);
            mean[j] = (float)m;
            inverseStd[j] = 1f / MathF.Sqrt((float)variance + Epsilon);
            if (part == 0)
            {
                UpdateRunning(store, j, (float)m, (float)variance);
            }
        }

        // Normalise this part's rows and keep x̂ for the backward pass.
        (int start, int end) = batch.RowsOf(part);
        ReadOnlySpan<float> gamma = store.ValuesOf(Gamma);
        ReadOnlySpan<float> beta = store.ValuesOf(Beta);
        for (int r = start; r < end; r++)
        {
            BatchNormKernels.Normalise(Input.AsSpan(r * Inputs, Inputs), mean, inverseStd, gamma, beta,
                _normalised.AsSpan(r * Inputs, Inputs), Output.AsSpan(r * Inputs, Inputs));
        }
    }

    private void UpdateRunning(ParameterStore store, int j, float batchMean, float batchVariance)
    {
        Span<float> runningMean = store.StatisticsOf(RunningMean);
        Span<float> runningVariance = store.StatisticsOf(RunningVariance);
        float decay = 1f - Momentum;
        runningMean[j] -= (runningMean[j] - batchMean) * decay;
        runningVariance[j] -= (runningVariance[j] - batchVariance) * decay;
    }

    private void AccumulateGradientSums(int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        double[] sum = _gradientSum[part];
        double[] dot = _gradientDotNormalised[part];
        Array.Clear(sum);
        Array.Clear(dot);
        for (int r = start; r < end; r++)
        {
            BatchNormKernels.AccumulateGradient(OutputGradient.AsSpan(r * Inputs, Inputs),
                _normalised.AsSpan(r * Inputs, Inputs), sum, dot);
        }

        // This part's share of ∂L/∂β = Σ dy and ∂L/∂γ = Σ dy · x̂.
        Span<float> gBeta = store.GradientOf(Beta, part);
        Span<float> gGamma = store.GradientOf(Gamma, part);
        for (int j = 0; j < Inputs; j++)
        {
            gBeta[j] = (float)sum[j];
            gGamma[j] = (float)dot[j];
        }
    }

    private void PropagateGradient(int part, BatchState batch, ParameterStore store)
    {
        // dx = γ · σ⁻¹ / n · (n · dy − Σ dy − x̂ · Σ dy x̂), sums over the whole batch in part order.
        int n = batch.Rows;
        ReadOnlySpan<float> gamma = store.ValuesOf(Gamma);
        Span<float> factor = stackalloc float[Inputs];
        Span<float> sumDy = stackalloc float[Inputs];
        Span<float> sumDyXHat = stackalloc float[Inputs];
        float[] inverseStd = _inverseStd[part];
        for (int j = 0; j < Inputs; j++)
        {
            factor[j] = gamma[j] * inverseStd[j] / n;
            sumDy[j] = (float)(_gradientSum[0][j] + _gradientSum[1][j]);
            sumDyXHat[j] = (float)(_gradientDotNormalised[0][j] + _gradientDotNormalised[1][j]);
        }

        (int start, int end) = batch.RowsOf(part);
        for (int r = start; r < end; r++)
        {
            BatchNormKernels.InputGradient(OutputGradient.AsSpan(r * Inputs, Inputs),
                _normalised.AsSpan(r * Inputs, Inputs), factor, sumDy, sumDyXHat, n,
                InputGradient.AsSpan(r * Inputs, Inputs));
        }
    }
}
