using BenchmarkDotNet.Attributes;
using Hltad.Engine.Kernels;

namespace Hltad.Benchmarks;

/// <summary>
/// The three products of a dense layer's training step at the large autoencoder's widest layer
/// (256 rows = half a batch, 100 × 100), per kernel path: decides which path and tile the engine uses.
/// Run: dotnet run -c Release --project benchmarks/Hltad.Benchmarks -- --filter '*Gemm*' --job short
/// </summary>
[MemoryDiagnoser]
public unsafe class GemmBenchmarks
{
    private const int Rows = 256;
    private const int Width = 100;
    private readonly float[] _x = Filled(Rows * Width);
    private readonly float[] _w = Filled(Width * Width);
    private readonly float[] _bias = Filled(Width);
    private readonly float[] _y = new float[Rows * Width];
    private readonly float[] _gradient = new float[Width * Width];

    [Params("Vector512", "Vector256", "Scalar")]
    public string Path { get; set; } = "Vector512";

    [Benchmark(Description = "forward X·W + b")]
    public void Forward()
    {
        using IDisposable scope = KernelDispatch.Force(Enum.Parse<KernelPath>(Path));
        fixed (float* x = _x, w = _w, y = _y, b = _bias)
        {
            Gemm.Multiply(Rows, Width, Width, x, Width, 1, w, Width, y, Width, b, accumulate: false);
        }
    }

    [Benchmark(Description = "kernel gradient Xᵀ·dY")]
    public void KernelGradient()
    {
        using IDisposable scope = KernelDispatch.Force(Enum.Parse<KernelPath>(Path));
        fixed (float* x = _x, dy = _y, g = _gradient)
        {
            Gemm.Multiply(Width, Width, Rows, x, 1, Width, dy, Width, g, Width, null, accumulate: false);
        }
    }

    private static float[] Filled(int length)
    {
        var random = new Hltad.Engine.Xoshiro256StarStar(1);
        return Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
    }
}
