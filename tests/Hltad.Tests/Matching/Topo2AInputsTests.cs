using Hltad.Io;
using Hltad.Matching;

namespace Hltad.Tests.Matching;

public sealed class Topo2AInputsTests
{
    [Fact]
    public void Build_OneEvent_ScalesEachBlockAndZeroesNaN()
    {
        // By hand (SEMANTICS.md section 2): jet 0 (102.4, 1.6, 0.8) → (1, 1, 1);
        // tau 0 (51.2, −3.2, NaN) → (0.5, −2, 0);
        // muon 0 stored et 0.0064 (6.4 GeV) → 0.0064 · 10000/64 = 1, eta 0.8 → 0.5, phi −1.6 → −2;
        // MET (819.2, 0, 2.4) → (1, 3). Jets occupy 0–17, taus 18–29, muons 30–41, MET 42–43.
        var jets = new ObjectArray(1, 6, new float[18]);
        (jets.Values[0], jets.Values[1], jets.Values[2]) = (102.4f, 1.6f, 0.8f);
        var taus = new ObjectArray(1, 4, new float[12]);
        (taus.Values[0], taus.Values[1], taus.Values[2]) = (51.2f, -3.2f, float.NaN);
        var muons = new ObjectArray(1, 4, new float[12]);
        (muons.Values[0], muons.Values[1], muons.Values[2]) = (0.0064f, 0.8f, -1.6f);
        var met = new ObjectArray(1, 1, [819.2f, 0, 2.4f]);

        float[] x = Topo2AInputs.Build(jets, taus, muons, met);

        var expected = new float[44];
        (expected[0], expected[1], expected[2]) = (1, 1, 1);
        (expected[18], expected[19], expected[20]) = (0.5f, -2, 0);
        (expected[30], expected[31], expected[32]) = (1, 0.5f, -2);
        (expected[42], expected[43]) = (1, 3);
        Assert.Equal(expected, x, new ToleranceComparer(1e-6f));
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}
