using Hltad.Physics;

namespace Hltad.Data;

/// <summary>
/// Per-event (16, 3) object arrays of (pt, eta, phi), stored flat and row-major:
/// event i occupies <c>Values[i*48 .. i*48+48)</c> (SEMANTICS.md section 3).
/// </summary>
public sealed class EventArrays
{
    public EventArrays(int count) : this(count, new float[checked(count * ObjectLayout.Features)]) { }

    public EventArrays(int count, float[] values)
    {
        if (values.Length != (long)count * ObjectLayout.Features)
        {
            throw new ArgumentException(
                $"expected {count} × {ObjectLayout.Features} values, got {values.Length}", nameof(values));
        }

        Count = count;
        Values = values;
    }

    public int Count { get; }

    /// <summary>All values, event-major, then row, then column.</summary>
    public float[] Values { get; }

    /// <summary>The 48 numbers of one event.</summary>
    public Span<float> Event(int index) => Values.AsSpan(index * ObjectLayout.Features, ObjectLayout.Features);

    /// <summary>A new array holding the given events in the given order.</summary>
    public EventArrays Select(IReadOnlyList<int> rows)
    {
        var selected = new EventArrays(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Event(rows[i]).CopyTo(selected.Event(i));
        }

        return selected;
    }
}
