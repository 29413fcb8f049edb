using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hltad.Engine.Kernels;

/// <summary>
/// Picks the kernel path once; tests override it through <see cref="Force"/>. The override holds for the
/// calling thread only, so that it never changes the arithmetic of a training running on other threads
/// (which would break same-seed bit-identity).
/// </summary>
internal static class KernelDispatch
{
    [ThreadStatic]
    private static KernelPath _forced;

    /// <summary>The best path this processor supports.</summary>
    public static KernelPath Best { get; } =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? KernelPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported && Avx2.IsSupported ? KernelPath.Vector256
        : KernelPath.Scalar;

    /// <summary>The path the kernels take now.</summary>
    public static KernelPath Current => _forced == KernelPath.Auto ? Best : _forced;

    /// <summary>Forces a path on the calling thread until the returned scope is disposed (tests only).</summary>
    public static IDisposable Force(KernelPath path)
    {
        if (!IsSupported(path))
        {
            throw new PlatformNotSupportedException($"kernel path {path} is not supported here");
        }

        KernelPath previous = _forced;
        _forced = path;
        return new Scope(previous);
    }

    /// <summary>True when <paramref name="path"/> can run on this processor.</summary>
    public static bool IsSupported(KernelPath path) => path switch
    {
        KernelPath.Vector512 => Best == KernelPath.Vector512,
        KernelPath.Vector256 => Best != KernelPath.Scalar,
        _ => true,
    };

    private sealed class Scope(KernelPath previous) : IDisposable
    {
        public void Dispose() => _forced = previous;
    }
}
