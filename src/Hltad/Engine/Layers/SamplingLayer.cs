namespace Hltad.Engine.Layers;

/// <summary>
/// The VAE's reparameterised sample and KL term. Input per event: latent means μ (first half) and log
/// variances s (second half); output <c>z = μ + exp(s / 2) · ε</c> in training, <c>z = μ</c> in inference.
/// ε is standard normal by Box–Muller from two counter hashes per element (key of this layer and step, as
/// for dropout). Adds <c>β · wᵢ · KLᵢ</c> with <c>KLᵢ = −½ Σⱼ (1 + sⱼ − μⱼ² − exp sⱼ)</c> to
/// the batch loss,
/// in both modes, and its gradient <c>β wᵢ / n · (μ, ½(exp s − 1))</c> in the backward pass.
/// </summary>
internal sealed class SamplingLayer : Layer, IAuxiliaryLoss
{
    private readonly double[] _partialSums = new double[2];
    private float[] _noise = [];

    public SamplingLayer(int latent, float beta, int layerIndex, ulong key) : base(2 * latent, latent)
    {
        Latent = latent;
        Beta = beta;
        LayerIndex = layerIndex;
        Key = key;
    }

    public int Latent { get; }

    public float Beta { get; }

    public int LayerIndex { get; }

    public ulong Key { get; set; }

    public void Reserve(int capacity) => _noise = new float[capacity * Latent];

    public double PartialSum(int part) => _partialSums[part];

    /// <summary>Standard normal noise of element e: Box–Muller on hashes 2e and 2e + 1 of the step key.</summary>
    public static float Noise(ulong stepKey, long element)
    {
        double u1 = ((SplitMix64.Hash(stepKey, (ulong)(2 * element)) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
        double u2 = (SplitMix64.Hash(stepKey, (ulong)(2 * element + 1)) >> 11) * (1.0 / 9007199254740992.0);
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    public override void Forward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        ulong stepKey = DropoutLayer.StepKey(Key, batch.Step, LayerIndex);
        double kl = 0.0;
        for (int r = start; r < end; r++)
        {
            ReadOnlySpan<float> x = Input.AsSpan(r * Inputs, Inputs);
            Span<float> z = Output.AsSpan(r * Latent, Latent);
            double sum = 0.0;
            for (int j = 0; j < Latent; j++)
            {
                float mean = x[j];
                float logVariance = x[Latent + j];
                float noise = batch.Training ? Noise(stepKey, (long)r * Latent + j) : 0f;
                _noise[r * Latent + j] = noise;
                z[j] = mean + MathF.Exp(0.5f * logVariance) * noise;
                sum += 1.0 + logVariance - (double)mean * mean - Math.Exp(logVariance);
            }

            kl += batch.Weights[r] * Beta * (-0.5 * sum);
        }

        _partialSums[part] = kl;
    }

    public override void Backward(int stage, int part, BatchState batch, ParameterStore store)
    {
        (int start, int end) = batch.RowsOf(part);
        for (int r = start; r < end; r++)
        {
            ReadOnlySpan<float> x = Input.AsSpan(r * Inputs, Inputs);
            ReadOnlySpan<float> dz = OutputGradient.AsSpan(r * Latent, Latent);
            Span<float> dx = InputGradient.AsSpan(r * Inputs, Inputs);
            float klWeight = Beta * batch.Weights[r] / batch.Rows;
            for (int j = 0; j < Latent; j++)
            {
                float logVariance = x[Latent + j];
                float noise = _noise[r * Latent + j];
                dx[j] = dz[j] + klWeight * x[j];
                dx[Latent + j] = dz[j] * 0.5f * MathF.Exp(0.5f * logVariance) * noise
                    + klWeight * 0.5f * (MathF.Exp(logVariance) - 1f);
            }
        }
    }
}
