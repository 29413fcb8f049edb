using Hltad.Data;
using Hltad.Physics;

namespace Hltad.Preprocessing;

/// <summary>
/// Steps 4–7 of SEMANTICS.md section 6 on the 48 numbers of one event (16 rows of pt, eta, phi, row-major),
/// in place. Used on the copy that preprocessing makes; the matched arrays are never changed.
/// </summary>
public static class EventCleaning
{
    private const int Stride = ObjectLayout.Columns;

    private static readonly float[] HltThresholds = Thresholds(ObjectType.Hlt);
    private static readonly float[] L1Thresholds = Thresholds(ObjectType.L1);

    /// <summary>Steps 4, 5 (L1 only), 6 and 7, in that order.</summary>
    public static void Apply(Span<float> values, ObjectType type)
    {
        ToDeltaPhi(values);
        if (type == ObjectType.L1)
        {
            ScaleL1MuonPt(values);
        }

        FixMet(values);
        ApplyPtThresholds(values, type);
    }

    /// <summary>
    /// Step 4: every row's phi becomes its Δphi to the leading jet (row 0, its phi before this step),
    /// <see cref="DeltaPhi"/>; rows with pt = 0 get 0. NaN phi stays NaN (step 6 handles the MET row).
    /// </summary>
    public static void ToDeltaPhi(Span<float> values)
    {
        float leadingPhi = values[ObjectLayout.FirstJetRow * Stride + ObjectLayout.PhiColumn];
        for (int row = 0; row < ObjectLayout.Rows; row++)
        {
            int at = row * Stride;
            values[at + ObjectLayout.PhiColumn] = values[at + ObjectLayout.PtColumn] == 0
                ? 0
                : DeltaPhi(values[at + ObjectLayout.PhiColumn], leadingPhi);
        }
    }

    /// <summary>
    /// <c>Δ = ((phi − phi₀ + π) mod 2π) − π</c> with the floor modulo (result of the mod in [0, 2π), as
    /// Python's <c>%</c>), computed in float64 from the float32 inputs and rounded once to float32.
    /// The mod is C#'s exact <c>%</c> (fmod) plus 2π when negative, which is numpy's <c>np.remainder</c>.
    /// Returns a value in [−π, π); NaN when either input is NaN.
    /// </summary>
    /// <remarks>
    /// Angles within (−2π, 4π) after the shift, which covers every pair of angles in [−π, π], skip the slow
    /// fmod:
    /// there fmod(x, 2π) is x itself, or x − 2π, which is exact (Sterbenz), so the result is the same bit for bit.
    /// </remarks>
    public static float DeltaPhi(float phi, float leadingPhi)
    {
        double shifted = (double)phi - leadingPhi + Math.PI;
        double wrapped = shifted switch
        {
            >= 0 and < Math.Tau => shifted,
            >= Math.Tau and < 2 * Math.Tau => shifted - Math.Tau,
            _ => shifted % Math.Tau,
        };
        if (wrapped < 0)
        {
            wrapped += Math.Tau;
        }

        return (float)(wrapped - Math.PI);
    }

    /// <summary>Step 5: L1 muon rows (9–11) pt × 1000, undoing the ntuples' storage unit.</summary>
    public static void ScaleL1MuonPt(Span<float> values)
    {
        for (int row = ObjectLayout.FirstMuonRow; row < ObjectLayout.FirstMuonRow + ObjectLayout.MuonCount; row++)
        {
            values[row * Stride + ObjectLayout.PtColumn] *= PhysicsConstants.L1MuonEtStorageFactor;
        }
    }

    /// <summary>
    /// Step 6, MET row (15), in this order: pt = 0 → 0.001; pt = −999 (not computed) → whole row 0;
    /// phi NaN → whole row 0.
    /// </summary>
    public static void FixMet(Span<float> values)
    {
        Span<float> met = values.Slice(ObjectLayout.MetRow * Stride, Stride);
        if (met[ObjectLayout.PtColumn] == 0)
        {
            met[ObjectLayout.PtColumn] = ObjectLayout.ZeroMetReplacement;
        }

        if (met[ObjectLayout.PtColumn] == PhysicsConstants.MetNotComputed)
        {
            met.Clear();
        }

        if (float.IsNaN(met[ObjectLayout.PhiColumn]))
        {
            met.Clear();
        }
    }

    /// <summary>
    /// Step 7: whole rows below their pt threshold become 0 — jets &lt; 50 GeV (both arrays), HLT electrons &lt; 8,
    /// L1 e/gammas &lt; 5, muons &lt; 3 (both), HLT photons and L1 taus &lt; 10. The MET row has no threshold.
    /// A NaN pt is not below any threshold.
    /// </summary>
    public static void ApplyPtThresholds(Span<float> values, ObjectType type)
    {
        float[] thresholds = type == ObjectType.Hlt ? HltThresholds : L1Thresholds;
        for (int row = 0; row < ObjectLayout.MetRow; row++)
        {
            Span<float> objectRow = values.Slice(row * Stride, Stride);
            if (objectRow[ObjectLayout.PtColumn] < thresholds[row])
            {
                objectRow.Clear();
            }
        }
    }

    /// <summary>Names a row of the (16, 3) arrays for messages: "jet 1", "electron 2", "tau 3", "MET".</summary>
    public static string RowName(ObjectType type, int row) => row switch
    {
        < ObjectLayout.FirstElectronRow => $"jet {row + 1}",
        < ObjectLayout.FirstMuonRow => (type == ObjectType.Hlt ? "electron " : "e/gamma ")
            + (row - ObjectLayout.FirstElectronRow + 1),
        < ObjectLayout.FirstPhotonRow => $"muon {row - ObjectLayout.FirstMuonRow + 1}",
        < ObjectLayout.MetRow => (type == ObjectType.Hlt ? "photon " : "tau ")
            + (row - ObjectLayout.FirstPhotonRow + 1),
        _ => "MET",
    };

    private static float[] Thresholds(ObjectType type)
    {
        var thresholds = new float[ObjectLayout.MetRow];
        bool hlt = type == ObjectType.Hlt;
        Fill(ObjectLayout.FirstJetRow, ObjectLayout.JetCount, ObjectLayout.JetPtThreshold);
        Fill(
            ObjectLayout.FirstElectronRow,
            ObjectLayout.ElectronCount,
            hlt ? ObjectLayout.HltElectronPtThreshold : ObjectLayout.L1EGammaPtThreshold);
        Fill(ObjectLayout.FirstMuonRow, ObjectLayout.MuonCount, ObjectLayout.MuonPtThreshold);
        Fill(ObjectLayout.FirstPhotonRow, ObjectLayout.PhotonCount, ObjectLayout.PhotonTauPtThreshold);
        return thresholds;

        void Fill(int first, int count, float threshold) => thresholds.AsSpan(first, count).Fill(threshold);
    }
}
