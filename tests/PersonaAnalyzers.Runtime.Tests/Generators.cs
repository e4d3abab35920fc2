using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests;

/// <summary>CsCheck generators shared by the property tests.</summary>
internal static class Generators
{
    /// <summary>Two vectors of the same, random length (1..200) with elements in [-range, range].</summary>
    public static Gen<(double[] A, double[] B)> VectorPair(double range = 100) =>
        Gen.Int[1, 200].SelectMany(n => Gen.Select(Gen.Double[-range, range].Array[n], Gen.Double[-range, range].Array[n]));

    /// <summary>Two float vectors of the same, random length.</summary>
    public static Gen<(float[] A, float[] B)> FloatVectorPair() =>
        Gen.Int[1, 200].SelectMany(n => Gen.Select(Gen.Float[-100f, 100f].Array[n], Gen.Float[-100f, 100f].Array[n]));

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
