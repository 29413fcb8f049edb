using System.Runtime.CompilerServices;

namespace Hltad.World;

/// <summary>
/// Reconstructed objects of one kind for the event being emulated, sorted by decreasing pt before use.
/// </summary>
internal sealed class ObjectScratch(int capacity)
{
    private readonly Candidate[] _objects = new Candidate[capacity];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double pt, double energy, double eta, double phi)
    {
        if (Count == _objects.Length)
        {
            return;
        }

        _objects[Count++] = new Candidate((float)pt, (float)energy, (float)eta, (float)phi);
    }

    /// <summary>Insertion sort by decreasing pt, stable (lists are short).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sort()
    {
        var objects = _objects.AsSpan(0, Count);
        for (int i = 1; i < objects.Length; i++)
        {
            var candidate = objects[i];
            int j = i - 1;
            while (j >= 0 && objects[j].Pt < candidate.Pt)
            {
                objects[j + 1] = objects[j];
                j--;
            }

            objects[j + 1] = candidate;
        }
    }

    /// <summary>pt of the (<paramref name="rank"/> + 1)-th object after sorting, 0 when there are fewer.</summary>
    public float Leading(int rank) => rank < Count ? _objects[rank].Pt : 0f;

    /// <summary>
    /// Writes the leading objects into the <paramref name="objects"/> slots at <paramref name="offset"/> as
    /// (pt, eta, phi) or, with 4 columns, (pt, E, eta, phi), pt multiplied by <paramref name="ptScale"/>; an energy
    /// of 0 given to <see cref="Add"/> is written as the massless pt·cosh(eta). <paramref name="filled"/> holds how
    /// many slots hold objects from an earlier write (0 in fresh, zeroed memory): those beyond the new objects are
    /// zeroed, and it is updated to the number written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(float[] target, int offset, int objects, int columns, ref byte filled, float ptScale = 1f)
    {
        var written = _objects.AsSpan(0, Math.Min(Count, objects));
        var row = target.AsSpan(offset, objects * columns);
        if (columns == 4)
        {
            for (int k = 0, at = 0; k < written.Length; k++, at += 4)
            {
                var candidate = written[k];
                row[at] = candidate.Pt * ptScale;
                row[at + 1] = candidate.Energy > 0 ? candidate.Energy : candidate.Pt * MathF.Cosh(candidate.Eta);
                row[at + 2] = candidate.Eta;
                row[at + 3] = candidate.Phi;
            }
        }
        else
        {
            for (int k = 0, at = 0; k < written.Length; k++, at += 3)
            {
                var candidate = written[k];
                row[at] = candidate.Pt * ptScale;
                row[at + 1] = candidate.Eta;
                row[at + 2] = candidate.Phi;
            }
        }

        if (filled > written.Length)
        {
            row[(written.Length * columns)..(filled * columns)].Clear();
        }

        filled = (byte)written.Length;
    }

    private readonly record struct Candidate(float Pt, float Energy, float Eta, float Phi);
}
