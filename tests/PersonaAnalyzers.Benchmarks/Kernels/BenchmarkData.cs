namespace PersonaAnalyzers.Benchmarks.Kernels;

/// <summary>Seeded inputs shared by the kernel benchmarks, so every run measures the same vectors.</summary>
internal static class BenchmarkData
{
    public static float[] Floats(int d, int seed)
    {
        var rng = new Random(seed);
        var values = new float[d];
        for (var i = 0; i < d; i++) values[i] = (float)(rng.NextDouble() * 2 - 1);
        return values;
    }

    public static double[] Doubles(int d, int seed) => Array.ConvertAll(Floats(d, seed), x => (double)x);

    /// <summary>A probability-like vector: non-negative masses.</summary>
    public static double[] Masses(int d, int seed) => Array.ConvertAll(Floats(d, seed), x => (double)Math.Abs(x));

    /// <summary>d ids drawn from a universe of 2d, so two sets overlap by about half.</summary>
    public static int[] Ids(int d, int seed)
    {
        var rng = new Random(seed);
        var ids = new int[d];
        for (var i = 0; i < d; i++) ids[i] = rng.Next(2 * d);
        return ids;
    }
}
