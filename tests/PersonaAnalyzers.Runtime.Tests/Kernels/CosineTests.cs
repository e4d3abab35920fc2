using System.Collections.ObjectModel;
using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Kernels;

public class CosineTests
{
    [Fact]
    public void Double_span_matches_MathNet() =>
        Generators.VectorPair().Sample((a, b) =>
            Assert.Equal(Reference.Cosine(a, b), SimilarityKernels.Cosine(a.AsSpan(), b.AsSpan()), 1e-12));

    [Fact]
    public void Float_span_matches_MathNet_within_float_precision() =>
        Generators.FloatVectorPair().Sample((a, b) =>
            Assert.Equal(Reference.Cosine(Reference.ToDouble(a), Reference.ToDouble(b)), SimilarityKernels.Cosine(a.AsSpan(), b.AsSpan()), 1e-5));

    [Theory]
    [InlineData(768)]
    [InlineData(1536)]
    public void Float_span_at_embedding_sizes_matches_MathNet(int d) =>
        Gen.Select(Gen.Float[-1f, 1f].Array[d], Gen.Float[-1f, 1f].Array[d], Gen.Float[0f, 0.5f]).Sample((a, b, offset) =>
        {
            // A common offset makes the vectors correlated, so the score is not always near 0.
            float[] x = a.Select(v => v + offset).ToArray(), y = b.Select(v => v + offset).ToArray();
            Assert.Equal(Reference.Cosine(Reference.ToDouble(x), Reference.ToDouble(y)), SimilarityKernels.Cosine(x.AsSpan(), y.AsSpan()), 1e-5);
        }, iter: 20);

    [Fact]
    public void Non_array_lists_take_the_loop_and_match_MathNet() =>
        Generators.VectorPair().Sample((a, b) =>
            Assert.Equal(Reference.Cosine(a, b), SimilarityKernels.Cosine(new ReadOnlyCollection<double>(a), new ReadOnlyCollection<double>(b)), 1e-12));

    [Fact]
    public void Float_lists_and_memory_agree_with_the_span_kernel() =>
        Generators.FloatVectorPair().Sample((a, b) =>
        {
            var expected = SimilarityKernels.Cosine(a.AsSpan(), b.AsSpan());
            Assert.Equal(expected, SimilarityKernels.Cosine(new ReadOnlyMemory<float>(a), new ReadOnlyMemory<float>(b)));
            Assert.Equal(Reference.Cosine(Reference.ToDouble(a), Reference.ToDouble(b)), SimilarityKernels.Cosine(new ReadOnlyCollection<float>(a), new ReadOnlyCollection<float>(b)), 1e-12);
            Assert.Equal(expected, SimilarityKernels.Cosine((IReadOnlyList<float>)a.ToList(), (IReadOnlyList<float>)b.ToList()), 1e-6);
        });

    [Fact]
    public void Is_symmetric_and_within_unit_interval() =>
        Generators.VectorPair().Sample((a, b) =>
        {
            var ab = SimilarityKernels.Cosine(a.AsSpan(), b.AsSpan());
            Assert.InRange(ab, 0, 1);
            Assert.Equal(ab, SimilarityKernels.Cosine(b.AsSpan(), a.AsSpan()), 1e-15);
        });

    [Fact]
    public void A_nonzero_vector_is_identical_to_itself() =>
        Gen.Double[-100, 100].Array[1, 200].Where(v => v.Any(x => x != 0)).Sample(a =>
            Assert.Equal(1, SimilarityKernels.Cosine(a.AsSpan(), a.AsSpan()), 1e-12));

    [Fact]
    public void Is_invariant_under_positive_scaling() =>
        Gen.Select(Generators.VectorPair(), Gen.Double[1e-3, 1e3]).Sample(t =>
        {
            var ((a, b), k) = t;
            var scaled = a.Select(x => x * k).ToArray();
            Assert.Equal(SimilarityKernels.Cosine(a.AsSpan(), b.AsSpan()), SimilarityKernels.Cosine(scaled.AsSpan(), b.AsSpan()), 1e-12);
        });

