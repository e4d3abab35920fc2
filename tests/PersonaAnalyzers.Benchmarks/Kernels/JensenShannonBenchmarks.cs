using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Kernels;

/// <summary>1 − Jensen–Shannon divergence over d outcomes: the kernel against a naive loop (baseline). MathNet has no
/// Jensen–Shannon divergence, so there is no MathNet column.</summary>
[MemoryDiagnoser]
public class JensenShannonBenchmarks
{
    private double[] _p = [], _q = [];
    private float[] _pf = [], _qf = [];

    [Params(64, 128, 768, 1536)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_p, _q) = (BenchmarkData.Masses(D, 7), BenchmarkData.Masses(D, 8));
        (_pf, _qf) = (Array.ConvertAll(_p, x => (float)x), Array.ConvertAll(_q, x => (float)x));
    }

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double sp = 0, sq = 0;
        for (var i = 0; i < _p.Length; i++) { sp += _p[i]; sq += _q[i]; }
        double js = 0;
        for (var i = 0; i < _p.Length; i++)
        {
            double p = _p[i] / sp, q = _q[i] / sq, m = (p + q) / 2;
            if (p > 0) js += 0.5 * p * Math.Log2(p / m);
            if (q > 0) js += 0.5 * q * Math.Log2(q / m);
        }
        return 1 - js;
    }

    [Benchmark]
    public double KernelDouble() => SimilarityKernels.JensenShannon(_p.AsSpan(), _q.AsSpan());

    [Benchmark]
    public double KernelFloat() => SimilarityKernels.JensenShannon(_pf.AsSpan(), _qf.AsSpan());
}
