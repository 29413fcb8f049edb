using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Hltad;

/// <summary>A parallel loop over independent items that rethrows the first failure unwrapped.</summary>
internal static class ParallelWork
{
    /// <summary>
    /// Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on up to <paramref name="parallelism"/>
    /// threads, handing out the items one at a time in increasing order (so work listed first starts first and
    /// few items are in flight at once). A failure is rethrown as itself (not wrapped in <see
    /// cref="AggregateException"/>), preferring
    /// a library error over a cancellation.
    /// </summary>
    public static void For(int count, int parallelism, CancellationToken cancellationToken, Action<int> body)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, parallelism),
            CancellationToken = cancellationToken,
        };
        try
        {
            var items = Partitioner.Create(Enumerable.Range(0, count), EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(items, options, body);
        }
        catch (AggregateException error)
        {
            var inner = error.Flatten().InnerExceptions;
            var first = inner.FirstOrDefault(e => e is HltadException)
                ?? inner.FirstOrDefault(e => e is not OperationCanceledException)
                ?? inner[0];
            ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
    }
}
