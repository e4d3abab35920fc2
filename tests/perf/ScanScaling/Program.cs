using System.Diagnostics;
using System.Numerics.Tensors;
using PersonaAnalyzers;
using PersonaAnalyzers.Runtime.Tests.Population;

// Usage: ScanScaling [rounds=12] [rows=1000000] [dimension=128] [storage=Float32]
// The index scan's 2-core speed-up over 1 core, measured with its control — a plain TensorPrimitives.Sum over the same
// bytes, on one thread and split across two — interleaved in every round: each round times 15 searches on a 1-core
// index, 15 on a 2-core index, 15 one-thread sums and 15 two-thread sums, and prints the medians. The machine's memory
// bandwidth changes from minute to minute (docs/performance.md); a ratio is only meaningful against the control
// measured next to it.
if (args.Length > 4 || args.Contains("--help"))
{
    Console.Error.WriteLine("usage: ScanScaling [rounds=12] [rows=1000000] [dimension=128] [storage=Float32|Float16|Int8]");
    return 2;
}
var rounds = PositiveArgument(0, "rounds", 12);
var rowCount = PositiveArgument(1, "rows", 1_000_000);
var dimension = PositiveArgument(2, "dimension", 128);
var storage = PopulationStorage.Float32;
if (args.Length > 3 && (!Enum.TryParse(args[3], ignoreCase: true, out storage) || !Enum.IsDefined(storage) || char.IsDigit(args[3][0])))
{
    Console.Error.WriteLine($"ScanScaling: storage must be Float32, Float16 or Int8, not '{args[3]}'");
    return 2;
}
if (rounds < 0 || rowCount < 0 || dimension < 0)
    return 2;

Console.WriteLine($"{rowCount:N0} x {dimension} {storage}, {Environment.ProcessorCount} cores, {rounds} rounds of 15 calls each (medians)");
var rows = PopulationData.Clustered(rowCount, dimension, clusters: 64, seed: 42);
var query = rows[rowCount / 2];
using var oneCore = Index(1);
using var twoCores = Index(2);
var sameBytes = new float[(long)rowCount * oneCore.BytesPerProfile / sizeof(float)];
for (var i = 0; i < sameBytes.Length; i++) sameBytes[i] = (i & 1023) * 1e-3f;
rows = null; // the source rows (another 512 MB at the defaults) are not needed past this point

// The first calls run while tiered compilation is still replacing the scan's code; they are not measured.
for (var i = 0; i < 40; i++)
{
    oneCore.Search(rowCount / 2, query, 10);
    twoCores.Search(rowCount / 2, query, 10);
}

var scanRatios = new List<double>();
var sumRatios = new List<double>();
Console.WriteLine("round   sum 1 / 2 threads (x)        scan 1 / 2 cores (x)");
for (var round = 1; round <= rounds; round++)
{
    var scan1 = Median(() => oneCore.Search(rowCount / 2, query, 10));
    var scan2 = Median(() => twoCores.Search(rowCount / 2, query, 10));
    var sum1 = Median(() => TensorPrimitives.Sum(sameBytes));
    var sum2 = Median(SumOnTwoThreads);
    scanRatios.Add(scan1 / scan2);
    sumRatios.Add(sum1 / sum2);
    Console.WriteLine($"{round,5}   {sum1,6:F2} / {sum2,6:F2} ms ({sum1 / sum2:F2})   {scan1,6:F2} / {scan2,6:F2} ms ({scan1 / scan2:F2})   scan at {sum1 / scan1:P0} of 1-thread read bandwidth");
}
var wide = Enumerable.Range(0, rounds).Where(r => sumRatios[r] >= 1.6).ToList();
Console.WriteLine($"scan speed-up: median {MedianOf(scanRatios):F2} (min {scanRatios.Min():F2}, max {scanRatios.Max():F2}); " +
                  $"two-thread sum speed-up: median {MedianOf(sumRatios):F2} (min {sumRatios.Min():F2}, max {sumRatios.Max():F2})");
Console.WriteLine(wide.Count == 0
    ? "in no round did the memory system give two threads 1.6x the bandwidth of one"
    : $"in the {wide.Count} round(s) where two threads read at >= 1.6x one thread's bandwidth, the scan's speed-up was " +
      string.Join(", ", wide.Select(r => scanRatios[r].ToString("F2"))));
return 0;

PopulationIndex<int> Index(int degree)
{
    var index = new PopulationIndex<int>(dimension, options: new PopulationIndexOptions
    {
        Storage = storage,
        MaxDegreeOfParallelism = degree,
        ParallelThreshold = 0,
        InitialCapacity = rowCount,
    });
    for (var i = 0; i < rows!.Length; i++) index.Add(i, rows[i]);
    return index;
}

float SumOnTwoThreads()
{
    var half = sameBytes.Length / 2;
    var sums = new float[2];
    Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 },
        p => sums[p] = TensorPrimitives.Sum(p == 0 ? sameBytes.AsSpan(0, half) : sameBytes.AsSpan(half)));
    return sums[0] + sums[1];
}

static double Median<T>(Func<T> call)
{
    var times = new double[15];
    for (var i = 0; i < times.Length; i++)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(call());
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    return MedianOf(times);
}

static double MedianOf(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

int PositiveArgument(int position, string name, int fallback)
{
    if (args.Length <= position)
        return fallback;
    if (int.TryParse(args[position], out var value) && value > 0)
        return value;
    Console.Error.WriteLine($"ScanScaling: {name} must be a positive whole number, not '{args[position]}'");
    return -1;
}