    [Theory]
    [InlineData(1e-200)] // squares underflow to 0 in double
    [InlineData(1e200)]  // squares overflow to ∞
    public void Extreme_magnitudes_do_not_change_the_score(double k)
    {
        double[] a = { 3, -1, 2, 0.5 }, b = { 1, 2, 2, -4 };
        var expected = Reference.Cosine(a, b);
        var scaled = a.Select(x => x * k).ToArray();
        Assert.Equal(expected, SimilarityKernels.Cosine(scaled.AsSpan(), b.AsSpan()), 1e-9);
        Assert.Equal(expected, SimilarityKernels.Cosine(b.AsSpan(), scaled.AsSpan()), 1e-9);
        Assert.Equal(expected, SimilarityKernels.Cosine(scaled.AsSpan(), b.Select(y => y * k).ToArray().AsSpan()), 1e-9);
        Assert.Equal(expected, SimilarityKernels.Cosine(new ReadOnlyCollection<double>(scaled), new ReadOnlyCollection<double>(b)), 1e-9);
    }

    [Fact]
    public void Lists_rescale_so_subnormal_squares_lose_no_precision()
    {
        // Squares of 1e-160 are subnormal. The list path rescales; the SIMD span path does not (see the kernel's remarks).
        double[] a = { 3e-160, -1e-160, 2e-160, 0.5e-160 }, b = { 1, 2, 2, -4 };
        Assert.Equal(Reference.Cosine(new double[] { 3, -1, 2, 0.5 }, b), SimilarityKernels.Cosine(new ReadOnlyCollection<double>(a), new ReadOnlyCollection<double>(b)), 1e-12);
    }

    [Theory]
    [InlineData(1e-25f)] // float squares underflow to 0
    [InlineData(1e25f)]  // float squares overflow to ∞
    public void Extreme_float_magnitudes_do_not_change_the_score(float k)
    {
        float[] a = { 3, -1, 2, 0.5f }, b = { 1, 2, 2, -4 };
        var expected = Reference.Cosine(Reference.ToDouble(a), Reference.ToDouble(b));
        var scaled = a.Select(x => x * k).ToArray();
        Assert.Equal(expected, SimilarityKernels.Cosine(scaled.AsSpan(), b.AsSpan()), 1e-6);
    }

    [Fact]
    public void Opposite_vectors_are_clamped_to_zero() =>
        Assert.Equal(0, SimilarityKernels.Cosine(new[] { 1.0, 2, 3 }.AsSpan(), new[] { -1.0, -2, -3 }.AsSpan()));

    [Fact]
    public void A_zero_vector_scores_zero_not_NaN()
    {
        Assert.Equal(0, SimilarityKernels.Cosine(new float[4].AsSpan(), new float[] { 1, 2, 3, 4 }.AsSpan()));
        Assert.Equal(0, SimilarityKernels.Cosine(new double[] { 1, 2 }.AsSpan(), new double[2].AsSpan()));
        Assert.Equal(0, SimilarityKernels.Cosine(new ReadOnlyCollection<double>(new double[3]), new ReadOnlyCollection<double>(new double[3])));
    }

    [Fact]
    public void Empty_vectors_throw_naming_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(new ReadOnlyCollection<double>([]), new ReadOnlyCollection<double>([])));
    }

    [Fact]
    public void Mismatched_dimensions_throw_with_both_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(new float[3].AsSpan(), new float[4].AsSpan()));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
        Assert.Contains("4", e.Message, StringComparison.Ordinal);
        Assert.Equal("b", e.ParamName);
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(new double[3].AsSpan(), new double[2].AsSpan()));
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(new ReadOnlyCollection<float>(new float[3]), new ReadOnlyCollection<float>(new float[2])));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_elements_throw_naming_the_element(double bad, string shown)
    {
        var a = new[] { 1.0, 2, 3, 4 };
        var b = new[] { 1.0, 2, bad, 4 };
        var e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(a.AsSpan(), b.AsSpan()));
        Assert.Contains($"b[2] is {shown}", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(b.Select(x => (float)x).ToArray().AsSpan(), a.Select(x => (float)x).ToArray().AsSpan()));
        Assert.Contains($"a[2] is {shown}", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(new ReadOnlyCollection<double>(a), new ReadOnlyCollection<double>(b)));
        Assert.Contains($"b[2] is {shown}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_element_next_to_a_zero_vector_still_throws()
    {
        // The zero vector alone makes the SIMD result NaN; the careful pass must still see the bad element.
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Cosine(new float[3].AsSpan(), new[] { 1f, float.NaN, 1f }.AsSpan()));
    }

    [Fact]
    public void Null_lists_throw_ArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => SimilarityKernels.Cosine((IReadOnlyList<double>)null!, new double[1]));
}
