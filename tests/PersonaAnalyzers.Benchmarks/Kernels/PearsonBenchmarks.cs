using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Kernels;

/// <summary>Pearson over d co-rated pairs: the span kernel against a naive two-pass loop (baseline) and MathNet's
/// <c>Correlation.Pearson</c>; and the rating-map kernel, which finds the co-rated keys itself.</summary>
[MemoryDiagnoser]
public class PearsonBenchmarks
{
    private double[] _x = [], _y = [];
    private Dictionary<int, double> _mapA = [], _mapB = [];

    [Params(64, 128, 768, 1536)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = (BenchmarkData.Doubles(D, 3), BenchmarkData.Doubles(D, 4));
        // Maps over 2d keys each, overlapping on d: the kernel walks one and probes the other.
        _mapA = Enumerable.Range(0, 2 * D).ToDictionary(k => k, k => k < D ? _x[k] : 1.0);
        _mapB = Enumerable.Range(D, 2 * D).ToDictionary(k => k - D, k => k < 2 * D ? _y[k - D] : 2.0);
    }

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double mx = 0, my = 0;
        for (var i = 0; i < _x.Length; i++) { mx += _x[i]; my += _y[i]; }
        mx /= _x.Length;
        my /= _y.Length;
        double cov = 0, vx = 0, vy = 0;
        for (var i = 0; i < _x.Length; i++)
        {
            double dx = _x[i] - mx, dy = _y[i] - my;
            cov += dx * dy;
            vx += dx * dx;
            vy += dy * dy;
        }
        return Math.Max(0, cov / Math.Sqrt(vx * vy));
    }

    [Benchmark]
    public double KernelSpan() => SimilarityKernels.Pearson(_x, _y, shrinkage: 10);

    [Benchmark]
    public double MathNet() => Math.Max(0, global::MathNet.Numerics.Statistics.Correlation.Pearson(_x, _y));

    [Benchmark]
    public double KernelRatingMaps() => SimilarityKernels.Pearson(_mapA, _mapB, shrinkage: 10);
}
