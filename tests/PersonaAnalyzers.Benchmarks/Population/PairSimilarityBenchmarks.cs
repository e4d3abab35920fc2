using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Population;

/// <summary>One pair's cosine similarity: the runtime kernel the generated guards call, against TensorPrimitives
/// itself, and the dot product of pre-normalised rows that the population index computes instead.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PairSimilarityBenchmarks
{
    private float[] _a = Array.Empty<float>();
    private float[] _b = Array.Empty<float>();
    private float[] _unitA = Array.Empty<float>();
    private float[] _unitB = Array.Empty<float>();

    [Params(16, 128, 1024)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rows = BenchmarkPopulation.Clustered(2, Dimension, seed: 1, clusters: 1);
        (_a, _b) = (rows[0], rows[1]);
        _unitA = Unit(_a);
        _unitB = Unit(_b);
    }

    [Benchmark(Baseline = true)]
    public float TensorPrimitivesCosine() => TensorPrimitives.CosineSimilarity(_a, _b);

    [Benchmark]
    public double SimilarityKernelsCosine() => SimilarityKernels.Cosine(new ReadOnlySpan<float>(_a), new ReadOnlySpan<float>(_b));

    [Benchmark]
    public float DotOfUnitRows() => TensorPrimitives.Dot(_unitA, _unitB);

    private static float[] Unit(float[] v)
    {
        var result = new float[v.Length];
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), result);
        return result;
    }
}
