namespace Hltad.Engine.Layers;

/// <summary>
/// What every layer of a network needs to know about the batch being processed: its size, the split of its
/// rows between the two parts of a step (part 0 rows [0, Split), part 1 rows [Split, Rows)), whether this is
/// training, the global step number (the key of dropout and sampling noise) and the event weights.
/// </summary>
internal sealed class BatchState(int capacity)
{
    /// <summary>Largest batch the buffers hold.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Rows of the current batch.</summary>
    public int Rows { get; set; }

    /// <summary>Training mode: batch statistics, dropout and sampling noise on.</summary>
    public bool Training { get; set; }

    /// <summary>Index of the optimiser step this batch belongs to, counted from 0 over the whole training.</summary>
    public long Step { get; set; }

    /// <summary>Event weight of each row of the batch.</summary>
    public float[] Weights { get; } = new float[capacity];

    /// <summary>Row where part 1 starts: always Rows / 2, whatever the number of threads.</summary>
    public int Split => Rows / 2;

    /// <summary>The rows [start, end) of one part.</summary>
    public (int Start, int End) RowsOf(int part) => part == 0 ? (0, Split) : (Split, Rows);
}
