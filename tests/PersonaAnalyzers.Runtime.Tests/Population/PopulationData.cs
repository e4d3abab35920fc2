namespace PersonaAnalyzers.Runtime.Tests.Population;

/// <summary>Seeded synthetic populations: uniform random directions (almost every pair distant), clustered profiles
/// whose pairwise similarities spread across all three bands, and vectors at an exact cosine to a target.</summary>
internal static class PopulationData
{
    public static float[][] Random(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        var rows = new float[count][];
        for (var i = 0; i < count; i++) rows[i] = Gaussian(random, dimension, 1);
        return rows;
    }

    /// <summary>Members are a community centroid plus individual noise of a per-member size, so within-community
    /// similarity ranges from near-twin (≈ 0.95) to distant (≈ 0.3) and crosses both thresholds densely.</summary>
    public static float[][] Clustered(int count, int dimension, int clusters, int seed)
    {
        var random = new Random(seed);
        var centroids = new float[clusters][];
        for (var c = 0; c < clusters; c++) centroids[c] = Gaussian(random, dimension, 1);
        var rows = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var centroid = centroids[random.Next(clusters)];
            var noise = 0.15 + 1.3 * random.NextDouble();
            var row = Gaussian(random, dimension, noise);
            for (var k = 0; k < dimension; k++) row[k] += centroid[k];
            rows[i] = row;
        }
        return rows;
    }

    /// <summary>A unit vector whose cosine with the unit vector <paramref name="target"/> is exactly
    /// <paramref name="cosine"/> (up to float rounding).</summary>
    public static float[] AtCosine(float[] target, double cosine, Random random)
    {
        var d = target.Length;
        var u = Gaussian(random, d, 1);
        double along = 0;
        for (var k = 0; k < d; k++) along += u[k] * target[k];
        double norm = 0;
        var orthogonal = new double[d];
        for (var k = 0; k < d; k++)
        {
            orthogonal[k] = u[k] - along * target[k];
            norm += orthogonal[k] * orthogonal[k];
        }
        norm = Math.Sqrt(norm);
        var sine = Math.Sqrt(1 - cosine * cosine);
        var result = new float[d];
        for (var k = 0; k < d; k++) result[k] = (float)(cosine * target[k] + sine * orthogonal[k] / norm);
        return result;
    }

    public static float[] Unit(float[] v)
    {
        double sum = 0;
        foreach (var x in v) sum += (double)x * x;
        var result = new float[v.Length];
        for (var k = 0; k < v.Length; k++) result[k] = (float)(v[k] / Math.Sqrt(sum));
        return result;
    }

    public static float[] Gaussian(Random random, int dimension, double sigma)
    {
        var v = new float[dimension];
        for (var k = 0; k < dimension; k++)
        {
            // Box–Muller.
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            v[k] = (float)(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return v;
    }
}
