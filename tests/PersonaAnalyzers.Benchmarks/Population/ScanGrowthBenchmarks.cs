using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Population;

/// <summary>How a one-core index search grows with population and dimension, each against the read bandwidth over the
/// same number of bytes. A memory-bound scan keeps a constant ratio; per-row overhead shows as a ratio that rises when
/// rows get short (small dimension).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class ScanGrowthBenchmarks : IDisposable
{
    private PopulationIndex<int>? _index;
    private float[] _sameBytes = Array.Empty<float>();
    private float[] _query = Array.Empty<float>();

    public static IEnumerable<Shape> Shapes() => new[]
    {
        new Shape(20_000, 128), new Shape(200_000, 128), new Shape(1_000_000, 128),
        new Shape(200_000, 32), new Shape(200_000, 512),
    };

    [ParamsSource(nameof(Shapes))]
    public Shape Population { get; set; } = new(1, 1);

    [GlobalSetup]
    public void Setup()
    {
        var rows = BenchmarkPopulation.Clustered(Population.Rows, Population.Dimension, seed: 3);
        _query = rows[0];
        _index = BenchmarkPopulation.Index(rows, PopulationStorage.Float32, degreeOfParallelism: 1);
        _sameBytes = new float[(long)Population.Rows * Population.Dimension];
        for (var i = 0; i < _sameBytes.Length; i++) _sameBytes[i] = (i & 1023) * 1e-3f;
    }

    [Benchmark(Baseline = true, Description = "read bandwidth (Sum over the same bytes)")]
    public float ReadBandwidth() => TensorPrimitives.Sum(_sameBytes);

    [Benchmark(Description = "index search, 1 core")]
    public int IndexScan() => _index!.Search(0, _query, 10).Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A population shape: rows × features.</summary>
    public sealed record Shape(int Rows, int Dimension)
    {
        /// <inheritdoc/>
        public override string ToString() => $"{Rows:N0}x{Dimension}";
    }
}
