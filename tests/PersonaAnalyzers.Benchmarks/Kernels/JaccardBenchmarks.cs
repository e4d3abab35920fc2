using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Kernels;

/// <summary>Jaccard of two d-element id lists (duplicates allowed): the span kernel against a naive HashSet count
/// (baseline), the kernel on prebuilt HashSets, and MathNet's <c>Distance.Jaccard</c>, which computes the same index
/// over 0/1 indicator vectors of the 2d-id universe.</summary>
[MemoryDiagnoser]
public class JaccardBenchmarks
{
    private int[] _a = [], _b = [];
    private HashSet<int> _setA = [], _setB = [];
    private double[] _indicatorA = [], _indicatorB = [];

    [Params(64, 128, 768, 1536)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = (BenchmarkData.Ids(D, 5), BenchmarkData.Ids(D, 6));
        (_setA, _setB) = (new HashSet<int>(_a), new HashSet<int>(_b));
        _indicatorA = new double[2 * D];
        _indicatorB = new double[2 * D];
        foreach (var id in _a) _indicatorA[id] = 1;
        foreach (var id in _b) _indicatorB[id] = 1;
    }

    [Benchmark(Baseline = true)]
    public double NaiveHashSets()
    {
        var a = new HashSet<int>(_a);
        var b = new HashSet<int>(_b);
        var shared = 0;
        foreach (var id in a) if (b.Contains(id)) shared++;
        return (double)shared / (a.Count + b.Count - shared);
    }

    [Benchmark]
    public double KernelSpan() => SimilarityKernels.Jaccard<int>(_a, _b, shrinkage: 2);

    [Benchmark]
    public double KernelSets() => SimilarityKernels.Jaccard(_setA, _setB, shrinkage: 2);

    [Benchmark]
    public double MathNetIndicators() => 1 - MathNet.Numerics.Distance.Jaccard(_indicatorA, _indicatorB);
}
