using Hltad.Engine.Kernels;

namespace Hltad.Tests.Engine;

public sealed class PairExecutorTests
{
    [Fact]
    public void Run_PhaseThrowsOnOnePart_RethrowsAfterAllBarriers()
    {
        int[] counts = new int[2];
        Action<int>[] phases =
        [
            part => counts[part]++,
            part => throw new InvalidOperationException($"part {part}"),
            part => counts[part]++,
        ];
        var e = Assert.Throws<InvalidOperationException>(() => PairExecutor.Shared.Run(phases));
        Assert.StartsWith("part", e.Message);

        // The executor is usable afterwards.
        PairExecutor.Shared.Run([part => counts[part] += 10]);
        Assert.Equal(11, counts[0]);
        Assert.Equal(11, counts[1]);
    }

    [Fact]
    public void Run_NestedFromInsidePhase_RunsSeriallyWithoutDeadlock()
    {
        int inner = 0;
        PairExecutor.Shared.Run([part => PairExecutor.Shared.Run([_ => Interlocked.Increment(ref inner)])]);
        Assert.Equal(4, inner);
    }

    [Fact]
    public void Run_PhasesInOrder_SecondPhaseSeesBothPartsOfFirst()
    {
        int[] written = new int[2];
        int[] seen = new int[2];
        PairExecutor.Shared.Run([part => written[part] = part + 1, part => seen[part] = written[0] + written[1]]);
        Assert.Equal([3, 3], seen);
    }

    [Fact]
    public void Run_PartnerSlowerThanSpin_EveryPhaseSeesBothPartsOfThePrevious()
    {
        // One part sleeps past the spin time in alternate phases, so the other goes through the blocking
        // path of the barrier; a wake-up taken by the wrong thread would let a phase start early.
        const int phases = 120;
        int[,] done = new int[phases, 2];
        int errors = 0;
        var list = new List<Action<int>>();
        for (int p = 0; p < phases; p++)
        {
            int phase = p;
            list.Add(part =>
            {
                if (phase > 0 && (done[phase - 1, 0] == 0 || done[phase - 1, 1] == 0))
                {
                    Interlocked.Increment(ref errors);
                }

                if ((phase + part) % 3 == 0)
                {
                    Thread.Sleep(1);
                }

                done[phase, part] = 1;
            });
        }

        PairExecutor.Shared.Run(list);
        Assert.Equal(0, errors);
        Assert.Equal(2 * phases, done.Cast<int>().Sum());
    }
}
