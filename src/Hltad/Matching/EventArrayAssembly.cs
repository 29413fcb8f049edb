using Hltad.Data;
using Hltad.Io;
using Hltad.Physics;

namespace Hltad.Matching;

/// <summary>
/// Assembles the (16, 3) per-event arrays of SEMANTICS.md section 3 from raw object lists: rows 0–5 the
/// leading 6 jets, 6–8 three electrons (L1: e/gammas), 9–11 three muons, 12–14 three photons (L1: eFex
/// taus), 15 the MET as (met, column 1 or 2, phi). Values are copied unchanged (raw units).
/// </summary>
public static class EventArrayAssembly
{
    /// <summary>
    /// One (N, 16, 3) array. Each object array must hold at least as many objects as its rows
    /// (6, 3, 3, 3) for the same N events; extra objects are ignored; <paramref name="met"/> is (N, 1, 3).
    /// </summary>
    public static EventArrays Assemble(
        ObjectArray jets,
        ObjectArray electrons,
        ObjectArray muons,
        ObjectArray photons,
        ObjectArray met)
    {
        int n = jets.Count;
        var arrays = new EventArrays(n);
        Copy(arrays, jets, ObjectLayout.FirstJetRow, ObjectLayout.JetCount);
        Copy(arrays, electrons, ObjectLayout.FirstElectronRow, ObjectLayout.ElectronCount);
        Copy(arrays, muons, ObjectLayout.FirstMuonRow, ObjectLayout.MuonCount);
        Copy(arrays, photons, ObjectLayout.FirstPhotonRow, ObjectLayout.PhotonCount);
        Copy(arrays, met, ObjectLayout.MetRow, 1);
        return arrays;
    }

    private static void Copy(EventArrays target, ObjectArray source, int firstRow, int rows)
    {
        if (source.Count != target.Count || source.Objects < rows)
        {
            throw new ArgumentException(
                $"rows {firstRow}–{firstRow + rows - 1}: need {target.Count} events × {rows} objects, "
                + $"got {source.Count} × {source.Objects}");
        }

        int width = rows * ObjectArray.Columns;
        for (int i = 0; i < target.Count; i++)
        {
            source.Event(i)[..width].CopyTo(target.Event(i).Slice(firstRow * ObjectLayout.Columns, width));
        }
    }
}
