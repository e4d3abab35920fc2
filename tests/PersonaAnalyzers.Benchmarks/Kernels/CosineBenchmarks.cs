using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Kernels;

/// <summary>Cosine: the runtime kernel against TensorPrimitives (the baseline: target within 1.2x), a naive loop, and
/// MathNet's <c>Distance.Cosine</c> (target: at least 10x slower than the kernel).</summary>
[MemoryDiagnoser]
public class CosineBenchmarks
{
    private float[] _a = [], _b = [];
    private double[] _da = [], _db = [];

    [Params(64, 128, 768, 1536)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = (BenchmarkData.Floats(D, 1), BenchmarkData.Floats(D, 2));
        (_da, _db) = (BenchmarkData.Doubles(D, 1), BenchmarkData.Doubles(D, 2));
    }

    // The generic overload is the fast one; the non-generic float overload that plain overload resolution picks is
    // measured next to it.
    [Benchmark(Baseline = true)]
    public float TensorPrimitivesFloat() => TensorPrimitives.CosineSimilarity<float>(_a, _b);

    [Benchmark]
    public float TensorPrimitivesFloatNonGeneric() => TensorPrimitives.CosineSimilarity(new ReadOnlySpan<float>(_a), new ReadOnlySpan<float>(_b));

    [Benchmark]
    public double KernelFloat() => SimilarityKernels.Cosine(_a.AsSpan(), _b.AsSpan());

    [Benchmark]
    public double NaiveLoopFloat()
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < _a.Length; i++)
        {
            dot += _a[i] * _b[i];
            na += _a[i] * _a[i];
            nb += _b[i] * _b[i];
        }
        return Math.Max(0, dot / (Math.Sqrt(na) * Math.Sqrt(nb)));
    }

    [Benchmark]
    public double MathNetFloat() => Math.Max(0, 1 - MathNet.Numerics.Distance.Cosine(_a, _b));

    [Benchmark]
    public double TensorPrimitivesDouble() => TensorPrimitives.CosineSimilarity(_da, _db);

    [Benchmark]
    public double KernelDouble() => SimilarityKernels.Cosine(_da.AsSpan(), _db.AsSpan());

    [Benchmark]
    public double MathNetDouble() => Math.Max(0, 1 - MathNet.Numerics.Distance.Cosine(_da, _db));
}
