using Hltad.Engine;

namespace Hltad.Tests.Engine;

/// <summary>
/// Deterministic toy events for engine tests, defined with + − × and comparisons only so that
/// tools/reference/engine_torch_parity.py reproduces them bit for bit: per event four latent values
/// zₖ = u₁+u₂+u₃+u₄−2, value j = z[j%4]·aⱼ + z[(j+1)%4]·z[(j+2)%4]·bⱼ + cⱼ, then each 3-value row
/// zeroed
/// when a draw is below 0.3; weights 0.5 + u, drawn after all events.
/// </summary>
internal static class SyntheticEvents
{
    public static TrainingSet Make(ulong seed, int count, int features = 48)
    {
        var random = new Xoshiro256StarStar(seed);
        float[] inputs = new float[count * features];
        double[] z = new double[4];
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < 4; k++)
            {
                z[k] = random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2.0;
            }

            for (int j = 0; j < features; j++)
            {
                double a = 1.0 + (j % 5) * 0.25;
                double b = 0.5 - (j % 3) * 0.25;
                double c = (j % 7 - 3) * 0.1;
                inputs[i * features + j] = (float)(z[j % 4] * a + z[(j + 1) % 4] * z[(j + 2) % 4] * b + c);
            }

            for (int row = 0; row < features / 3; row++)
            {
                if (random.NextDouble() < 0.3)
                {
                    Array.Clear(inputs, i * features + row * 3, 3);
                }
            }
        }

        float[] weights = new float[count];
        for (int i = 0; i < count; i++)
        {
            weights[i] = (float)(0.5 + random.NextDouble());
        }

        return new TrainingSet(inputs, null, weights, count);
    }
}
