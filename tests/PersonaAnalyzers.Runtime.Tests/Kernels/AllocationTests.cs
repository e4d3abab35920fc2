namespace PersonaAnalyzers.Runtime.Tests.Kernels;

/// <summary>Every kernel call on its span and set paths allocates nothing. Counted, not timed: the benchmarks measure
/// speed, this guards the zero-allocation contract on every test run.</summary>
public class AllocationTests
{
    private static long AllocatedBy(Action call)
    {
        call(); // JIT, static initialisation, pools
        call();
        // ArrayPool.Shared drops its buffers when a gen-2 collection runs (other test classes run in parallel), and the
        // next rent allocates once. A per-call allocation shows in every attempt, a pool refill in one: the least of
        // three attempts is the kernel's own.
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 3 && least > 0; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 20; i++) call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1536)]
    public void Span_kernels_allocate_nothing(int d)
    {
        var rng = new Random(d);
        float[] fa = Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble()).ToArray(), fb = Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble()).ToArray();
        double[] da = fa.Select(x => (double)x).ToArray(), db = fb.Select(x => (double)x).ToArray();
        int[] ia = Enumerable.Range(0, d).Select(_ => rng.Next(2 * d)).ToArray(), ib = Enumerable.Range(0, d).Select(_ => rng.Next(2 * d)).ToArray();
        string[] sa = ia.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), sb = ib.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var zero = new float[d];
        double sink = 0;
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Cosine(fa.AsSpan(), fb.AsSpan())));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Cosine(da.AsSpan(), db.AsSpan())));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Cosine(zero.AsSpan(), fb.AsSpan()))); // zero vector: the careful path
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Pearson(da, db, 5)));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.JensenShannon(da.AsSpan(), db.AsSpan())));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.JensenShannon(fa.AsSpan(), fb.AsSpan())));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Jaccard<int>(ia.AsSpan(), ib.AsSpan(), 2)));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Jaccard<string>(sa.AsSpan(), sb.AsSpan())));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Gaussian(da[0], db[0], 0.5)));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Categorical(ia[0], ib[0])));
        Assert.True(sink >= 0);
    }

    [Fact]
    public void Set_and_map_paths_allocate_nothing()
    {
        var a = new HashSet<int>(Enumerable.Range(0, 300));
        var b = new HashSet<int>(Enumerable.Range(150, 300));
        var ra = Enumerable.Range(0, 300).ToDictionary(i => i, i => (double)(i % 7));
        var rb = Enumerable.Range(100, 300).ToDictionary(i => i, i => (double)(i % 5));
        double sink = 0;
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Jaccard(a, b, 3)));
        Assert.Equal(0, AllocatedBy(() => sink += SimilarityKernels.Pearson(ra, rb, 3)));
        Assert.True(sink >= 0);
    }
}
