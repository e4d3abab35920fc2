using System.Collections.ObjectModel;
using System.Runtime.Versioning;
using CsCheck;
using static PersonaAnalyzers.Runtime.Tests.NetStandardRuntime;

namespace PersonaAnalyzers.Runtime.Tests.Kernels;

/// <summary>The netstandard2.0 build's own code paths: the double-precision Cosine loop (TensorPrimitives has no
/// double overload there), the list loops (no CollectionsMarshal), and the kernels shared with net8.0, compiled for
/// netstandard2.0.</summary>
public class NetStandardFallbackTests
{
    private static readonly DoubleSpanKernel CosineDouble = Kernel<DoubleSpanKernel>("Cosine", typeof(ReadOnlySpan<double>), typeof(ReadOnlySpan<double>));
    private static readonly FloatSpanKernel CosineFloat = Kernel<FloatSpanKernel>("Cosine", typeof(ReadOnlySpan<float>), typeof(ReadOnlySpan<float>));
    private static readonly Func<IReadOnlyList<double>, IReadOnlyList<double>, double> CosineList =
        Kernel<Func<IReadOnlyList<double>, IReadOnlyList<double>, double>>("Cosine", typeof(IReadOnlyList<double>), typeof(IReadOnlyList<double>));
    private static readonly DoubleSpanKernel JensenShannon = Kernel<DoubleSpanKernel>("JensenShannon", typeof(ReadOnlySpan<double>), typeof(ReadOnlySpan<double>));
    private static readonly ShrunkSpanKernel<double> Pearson = Kernel<ShrunkSpanKernel<double>>("Pearson", typeof(ReadOnlySpan<double>), typeof(ReadOnlySpan<double>), typeof(double));
    private static readonly Func<IReadOnlyDictionary<int, double>, IReadOnlyDictionary<int, double>, double, double> PearsonMaps =
        GenericKernel<Func<IReadOnlyDictionary<int, double>, IReadOnlyDictionary<int, double>, double, double>>("Pearson", typeof(int), p => p[0].ParameterType.IsInterface);
    private static readonly ShrunkSpanKernel<int> JaccardSpan =
        GenericKernel<ShrunkSpanKernel<int>>("Jaccard", typeof(int), p => p[0].ParameterType.Name.StartsWith("ReadOnlySpan", StringComparison.Ordinal));
    private static readonly Func<IEnumerable<int>, IEnumerable<int>, double, double> JaccardSequences =
        GenericKernel<Func<IEnumerable<int>, IEnumerable<int>, double, double>>("Jaccard", typeof(int), p => p[0].ParameterType.IsInterface);

    [Fact]
    public void The_loaded_assembly_is_the_netstandard2_0_build()
    {
        var framework = Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false).Cast<TargetFrameworkAttribute>().Single();
        Assert.Equal(".NETStandard,Version=v2.0", framework.FrameworkName);
        Assert.NotSame(typeof(SimilarityKernels).Assembly, Assembly);
    }

    [Fact]
    public void Double_cosine_loop_matches_MathNet() =>
        Generators.VectorPair().Sample((a, b) =>
            Assert.Equal(Reference.Cosine(a, b), CosineDouble(a, b), 1e-12));

    [Fact]
    public void Float_cosine_matches_MathNet() =>
        Generators.FloatVectorPair().Sample((a, b) =>
            Assert.Equal(Reference.Cosine(Reference.ToDouble(a), Reference.ToDouble(b)), CosineFloat(a, b), 1e-5));

    [Fact]
    public void List_cosine_without_CollectionsMarshal_matches_MathNet() =>
        Generators.VectorPair().Sample((a, b) =>
        {
            Assert.Equal(Reference.Cosine(a, b), CosineList(a.ToList(), b.ToList()), 1e-12);
            Assert.Equal(Reference.Cosine(a, b), CosineList(new ReadOnlyCollection<double>(a), b), 1e-12);
        });

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e200)]
    public void Double_cosine_loop_survives_overflow_and_underflow(double k)
    {
        double[] a = { 3, -1, 2, 0.5 }, b = { 1, 2, 2, -4 };
        var scaled = a.Select(x => x * k).ToArray();
        Assert.Equal(Reference.Cosine(a, b), CosineDouble(scaled, b), 1e-9);
        Assert.Equal(Reference.Cosine(a, b), CosineList(scaled.ToList(), b.ToList()), 1e-9);
    }

    [Fact]
    public void Double_cosine_loop_scores_a_zero_vector_zero_and_rejects_bad_input()
    {
        Assert.Equal(0, CosineDouble(new double[3], new double[] { 1, 2, 3 }));
        Assert.Contains("b[1] is NaN", Assert.Throws<ArgumentException>(() => CosineDouble(new double[] { 1, 2 }, new[] { 1, double.NaN })).Message, StringComparison.Ordinal);
        Assert.Contains("a[0] is Infinity", Assert.Throws<ArgumentException>(() => CosineDouble(new[] { double.PositiveInfinity, 2 }, new double[] { 1, 1 })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CosineDouble(new double[2], new double[3]));
        Assert.Throws<ArgumentException>(() => CosineDouble(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty));
    }

    [Fact]
    public void Double_cosine_loop_allocates_nothing()
    {
        double[] a = Enumerable.Range(0, 768).Select(i => Math.Sin(i)).ToArray(), b = Enumerable.Range(0, 768).Select(i => Math.Cos(i)).ToArray();
        double sink = CosineDouble(a, b);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++) sink += CosineDouble(a, b);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink >= 0);
    }

    [Fact]
    public void Pearson_and_Jensen_Shannon_match_their_references() =>
        Gen.Select(Generators.VectorPair(range: 5), Generators.DistributionPair(), Generators.Shrinkage).Sample((xy, pq, lambda) =>
        {
            Assert.Equal(Reference.Pearson(xy.A, xy.B, lambda), Pearson(xy.A, xy.B, lambda), 1e-10);
            Assert.Equal(Reference.JensenShannon(pq.P, pq.Q), JensenShannon(pq.P, pq.Q), 1e-12);
        });

    [Fact]
    public void Pearson_over_rating_maps_matches_MathNet() =>
        Gen.Select(Generators.RatingMaps(), Generators.Shrinkage).Sample(t =>
        {
            var ((a, b), lambda) = t;
            Assert.Equal(Reference.Pearson(a, b, lambda), PearsonMaps(a, b, lambda), 1e-10);
        });

    [Fact]
    public void Jaccard_matches_the_set_definition_for_spans_sets_and_sequences() =>
        Gen.Select(Generators.SetPair(maxLength: 300), Generators.Shrinkage).Sample(t =>
        {
            var ((a, b), lambda) = t;
            var expected = Reference.Jaccard(a, b, lambda);
            Assert.Equal(expected, JaccardSpan(a, b, lambda), 1e-12);
            Assert.Equal(expected, JaccardSequences(a, b, lambda), 1e-12); // arrays forward to the span kernel
            Assert.Equal(expected, JaccardSequences(new HashSet<int>(a), b.ToList(), lambda), 1e-12);
        });
}
