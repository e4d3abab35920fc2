using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Population;

/// <summary><c>SafestSubstitute</c> over 200,000 × 128 profiles against a plain TensorPrimitives brute-force scan of the
/// same profiles (cosine of every row, keep the best). Target: the index, on one core, within 1.5× of the brute force.
/// The sequence overload is shown too: it evaluates the policy on every profile through delegates.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SafestSubstituteBenchmarks : IDisposable
{
    private float[][] _rows = Array.Empty<float[]>();
    private Profile[] _profiles = Array.Empty<Profile>();
    private PopulationIndex<int>? _oneCore;
    private PopulationIndex<int>? _twoCores;
    private int _target;

    [Params(200_000)]
    public int Rows { get; set; }

    [Params(128)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rows = BenchmarkPopulation.Clustered(Rows, Dimension, seed: 5);
        _profiles = new Profile[Rows];
        for (var i = 0; i < Rows; i++) _profiles[i] = new Profile(i, _rows[i]);
        _target = Rows / 3;
        _oneCore = BenchmarkPopulation.Index(_rows, PopulationStorage.Float32, degreeOfParallelism: 1);
        _twoCores = BenchmarkPopulation.Index(_rows, PopulationStorage.Float32, degreeOfParallelism: 2);
    }

    [Benchmark(Baseline = true, Description = "brute force, TensorPrimitives.CosineSimilarity")]
    public int BruteForce()
    {
        var target = _rows[_target];
        var best = -1;
        var bestSimilarity = float.NegativeInfinity;
        for (var i = 0; i < _rows.Length; i++)
        {
            if (i == _target) continue;
            var s = TensorPrimitives.CosineSimilarity(target, _rows[i]);
            if (s > bestSimilarity) (best, bestSimilarity) = (i, s);
        }
        return best;
    }

    [Benchmark(Description = "index SafestSubstitute, 1 core")]
    public int IndexOneCore() => _oneCore!.SafestSubstitute(_target, _rows[_target])?.Key ?? -1;

    [Benchmark(Description = "index SafestSubstitute, 2 cores")]
    public int IndexTwoCores() => _twoCores!.SafestSubstitute(_target, _rows[_target])?.Key ?? -1;

    [Benchmark(Description = "PopulationSearch.SafestSubstitute over IEnumerable")]
    public int Sequence() =>
        PopulationSearch.SafestSubstitute(_profiles[_target], _profiles, Profile.Similarity, Profile.IsSelf)?.Profile.Id ?? -1;

    [GlobalCleanup]
    public void Dispose()
    {
        _oneCore?.Dispose();
        _twoCores?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record Profile(int Id, float[] Features)
    {
        public static double Similarity(Profile a, Profile b) =>
            SimilarityKernels.Cosine(new ReadOnlySpan<float>(a.Features), new ReadOnlySpan<float>(b.Features));

        public static bool IsSelf(Profile a, Profile b) => a.Id == b.Id;
    }
}
