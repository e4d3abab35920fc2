using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Kernels;

/// <summary>Categorical equality, called d times per operation, for integers and strings, against the comparison
/// inlined (baseline for integers; <c>NaiveLoopString</c> is the one to compare strings with). MathNet has no such kernel, so there is no MathNet column.</summary>
[MemoryDiagnoser]
public class CategoricalBenchmarks
{
    private int[] _a = [], _b = [];
    private string[] _sa = [], _sb = [];

    [Params(64, 128, 768, 1536)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = (Array.ConvertAll(BenchmarkData.Ids(D, 11), x => x % 4), Array.ConvertAll(BenchmarkData.Ids(D, 12), x => x % 4));
        // Equal strings are distinct instances, so equality compares characters rather than references.
        (_sa, _sb) = (Array.ConvertAll(_a, x => "genre-" + x), Array.ConvertAll(_b, x => "genre-" + x));
    }

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double sum = 0;
        for (var i = 0; i < _a.Length; i++) sum += _a[i] == _b[i] ? 1 : 0;
        return sum;
    }

    [Benchmark]
    public double KernelInt()
    {
        double sum = 0;
        for (var i = 0; i < _a.Length; i++) sum += SimilarityKernels.Categorical(_a[i], _b[i]);
        return sum;
    }

    [Benchmark]
    public double NaiveLoopString()
    {
        double sum = 0;
        for (var i = 0; i < _sa.Length; i++) sum += string.Equals(_sa[i], _sb[i], StringComparison.Ordinal) ? 1 : 0;
        return sum;
    }

    [Benchmark]
    public double KernelString()
    {
        double sum = 0;
        for (var i = 0; i < _sa.Length; i++) sum += SimilarityKernels.Categorical(_sa[i], _sb[i]);
        return sum;
    }
}
