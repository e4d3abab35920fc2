using System;

namespace PersonaAnalyzers.Benchmarks.Population;

/// <summary>Seeded clustered profiles for the population benchmarks: community centroids plus individual noise of
/// varying size, so a query meets distant, moderate and near-match rows as it would in a real population.</summary>
internal static class BenchmarkPopulation
{
    public static float[][] Clustered(int count, int dimension, int seed, int clusters = 64)
    {
        var random = new Random(seed);
        var centroids = new float[clusters][];
        for (var c = 0; c < clusters; c++) centroids[c] = Gaussian(random, dimension, 1);
        var rows = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var centroid = centroids[random.Next(clusters)];
            var row = Gaussian(random, dimension, 0.15 + 1.3 * random.NextDouble());
            for (var k = 0; k < dimension; k++) row[k] += centroid[k];
            rows[i] = row;
        }
        return rows;
    }

    public static PopulationIndex<int> Index(float[][] rows, PopulationStorage storage, int degreeOfParallelism)
    {
        var index = new PopulationIndex<int>(rows[0].Length, options: new PopulationIndexOptions
        {
            Storage = storage,
            MaxDegreeOfParallelism = degreeOfParallelism,
            ParallelThreshold = 0,
            InitialCapacity = rows.Length,
        });
        for (var i = 0; i < rows.Length; i++) index.Add(i, rows[i]);
        return index;
    }

    private static float[] Gaussian(Random random, int dimension, double sigma)
    {
        var v = new float[dimension];
        for (var k = 0; k < dimension; k++)
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            v[k] = (float)(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return v;
    }
}
