using System;
using BenchmarkDotNet.Attributes;
using PersonaAnalyzers;

namespace PersonaAnalyzers.Benchmarks;

/// <summary>A one-feature Cosine profile: the generator turns it into <c>EmbeddingProfileGuard</c> at build time.</summary>
[PersonaProfile]
public sealed class EmbeddingProfile
{
    [PersonaKey] public int Id { get; set; }

    [PersonaFeature(SimilarityMetric.Cosine)] public float[]? Embedding { get; set; }
}

/// <summary>Target: the generated <c>Similarity</c> of a one-feature Cosine profile within 1.2x of calling the kernel
/// directly, with zero allocation. Run: <c>dotnet run -c Release --project tests/PersonaAnalyzers.Benchmarks -- --filter *GeneratedGuard*</c>.</summary>
[MemoryDiagnoser]
public class GeneratedGuardBenchmarks
{
    private EmbeddingProfile _a = null!;
    private EmbeddingProfile _b = null!;

    [Params(64, 384)]
    public int Dimensions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = new EmbeddingProfile { Id = 1, Embedding = Vector(random) };
        _b = new EmbeddingProfile { Id = 2, Embedding = Vector(random) };
        // Bring every path to its final tier before any is measured: with --inProcess all benchmarks share one process,
        // and the baseline, which runs first, was otherwise measured on code the JIT had not finished optimizing.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 200_000; i++)
            {
                Kernel();
                GeneratedSimilarity();
                GeneratedClassify();
            }
            System.Threading.Thread.Sleep(300);
        }
    }

    private float[] Vector(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        return vector;
    }

    [Benchmark(Baseline = true)]
    public double Kernel() => SimilarityKernels.Cosine(new ReadOnlySpan<float>(_a.Embedding), new ReadOnlySpan<float>(_b.Embedding));

    [Benchmark]
    public double GeneratedSimilarity() => EmbeddingProfileGuard.Similarity(_a, _b);

    [Benchmark]
    public SimilarityBand GeneratedClassify() => EmbeddingProfileGuard.Classify(_a, _b);
}
