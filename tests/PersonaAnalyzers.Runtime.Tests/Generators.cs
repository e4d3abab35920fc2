using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests;

/// <summary>CsCheck generators shared by the property tests.</summary>
internal static class Generators
{
    /// <summary>Two vectors of the same, random length (1..200) with elements in [-range, range], each with at least
    /// one element above 1e-60 in magnitude. <c>Gen.Double</c> also draws vectors of nothing but magnitudes like 1e-90,
    /// where MathNet's cosine (the reference) multiplies two squared norms into the subnormal range and returns 1.0003
    /// or ∞; the kernels' own underflow tests cover that range against exact answers.</summary>
    public static Gen<(double[] A, double[] B)> VectorPair(double range = 100) =>
        Gen.Int[1, 200].SelectMany(n => Gen.Select(DoubleVector(n, range), DoubleVector(n, range)));

    private static Gen<double[]> DoubleVector(int n, double range) =>
        Gen.Double[-range, range].Array[n].Where(v => v.Max(Math.Abs) >= 1e-60);

    /// <summary>Two float vectors of the same, random length, each with a squared norm well inside float's normal
    /// range. <c>Gen.Float</c> also draws magnitudes like 1e-23, whose squares are subnormal: the SIMD span kernel keeps
    /// only a few digits there by design (see <see cref="SimilarityKernels.Cosine(System.ReadOnlySpan{float}, System.ReadOnlySpan{float})"/>'s
    /// remarks), which the subnormal tests cover on their own.</summary>
    public static Gen<(float[] A, float[] B)> FloatVectorPair() =>
        Gen.Int[1, 200].SelectMany(n => Gen.Select(FloatVector(n), FloatVector(n)));

    private static Gen<float[]> FloatVector(int n) =>
        Gen.Float[-100f, 100f].Array[n].Where(v => v.Max(x => Math.Abs((double)x)) >= 1e-15);

    /// <summary>Two distributions (non-negative masses, at least one positive each) over the same outcomes.</summary>
    public static Gen<(double[] P, double[] Q)> DistributionPair() =>
        Gen.Int[1, 64].SelectMany(n => Gen.Select(Mass(n), Mass(n)));

    private static Gen<double[]> Mass(int n) =>
        Gen.Double[0, 10].Array[n].Where(values => values.Sum() > 0);

    /// <summary>Small integer sets (with duplicates) drawn from a small universe so that they overlap.</summary>
    public static Gen<(int[] A, int[] B)> SetPair(int maxLength = 100) =>
        Gen.Select(Gen.Int[0, 40].Array[1, maxLength], Gen.Int[0, 40].Array[1, maxLength]);

    /// <summary>Two rating maps over a shared key space, values on a 1..5 scale with noise.</summary>
    public static Gen<(Dictionary<int, double> A, Dictionary<int, double> B)> RatingMaps() =>
        Gen.Select(Ratings(), Ratings());

    private static Gen<Dictionary<int, double>> Ratings() =>
        Gen.Select(Gen.Int[0, 60], Gen.Double[1, 5]).Array[0, 50]
            .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2));

    public static Gen<double> Shrinkage => Gen.Double[0, 50];
}
