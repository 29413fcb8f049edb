using Hltad.Engine;

namespace Hltad.Tests.Onnx;

/// <summary>Inference networks with random weights from a fixed seed, and inputs with zeros and −999.</summary>
internal static class TestNetworks
{
    /// <summary>The large autoencoder of SEMANTICS.md section 7:
    /// 48→100→100→64→32→4→32→64→100→100→48, ReLU.</summary>
    public static InferenceNetwork Large(int seed)
    {
        var random = new Random(seed);
        int[] widths = [48, 100, 100, 64, 32, 4, 32, 64, 100, 100, 48];
        var steps = new List<InferenceStep>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            bool last = i + 2 == widths.Length;
            steps.Add(Dense(random, widths[i], widths[i + 1], last ? Activation.Linear : Activation.Relu));
        }

        return new InferenceNetwork(steps);
    }

    /// <summary>
    /// The small autoencoder of section 7, 48→32→8→latent→8→32→48, with the batch norms that follow a ReLU
    /// as
    /// affine steps; one hidden step uses LeakyReLU so that activation is exercised too.
    /// </summary>
    public static InferenceNetwork Small(int seed, int latent = 3)
    {
        var random = new Random(seed);
        return new InferenceNetwork(
        [
            Dense(random, 48, 32, Activation.Relu), Affine(random, 32),
            Dense(random, 32, 8, Activation.Relu), Affine(random, 8),
            Dense(random, 8, latent, Activation.Relu),
            Dense(random, latent, 8, Activation.LeakyRelu, slope: 0.3f), Affine(random, 8),
            Dense(random, 8, 32, Activation.Relu), Affine(random, 32),
            Dense(random, 32, 48, Activation.Linear),
        ]);
    }

    /// <summary>One dense step, Glorot-uniform kernel and small random bias.</summary>
    public static DenseInference Dense(Random random, int inputs, int outputs, Activation activation,
        float slope = 0.3f)
    {
        float limit = MathF.Sqrt(6f / (inputs + outputs));
        float[] kernel = Uniform(random, inputs * outputs, -limit, limit);
        float[] bias = Uniform(random, outputs, -0.1f, 0.1f);
        return new DenseInference(new DenseStep(inputs, outputs, kernel, bias, activation, slope));
    }

    /// <summary>An affine step like a batch norm in inference form: scale in [0.5, 2], shift in [−0.5,
    /// 0.5].</summary>
    public static AffineInference Affine(Random random, int width) =>
        new(Uniform(random, width, 0.5f, 2f), Uniform(random, width, -0.5f, 0.5f));

    /// <summary>
    /// <paramref name="count"/> events shaped like flattened (16, 3) object arrays: each row present with
    /// probability 0.6 (values uniform in [−2, 2]) or zero padding; in 10 % of events the MET row (15) is
    /// (−999, 0, 0), "not computed". Event 0 is all zeros (no counted entry, score 0); event 1 has only a
    /// −999 MET (no counted entry either).
    /// </summary>
    public static float[] Inputs(int seed, int count)
    {
        const int features = 48, rows = 16, columns = 3;
        var random = new Random(seed);
        var values = new float[count * features];
        for (int i = 0; i < count; i++)
        {
            for (int row = 0; row < rows; row++)
            {
                bool present = random.NextDouble() < 0.6;
                for (int c = 0; c < columns; c++)
                {
                    values[i * features + row * columns + c] = present ? (float)(random.NextDouble() * 4 - 2) : 0f;
                }
            }

            if (random.NextDouble() < 0.1 || i == 1)
            {
                values.AsSpan(i * features + 45, 3).Clear();
                values[i * features + 45] = -999f;
            }

            if (i == 1)
            {
                values.AsSpan(i * features, 45).Clear();
            }
        }

        if (count > 0)
        {
            values.AsSpan(0, features).Clear();
        }

        return values;
    }

    /// <summary>
    /// A stress case: every value independently 0 (25 %), −999 (5 %) or uniform in [−2, 2], so −999 also
    /// reaches the network in every column.
    /// </summary>
    public static float[] ScatteredInputs(int seed, int count, int features = 48)
    {
        var random = new Random(seed);
        var values = new float[count * features];
        for (int i = 0; i < values.Length; i++)
        {
            double u = random.NextDouble();
            values[i] = u < 0.25 ? 0f
                : u < 0.30 ? -999f
                : (float)(random.NextDouble() * 4 - 2);
        }

        return values;
    }

    private static float[] Uniform(Random random, int count, float low, float high)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = low + (float)random.NextDouble() * (high - low);
        }

        return values;
    }
}
