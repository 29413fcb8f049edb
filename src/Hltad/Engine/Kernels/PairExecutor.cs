using System.Diagnostics;

namespace Hltad.Engine.Kernels;

/// <summary>
/// Runs a list of phases as two parts, part 0 on the calling thread and part 1 on a persistent worker
/// thread, with a barrier after every phase; or, when the worker is busy with another caller, on one core
/// or when parallelism is off, runs each phase for part 0 then part 1 on the calling thread. Both ways
/// compute the same numbers, because phases only touch their part's rows and whole-batch sums are combined
/// after a barrier in part order.
/// </summary>
internal sealed class PairExecutor
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _start = new(0);
    private readonly bool[] _sense = new bool[2];
    private readonly SemaphoreSlim[] _wake = [new(0), new(0)];
    private readonly int[] _sleeping = new int[2];
    private volatile bool _barrierSense;
    private int _arrived;
    private IReadOnlyList<Action<int>>? _job;
    private readonly Exception?[] _failures = new Exception?[2];
    private Thread? _worker;

    [ThreadStatic]
    private static bool _insidePhase;

    private PairExecutor() { }

    /// <summary>How long a thread waiting at a barrier spins before it sleeps (benchmarks vary it).</summary>
    public static long SpinMicroseconds { get; set; } = 50;

    /// <summary>The process-wide executor.</summary>
    public static PairExecutor Shared { get; } = new();

    /// <summary>False on a single-core machine: everything runs serially.</summary>
    public static bool CanRunParallel { get; } = Environment.ProcessorCount >= 2;

    /// <summary>Runs <paramref name="phases"/>; parallel when <paramref name="parallel"/> and possible.</summary>
    public void Run(IReadOnlyList<Action<int>> phases, bool parallel = true)
    {
        // A run started from inside a phase (the lock is re-entrant) must not reuse the busy worker.
        if (!parallel || !CanRunParallel || _insidePhase || !Monitor.TryEnter(_gate))
        {
            RunSerial(phases);
            return;
        }

        try
        {
            EnsureWorker();
            _failures[0] = _failures[1] = null;
            _job = phases;
            _start.Release();
            RunPart(0, phases);
            _job = null;
            Exception? failure = _failures[0] ?? _failures[1];
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private static void RunSerial(IReadOnlyList<Action<int>> phases)
    {
        foreach (Action<int> phase in phases)
        {
            phase(0);
            phase(1);
        }
    }

    /// <summary>
    /// One part: every phase then the barrier. A failure is recorded before the next barrier, so the caller
    /// sees it after the last one; the failed part keeps meeting the barriers without working.
    /// </summary>
    private void RunPart(int part, IReadOnlyList<Action<int>> phases)
    {
        _insidePhase = true;
        foreach (Action<int> phase in phases)
        {
            if (_failures[part] is null)
            {
                try
                {
                    phase(part);
                }
                catch (Exception e)
                {
                    _failures[part] = e;
                }
            }

            Barrier(part);
        }

        _insidePhase = false;
    }

    /// <summary>
    /// Sense-reversing barrier for two threads. The first to arrive spins for up to
    /// <see cref="SpinMicroseconds"/> (the usual wait inside a step is shorter), then sleeps on a semaphore,
    /// so that on a machine whose other core is taken the waiting thread gives its core to its partner.
    /// </summary>
    private void Barrier(int part)
    {
        bool sense = _sense[part] = !_sense[part];
        if (Interlocked.Increment(ref _arrived) == 2)
        {
            _arrived = 0;
            _barrierSense = sense;
            // Wake the partner if it went to sleep (each part sleeps on its own semaphore, so a release
            // can never be taken by the wrong thread at a later barrier).
            if (Interlocked.Exchange(ref _sleeping[1 - part], 0) == 1)
            {
                _wake[1 - part].Release();
            }

            return;
        }

        // Spin first.
        long deadline = Stopwatch.GetTimestamp() + SpinMicroseconds * Stopwatch.Frequency / 1_000_000;
        for (int i = 0; _barrierSense != sense; i++)
        {
            Thread.SpinWait(8);
            if ((i & 63) == 63 && Stopwatch.GetTimestamp() > deadline)
            {
                Sleep(part, sense);
                return;
            }
        }
    }

    /// <summary>Blocks until the partner arrives; the partner releases only a thread that said it sleeps.</summary>
    private void Sleep(int part, bool sense)
    {
        Interlocked.Exchange(ref _sleeping[part], 1);
        if (_barrierSense == sense && Interlocked.Exchange(ref _sleeping[part], 0) == 1)
        {
            return;
        }

        // Either the partner has not arrived, or it took the flag and releases (or released) the semaphore.
        _wake[part].Wait();
    }

    private void EnsureWorker()
    {
        if (_worker is not null)
        {
            return;
        }

        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = "hltad-engine" };
        _worker.Start();
    }

    private void WorkerLoop()
    {
        while (true)
        {
            _start.Wait();
            RunPart(1, _job!);
        }
    }
}
