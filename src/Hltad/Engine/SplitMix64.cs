using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hltad.Engine;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood): the seeding sequence of <see cref="Xoshiro256StarStar"/> and a
/// counter-based hash. The hash form, <c>Hash(key, i) = Mix(key + (i + 1) · γ)</c> with the golden gamma
/// γ = 0x9E3779B97F4A7C15, gives every dropout decision its own random word from (key, element index), so
/// the decisions do not depend on which thread computes them or in which order.
/// </summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment γ.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>Advances <paramref name="state"/> by γ and returns the mixed value (the seeding sequence).</summary>
    public static ulong Next(ref ulong state)
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>The SplitMix64 output function (variant 13 of Stafford's mixers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Counter-based hash <c>Mix(key + (index + 1) · γ)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong key, ulong index) => Mix(key + (index + 1) * Gamma);

    /// <summary>Eight hashes at once: lane l is <c>Hash(key, firstIndex + l)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> Hash8(ulong key, ulong firstIndex)
    {
        Vector512<ulong> lanes = Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
        Vector512<ulong> z = Vector512.Create(key + (firstIndex + 1) * Gamma)
            + lanes * Vector512.Create(Gamma);
        z = (z ^ (z >>> 30)) * Vector512.Create(0xBF58476D1CE4E5B9);
        z = (z ^ (z >>> 27)) * Vector512.Create(0x94D049BB133111EB);
        return z ^ (z >>> 31);
    }
}
