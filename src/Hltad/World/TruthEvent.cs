namespace Hltad.World;

/// <summary>What a synthetic collision produced before the detector: particles and jets at generator level.</summary>
internal sealed class TruthEvent
{
    public readonly ParticleList Jets = new(48);
    public readonly ParticleList Electrons = new(8);
    public readonly ParticleList Muons = new(8);
    public readonly ParticleList Photons = new(8);

    /// <summary>Transverse momentum carried away by neutrinos and other invisible particles, GeV.</summary>
    public double InvisibleX;

    /// <inheritdoc cref="InvisibleX"/>
    public double InvisibleY;

    /// <summary>Scalar sum of the soft (unclustered) transverse energy, GeV: sets the MET resolution.</summary>
    public double SoftSumEt;

    /// <summary>
    /// Fraction of the leading hard jet's energy the detector loses (a badly measured jet fakes MET).
    /// </summary>
    public double LeadingJetLoss;

    /// <summary>Mean interactions per crossing.</summary>
    public double Pileup;

    public void Clear()
    {
        Jets.Clear();
        Electrons.Clear();
        Muons.Clear();
        Photons.Clear();
        InvisibleX = 0;
        InvisibleY = 0;
        SoftSumEt = 0;
        LeadingJetLoss = 0;
    }

    /// <summary>
    /// Adds an invisible particle of transverse momentum <paramref name="pt"/> at azimuth <paramref name="phi"/>.
    /// </summary>
    public void AddInvisible(double pt, double phi)
    {
        InvisibleX += pt * Math.Cos(phi);
        InvisibleY += pt * Math.Sin(phi);
    }
}

/// <summary>Kinds of generator-level jets, which the detector treats differently.</summary>
internal enum JetKind : byte
{
    Light,
    Bottom,

    /// <summary>The visible part of a hadronic tau decay: a narrow jet, seen by the L1 tau algorithms.</summary>
    Tau,

    /// <summary>A pileup jet from another interaction of the crossing.</summary>
    Pileup,
}

/// <summary>A small fixed-capacity list of (pt, eta, phi, mass, kind, displaced) particles.</summary>
internal sealed class ParticleList(int capacity)
{
    public readonly double[] Pt = new double[capacity];
    public readonly double[] Eta = new double[capacity];
    public readonly double[] Phi = new double[capacity];
    public readonly double[] Mass = new double[capacity];
    public readonly JetKind[] Kind = new JetKind[capacity];
    public readonly bool[] Displaced = new bool[capacity];

    /// <summary>For photons: an electromagnetic deposit of a jet (π0), which identification mostly rejects.</summary>
    public readonly bool[] Fake = new bool[capacity];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Adds a particle; beyond the capacity the softest candidates are simply not kept.</summary>
    public void Add(
        double pt,
        double eta,
        double phi,
        double mass = 0,
        JetKind kind = JetKind.Light,
        bool displaced = false,
        bool fake = false)
    {
        if (Count == Pt.Length)
        {
            return;
        }

        Pt[Count] = pt;
        Eta[Count] = eta;
        Phi[Count] = WrapPhi(phi);
        Mass[Count] = mass;
        Kind[Count] = kind;
        Displaced[Count] = displaced;
        Fake[Count] = fake;
        Count++;
    }

    /// <summary>Azimuth folded into [−π, π).</summary>
    public static double WrapPhi(double phi)
    {
        while (phi >= Math.PI)
        {
            phi -= 2 * Math.PI;
        }

        while (phi < -Math.PI)
        {
            phi += 2 * Math.PI;
        }

        return phi;
    }
}
