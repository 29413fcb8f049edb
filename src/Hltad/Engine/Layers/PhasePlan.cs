namespace Hltad.Engine.Layers;

/// <summary>
/// Collects row-local work into phases separated by synchronisation points, for
/// <see cref="Kernels.PairExecutor"/>: each phase becomes one delegate of the part index.
/// </summary>
internal sealed class PhasePlan
{
    private readonly List<Action<int>> _phases = [];
    private List<Action<int>> _current = [];

    /// <summary>Adds work to the current phase.</summary>
    public PhasePlan Add(Action<int> work)
    {
        _current.Add(work);
        return this;
    }

    /// <summary>Ends the current phase: everything after runs once both parts finished it.</summary>
    public PhasePlan Sync()
    {
        if (_current.Count > 0)
        {
            Action<int>[] steps = [.. _current];
            _phases.Add(part =>
            {
                foreach (Action<int> step in steps)
                {
                    step(part);
                }
            });
            _current = [];
        }

        return this;
    }

    /// <summary>The phases (closing the current one).</summary>
    public IReadOnlyList<Action<int>> Build()
    {
        Sync();
        return [.. _phases];
    }
}
