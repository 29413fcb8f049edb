using System.Runtime.CompilerServices;

namespace Hltad.World;

/// <summary>
/// Reconstructed objects of one kind for the event being emulated, sorted by decreasing pt before use.
/// </summary>
internal sealed class ObjectScratch(int capacity)
{
    private readonly float[] _pt = new float[capacity];
    private readonly float[] _energy = new float[capacity];
    private readonly float[] _eta = new float[capacity];
    private readonly float[] _phi = new float[capacity];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double pt, double energy, double eta, double phi)
    {
        if (Count == _pt.Length)
        {
            return;
        }

        _pt[Count] = (float)pt;
        _energy[Count] = (float)energy;
        _eta[Count] = (float)eta;
        _phi[Count] = (float)phi;
        Count++;
    }

    /// <summary>Insertion sort by decreasing pt (lists are short).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sort()
    {
        for (int i = 1; i < Count; i++)
        {
            float pt = _pt[i], energy = _energy[i], eta = _eta[i], phi = _phi[i];
            int j = i - 1;
            while (j >= 0 && _pt[j] < pt)
            {
                _pt[j + 1] = _pt[j];
                _energy[j + 1] = _energy[j];
                _eta[j + 1] = _eta[j];
                _phi[j + 1] = _phi[j];
                j--;
            }

            _pt[j + 1] = pt;
            _energy[j + 1] = energy;
            _eta[j + 1] = eta;
            _phi[j + 1] = phi;
        }
    }

    /// <summary>pt of the (<paramref name="rank"/> + 1)-th object after sorting, 0 when there are fewer.</summary>
    public float Leading(int rank) => rank < Count ? _pt[rank] : 0f;

    /// <summary>
    /// Writes the leading <paramref name="objects"/> objects at <paramref name="offset"/> as (pt, eta, phi) or,
    /// with 4 columns, (pt, E, eta, phi); pt is multiplied by <paramref name="ptScale"/>. An energy of 0 given to
    /// <see cref="Add"/> is written as the massless pt·cosh(eta). Slots beyond the objects are not touched: the
    /// row must be zero (fresh buffers are, and a row is cleared before it is emulated again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(float[] target, int offset, int objects, int columns, float ptScale = 1f)
    {
        int n = Math.Min(Count, objects);
        for (int k = 0; k < n; k++)
        {
            int at = offset + k * columns;
            target[at] = _pt[k] * ptScale;
            if (columns == 4)
            {
                target[at + 1] = _energy[k] > 0 ? _energy[k] : _pt[k] * MathF.Cosh(_eta[k]);
                target[at + 2] = _eta[k];
                target[at + 3] = _phi[k];
            }
            else
            {
                target[at + 1] = _eta[k];
                target[at + 2] = _phi[k];
            }
        }
    }
}
