using System;
using System.Numerics.Tensors;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace PersonaAnalyzers.Benchmarks.Population;

/// <summary>One full search of a population too large for any cache, against the machine's read bandwidth measured in
/// the same run: <see cref="TensorPrimitives.Sum(ReadOnlySpan{float})"/> over as many bytes as the index's rows occupy.
/// Targets (1,000,000 × 128, float32): the 1-core scan at ≥ 70% of the 1-core read bandwidth (ratio ≤ 1.43), and the
/// 2-core scan ≥ 1.6× faster than the 1-core scan.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class IndexScanBenchmarks : IDisposable
{
    private PopulationIndex<int>? _oneCore;
    private PopulationIndex<int>? _twoCores;
    private float[] _sameBytes = Array.Empty<float>();
    private float[] _query = Array.Empty<float>();

    [Params(1_000_000)]
    public int Rows { get; set; }

    [Params(128)]
    public int Dimension { get; set; }

    [Params(PopulationStorage.Float32, PopulationStorage.Float16, PopulationStorage.Int8)]
    public PopulationStorage Storage { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rows = BenchmarkPopulation.Clustered(Rows, Dimension, seed: 42);
        _query = rows[Rows / 2];
        _oneCore = BenchmarkPopulation.Index(rows, Storage, degreeOfParallelism: 1);
        _twoCores = BenchmarkPopulation.Index(rows, Storage, degreeOfParallelism: 2);
        // The bandwidth probe reads exactly the bytes a scan of this storage reads.
        _sameBytes = new float[(long)Rows * _oneCore.BytesPerProfile / sizeof(float)];
        for (var i = 0; i < _sameBytes.Length; i++) _sameBytes[i] = (i & 1023) * 1e-3f;
    }

    [Benchmark(Baseline = true, Description = "read bandwidth, 1 core (Sum over the same bytes)")]
    public float ReadBandwidthOneCore() => TensorPrimitives.Sum(_sameBytes);

    [Benchmark(Description = "read bandwidth, 2 cores")]
    public float ReadBandwidthTwoCores()
    {
        var half = _sameBytes.Length / 2;
        var sums = new float[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            p => sums[p] = TensorPrimitives.Sum(p == 0 ? _sameBytes.AsSpan(0, half) : _sameBytes.AsSpan(half)));
        return sums[0] + sums[1];
    }

    [Benchmark(Description = "index search, 1 core")]
    public int IndexScanOneCore() => _oneCore!.Search(Rows / 2, _query, 10).Count;

    [Benchmark(Description = "index search, 2 cores")]
    public int IndexScanTwoCores() => _twoCores!.Search(Rows / 2, _query, 10).Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _oneCore?.Dispose();
        _twoCores?.Dispose();
        GC.SuppressFinalize(this);
    }
}
