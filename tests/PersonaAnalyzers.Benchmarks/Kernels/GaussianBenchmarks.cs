using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Kernels;

/// <summary>Gaussian closeness, called d times per operation as a guard does over d numeric features, against the
/// formula inlined (baseline). MathNet has no such kernel, so there is no MathNet column.</summary>
[MemoryDiagnoser]
public class GaussianBenchmarks
{
    private double[] _a = [], _b = [];

    [Params(64, 128, 768, 1536)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup() => (_a, _b) = (BenchmarkData.Doubles(D, 9), BenchmarkData.Doubles(D, 10));

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double sum = 0;
        for (var i = 0; i < _a.Length; i++)
        {
            var z = (_a[i] - _b[i]) / 0.5;
            sum += Math.Exp(-z * z);
        }
        return sum;
    }

    [Benchmark]
    public double Kernel()
    {
        double sum = 0;
        for (var i = 0; i < _a.Length; i++) sum += SimilarityKernels.Gaussian(_a[i], _b[i], 0.5);
        return sum;
    }
}
