namespace Hltad.Io;

/// <summary>
/// Per-event object lists as (N, objects, 3) float32 of (pt, eta, phi), row-major: object k of event i
/// starts at <c>(i * Objects + k) * 3</c>. Zero-padded like the ntuples (SEMANTICS.md section 1).
/// </summary>
public sealed class ObjectArray
{
    /// <summary>Numbers per object: pt, eta, phi.</summary>
    public const int Columns = 3;

    public ObjectArray(int count, int objects, float[] values)
    {
        if (values.Length != (long)count * objects * Columns)
        {
            throw new ArgumentException(
                $"expected {count} × {objects} × 3 values, got {values.Length}", nameof(values));
        }

        Count = count;
        Objects = objects;
        Values = values;
    }

    /// <summary>Number of events.</summary>
    public int Count { get; }

    /// <summary>Objects per event.</summary>
    public int Objects { get; }

    /// <summary>All values, event-major, then object, then (pt, eta, phi).</summary>
    public float[] Values { get; }

    /// <summary>The objects of one event, <c>Objects × 3</c> numbers.</summary>
    public ReadOnlySpan<float> Event(int index) =>
        Values.AsSpan(index * Objects * Columns, Objects * Columns);

    /// <summary>The first <paramref name="count"/> events (this array itself when it has no more).</summary>
    public ObjectArray Take(int count)
    {
        if (count >= Count)
        {
            return this;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new ObjectArray(count, Objects, Values.AsSpan(0, count * Objects * Columns).ToArray());
    }
}
