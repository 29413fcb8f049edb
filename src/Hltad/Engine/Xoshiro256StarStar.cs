namespace Hltad.Engine;

/// <summary>
/// The xoshiro256** pseudo-random generator (Blackman and Vigna), seeded through SplitMix64. It is the
/// single source of every random choice of the engine (weight initialisation, shuffles; dropout and VAE
/// noise come from keys drawn from it), and its whole state is four 64-bit words that can be saved and
/// restored, so a training can be checkpointed and resumed bit-identically.
/// </summary>
/// <remarks>
/// The draws are defined exactly so that an independent implementation (tools/reference/rng.py) gives the
/// same numbers: <see cref="NextDouble"/> is <c>(x &gt;&gt; 11) · 2⁻⁵³</c>, <see cref="NextBelow"/> is
/// <c>(x · n) &gt;&gt; 64</c> (Lemire's multiply-shift without rejection; bias below n / 2⁶⁴), and
/// <see cref="Shuffle{T}"/> is Fisher–Yates from the last element down.
/// </remarks>
public sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state with four consecutive SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64.Next(ref x);
        _s1 = SplitMix64.Next(ref x);
        _s2 = SplitMix64.Next(ref x);
        _s3 = SplitMix64.Next(ref x);
    }

    private Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The four state words, for saving; <see cref="FromState"/> restores them.</summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    /// <summary>A generator continuing exactly from a state returned by <see cref="GetState"/>.</summary>
    /// <exception cref="ArgumentException">Not four words, or all four zero (not a valid state).</exception>
    public static Xoshiro256StarStar FromState(IReadOnlyList<ulong> state)
    {
        if (state.Count != 4 || (state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("a xoshiro256** state is four words, not all zero", nameof(state));
        }

        return new Xoshiro256StarStar(state[0], state[1], state[2], state[3]);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits times 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>A uniform integer in [0, <paramref name="n"/>): <c>(x · n) &gt;&gt; 64</c>.</summary>
    public ulong NextBelow(ulong n) => (ulong)(((UInt128)NextUInt64() * n) >> 64);

    /// <summary>Fisher–Yates shuffle: for i from the last index down to 1, swap i with NextBelow(i + 1).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)NextBelow((ulong)i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
