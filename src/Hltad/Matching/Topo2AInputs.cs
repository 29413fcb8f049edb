using System.Runtime.CompilerServices;
using Hltad.Io;
using Hltad.Physics;

namespace Hltad.Matching;

/// <summary>
/// Builds the 44-number Topo2A input of the L1AD network from raw stored L1 objects (SEMANTICS.md section 2):
/// leading 6 jFex SR jets, 4 eFex taus, 4 muons as (et, eta, phi), then L1 MET as (met, phi).
/// Scales on the raw values: et × 10/1024, eta × 10/16, phi × 10/8; muon et × 10000/64; MET et × 10/8192,
/// MET phi × 10/8. A NaN (before or after scaling) becomes 0. All scales are powers of two times
/// small integers, so float32 products are exact roundings of the real products.
/// </summary>
public static class Topo2AInputs
{
    /// <summary>
    /// The (N, 44) row-major Topo2A vectors. Each object array must hold at least the number of objects used
    /// (jets 6, taus 4, muons 4); <paramref name="met"/> is (N, 1, 3) as (met, 0, phi).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] Build(ObjectArray jets, ObjectArray taus, ObjectArray muons, ObjectArray met)
    {
        int n = jets.Count;
        Require(jets, Topo2A.Jets, n, "jets");
        Require(taus, Topo2A.Taus, n, "taus");
        Require(muons, Topo2A.Muons, n, "muons");
        Require(met, 1, n, "MET");
        var inputs = new float[n * Topo2A.Inputs];
        for (int i = 0; i < n; i++)
        {
            Span<float> row = inputs.AsSpan(i * Topo2A.Inputs, Topo2A.Inputs);
            int position = 0;
            position = AddObjects(row, position, jets.Event(i), Topo2A.Jets, Topo2A.EtScale);
            position = AddObjects(row, position, taus.Event(i), Topo2A.Taus, Topo2A.EtScale);
            position = AddObjects(row, position, muons.Event(i), Topo2A.Muons, Topo2A.MuonEtScale);
            ReadOnlySpan<float> missing = met.Event(i);
            row[position] = Clean(missing[0] * Topo2A.MetEtScale);
            row[position + 1] = Clean(missing[2] * Topo2A.MetPhiScale);
        }

        return inputs;
    }

    private static int AddObjects(Span<float> row, int position, ReadOnlySpan<float> objects, int count, float etScale)
    {
        for (int k = 0; k < count; k++)
        {
            row[position++] = Clean(objects[k * 3] * etScale);
            row[position++] = Clean(objects[k * 3 + 1] * Topo2A.EtaScale);
            row[position++] = Clean(objects[k * 3 + 2] * Topo2A.PhiScale);
        }

        return position;
    }

    private static float Clean(float value) => float.IsNaN(value) ? 0f : value;

    private static void Require(ObjectArray objects, int needed, int events, string what)
    {
        if (objects.Objects < needed || objects.Count != events)
        {
            throw new ArgumentException(
                $"Topo2A {what}: need {events} events × {needed} objects, got {objects.Count} × {objects.Objects}");
        }
    }
}
