namespace Hltad.Engine.Kernels;

/// <summary>Which instruction set the hand kernels use; tests force each path to compare them.</summary>
internal enum KernelPath
{
    /// <summary>The fastest the machine supports.</summary>
    Auto,

    /// <summary>AVX-512 (512-bit vectors) with FMA.</summary>
    Vector512,

    /// <summary>AVX2 (256-bit vectors) with FMA.</summary>
    Vector256,

    /// <summary>Plain scalar loops, no FMA: runs everywhere.</summary>
    Scalar,
}
