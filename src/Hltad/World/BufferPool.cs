using System.Collections.Concurrent;

namespace Hltad.World;

/// <summary>
/// Reuses the ntuple buffers of written files for later files of the same size and kind, which saves most of
/// the page faults of fresh memory. Reused buffers are not zeroed as a whole: generation zeroes only the slots an
/// earlier file filled (<see cref="NtupleBuffers.FilledSlots"/>).
/// </summary>
internal sealed class BufferPool
{
    private readonly ConcurrentDictionary<(int Events, bool EnhancedBias), ConcurrentBag<NtupleBuffers>> _free = new();

    public NtupleBuffers Rent(int events, bool enhancedBias)
    {
        return _free.TryGetValue((events, enhancedBias), out var bag) && bag.TryTake(out var buffers)
            ? buffers
            : new NtupleBuffers(events, enhancedBias);
    }

    public void Return(NtupleBuffers buffers) =>
        _free.GetOrAdd((buffers.Events, buffers.EnhancedBias), _ => []).Add(buffers);
}
