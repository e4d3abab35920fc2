using PersonaAnalyzers.Runtime.Tests.Population;

namespace PersonaAnalyzers.Benchmarks.Population;

/// <summary>Seeded clustered profiles for the population benchmarks: community centroids plus individual noise of
/// varying size, so a query meets distant, moderate and near-match rows as it would in a real population.</summary>
internal static class BenchmarkPopulation
{
    // The same generator as the population tests' (one source file, linked into this project), so the benchmarks
    // scan populations shaped like the ones whose band agreement the tests measure.
    public static float[][] Clustered(int count, int dimension, int seed, int clusters = 64) =>
        PopulationData.Clustered(count, dimension, clusters, seed);

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
}
