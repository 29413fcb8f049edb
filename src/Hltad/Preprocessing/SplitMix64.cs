namespace Hltad.Preprocessing;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood 2014; the seeding generator of the xoshiro family):
/// <c>state += 0x9E3779B97F4A7C15; z = state; z = (z ^ z &gt;&gt; 30) · 0xBF58476D1CE4E5B9;
/// z = (z ^ z &gt;&gt; 27) · 0x94D049BB133111EB; return z ^ z &gt;&gt; 31</c>, all modulo 2⁶⁴.
/// Small enough to port exactly (tools/reference/preprocess_reference.py does), which is why the split uses it.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <param name="seed">The initial state; every seed, 0 included, gives a full-period sequence.</param>
    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next() => Engine.SplitMix64.Next(ref _state);

    /// <summary>
    /// An integer in [0, <paramref name="bound"/>): the high 64 bits of <c>Next() · bound</c> (Lemire's
    /// multiply-shift without rejection; its bias is below bound / 2⁶⁴, under 1e-12 for any event count).
    /// </summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)Math.BigMul(Next(), (ulong)bound, out _);
    }
}
