using System.Runtime.CompilerServices;

namespace Hltad.World;

/// <summary>
/// The synthetic world's random number generator: xoshiro256** (Blackman and Vigna), seeded through
/// SplitMix64 from a seed and a stream number, so every file and block of the world has its own
/// independent, reproducible stream whatever the thread that generates it.
/// </summary>
internal sealed class WorldRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>The stream <paramref name="stream"/> of seed <paramref name="seed"/>.</summary>
    public WorldRandom(ulong seed, ulong stream)
    {
        ulong state = seed ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>A stream number made of up to three small parts (file, kind, block).</summary>
    public static ulong Stream(ulong a, ulong b = 0, ulong c = 0) => (a * 1_000_003UL + b) * 1_000_033UL + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1]: safe for logarithms and negative powers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double UniformPositive() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(double low, double high) => low + (high - low) * Uniform();

    /// <summary>Azimuth uniform in [−π, π).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Phi() => Math.PI * (2 * Uniform() - 1);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Bernoulli(double probability) => Uniform() < probability;

    /// <summary>An integer in [0, <paramref name="count"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Index(int count) => (int)((NextUInt64() >> 33) * (ulong)count >> 31);

    /// <summary>
    /// Standard normal by the ziggurat method of Marsaglia and Tsang (2000), 128 layers: one 64-bit draw and
    /// one comparison in about 99 % of calls; the wedges and the tail beyond 3.44 are sampled exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Gaussian()
    {
        int hz = (int)(NextUInt64() >> 32);
        int layer = hz & (ZigguratLayers - 1);
        return Math.Abs((long)hz) < Ziggurat.Limit[layer] ? hz * Ziggurat.Width[layer] : GaussianOutside(hz, layer);
    }

    /// <summary>The rare draws outside a layer's rectangle: the wedge test, the tail, or a fresh draw.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double GaussianOutside(int hz, int layer)
    {
        while (true)
        {
            double x = hz * Ziggurat.Width[layer];
            if (layer == 0)
            {
                return Tail(hz > 0);
            }

            double f0 = Ziggurat.Density[layer], f1 = Ziggurat.Density[layer - 1];
            if (f0 + Uniform() * (f1 - f0) < Math.Exp(-0.5 * x * x))
            {
                return x;
            }

            hz = (int)(NextUInt64() >> 32);
            layer = hz & (ZigguratLayers - 1);
            if (Math.Abs((long)hz) < Ziggurat.Limit[layer])
            {
                return hz * Ziggurat.Width[layer];
            }
        }
    }

    /// <summary>Normal with the given mean and standard deviation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Gaussian(double mean, double sigma) => mean + sigma * Gaussian();

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(UniformPositive());

    /// <summary>
    /// A falling power-law spectrum dN/dpt ∝ pt^−n above <paramref name="minimum"/> (n &gt; 1):
    /// pt = min · u^(−1/(n−1)).
    /// </summary>
    public double PowerLaw(double minimum, double index) => minimum * Math.Pow(UniformPositive(), -1 / (index - 1));

    /// <summary>The same power law restricted to [<paramref name="minimum"/>, <paramref name="maximum"/>).</summary>
    public double PowerLaw(double minimum, double maximum, double index)
    {
        double a = Math.Pow(minimum, 1 - index);
        double b = Math.Pow(maximum, 1 - index);
        return Math.Pow(a + (b - a) * Uniform(), 1 / (1 - index));
    }

    /// <summary>Poisson-distributed count (Knuth's product method; meant for means below ~30).</summary>
    public int Poisson(double mean)
    {
        double limit = Math.Exp(-mean);
        double product = UniformPositive();
        int count = 0;
        while (product > limit)
        {
            product *= UniformPositive();
            count++;
        }

        return count;
    }

    private double Tail(bool positive)
    {
        double x, y;
        do
        {
            x = -Math.Log(UniformPositive()) / Ziggurat.TailStart;
            y = -Math.Log(UniformPositive());
        }
        while (y + y < x * x);

        return positive ? Ziggurat.TailStart + x : -Ziggurat.TailStart - x;
    }

    private const int ZigguratLayers = 128;

    /// <summary>The tables of the 128-layer normal ziggurat (Marsaglia and Tsang 2000).</summary>
    private static class Ziggurat
    {
        public const double TailStart = 3.442619855899;
        private const double LayerArea = 9.91256303526217e-3;
        private const double Scale = 2147483648.0;

        public static readonly double[] Width = new double[ZigguratLayers];
        public static readonly double[] Density = new double[ZigguratLayers];
        public static readonly long[] Limit = new long[ZigguratLayers];

        static Ziggurat()
        {
            double d = TailStart, t = TailStart;
            double q = LayerArea / Math.Exp(-0.5 * d * d);
            Limit[0] = (long)(d / q * Scale);
            Limit[1] = 0;
            Width[0] = q / Scale;
            Width[ZigguratLayers - 1] = d / Scale;
            Density[0] = 1;
            Density[ZigguratLayers - 1] = Math.Exp(-0.5 * d * d);
            for (int i = ZigguratLayers - 2; i >= 1; i--)
            {
                d = Math.Sqrt(-2 * Math.Log(LayerArea / d + Math.Exp(-0.5 * d * d)));
                Limit[i + 1] = (long)(d / t * Scale);
                t = d;
                Density[i] = Math.Exp(-0.5 * d * d);
                Width[i] = d / Scale;
            }
        }
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
