namespace Hltad.World;

/// <summary>A four-momentum (GeV) with the few operations the synthetic decays need.</summary>
internal readonly record struct FourMomentum(double Px, double Py, double Pz, double E)
{
    public double Pt => Math.Sqrt(Px * Px + Py * Py);

    public double Phi => Math.Atan2(Py, Px);

    /// <summary>Pseudorapidity; ±10 along the beam.</summary>
    public double Eta
    {
        get
        {
            double pt = Pt;
            return pt < 1e-9 ? Math.CopySign(10, Pz) : Math.Clamp(Math.Asinh(Pz / pt), -10, 10);
        }
    }

    public double Mass => Math.Sqrt(Math.Max(0, E * E - Px * Px - Py * Py - Pz * Pz));

    /// <summary>A particle of mass <paramref name="mass"/> with transverse momentum, rapidity and azimuth.</summary>
    public static FourMomentum FromPtRapidity(double pt, double rapidity, double phi, double mass)
    {
        double mt = Math.Sqrt(mass * mass + pt * pt);
        var (sin, cos) = Math.SinCos(phi);
        return new FourMomentum(pt * cos, pt * sin, mt * Math.Sinh(rapidity), mt * Math.Cosh(rapidity));
    }

    /// <summary>
    /// Isotropic two-body decay of this particle into daughters of masses <paramref name="massA"/>, <paramref
    /// name="massB"/>:
    /// back to back in the rest frame, then boosted to the lab.
    /// </summary>
    public (FourMomentum A, FourMomentum B) Decay(WorldRandom random, double massA = 0, double massB = 0)
    {
        double m = Mass;
        double p = TwoBodyMomentum(m, massA, massB);
        double cosTheta = random.Uniform(-1, 1);
        double sinTheta = Math.Sqrt(1 - cosTheta * cosTheta);
        double phi = random.Phi();
        double px = p * sinTheta * Math.Cos(phi), py = p * sinTheta * Math.Sin(phi), pz = p * cosTheta;
        var a = new FourMomentum(px, py, pz, Math.Sqrt(p * p + massA * massA));
        var b = new FourMomentum(-px, -py, -pz, Math.Sqrt(p * p + massB * massB));
        return (a.Boost(this), b.Boost(this));
    }

    /// <summary>This momentum, given in the rest frame of <paramref name="parent"/>, seen in the lab.</summary>
    public FourMomentum Boost(FourMomentum parent)
    {
        double bx = parent.Px / parent.E, by = parent.Py / parent.E, bz = parent.Pz / parent.E;
        double b2 = bx * bx + by * by + bz * bz;
        if (b2 < 1e-12)
        {
            return this;
        }

        double gamma = 1 / Math.Sqrt(1 - b2);
        double bp = bx * Px + by * Py + bz * Pz;
        double factor = (gamma - 1) * bp / b2 + gamma * E;
        return new FourMomentum(Px + factor * bx, Py + factor * by, Pz + factor * bz, gamma * (E + bp));
    }

    /// <summary>This momentum scaled by <paramref name="fraction"/> (a visible share of a massless decay).</summary>
    public FourMomentum Scale(double fraction) => new(Px * fraction, Py * fraction, Pz * fraction, E * fraction);

    private static double TwoBodyMomentum(double m, double ma, double mb)
    {
        double s = (m * m - (ma + mb) * (ma + mb)) * (m * m - (ma - mb) * (ma - mb));
        return s > 0 ? Math.Sqrt(s) / (2 * m) : 0;
    }
}
