using System.Collections.ObjectModel;
using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Kernels;

public class PearsonTests
{
    [Fact]
    public void Span_matches_MathNet_with_shrinkage() =>
        Gen.Select(Generators.VectorPair(range: 5), Generators.Shrinkage).Sample(t =>
        {
            var ((x, y), lambda) = t;
            Assert.Equal(Reference.Pearson(x, y, lambda), SimilarityKernels.Pearson(x, y, lambda), 1e-10);
        });

    [Fact]
    public void Rating_maps_match_MathNet_over_co_rated_keys() =>
        Gen.Select(Generators.RatingMaps(), Generators.Shrinkage).Sample(t =>
        {
            var ((a, b), lambda) = t;
            Assert.Equal(Reference.Pearson(a, b, lambda), SimilarityKernels.Pearson(a, b, lambda), 1e-10);
        });

    [Fact]
    public void Rating_maps_behind_an_interface_match_concrete_dictionaries() =>
        Generators.RatingMaps().Sample((a, b) =>
            Assert.Equal(SimilarityKernels.Pearson(a, b), SimilarityKernels.Pearson(new ReadOnlyDictionary<int, double>(a), new ReadOnlyDictionary<int, double>(b)), 1e-12));

    [Fact]
    public void Is_symmetric_and_within_unit_interval() =>
        Gen.Select(Generators.RatingMaps(), Generators.Shrinkage).Sample(t =>
        {
            var ((a, b), lambda) = t;
            var ab = SimilarityKernels.Pearson(a, b, lambda);
            Assert.InRange(ab, 0, 1);
            Assert.Equal(ab, SimilarityKernels.Pearson(b, a, lambda), 1e-12);
        });

    [Fact]
    public void Is_invariant_under_positive_affine_maps_of_either_series() =>
        Gen.Select(Generators.VectorPair(range: 5), Gen.Double[1e-3, 1e3], Gen.Double[-1e3, 1e3]).Sample(t =>
        {
            var ((x, y), k, offset) = t;
            var moved = x.Select(v => v * k + offset).ToArray();
            // The invariance is exact in real numbers; in doubles an offset that dwarfs the series' spread rounds the
            // spread away (x = [-1e-27, -5e-76] plus 2.07 is two equal numbers). Only series whose spread survives
            // the map, to a part in a million, can be compared.
            if (Math.Abs(Spread(moved) - k * Spread(x)) > 1e-6 * k * Spread(x))
                return;
            Assert.Equal(SimilarityKernels.Pearson(x, y), SimilarityKernels.Pearson(moved, y), 1e-8);
        });

    [Fact]
    public void Fewer_than_two_co_rated_keys_score_zero()
    {
        var a = new Dictionary<string, double> { ["x"] = 5, ["y"] = 1 };
        var b = new Dictionary<string, double> { ["x"] = 5, ["z"] = 1 };
        Assert.Equal(0, SimilarityKernels.Pearson(a, b));
        Assert.Equal(0, SimilarityKernels.Pearson(new Dictionary<string, double>(), b));
        Assert.Equal(0, SimilarityKernels.Pearson(new[] { 3.0 }, new[] { 4.0 }));
        Assert.Equal(0, SimilarityKernels.Pearson(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty));
    }

    [Fact]
    public void Two_perfectly_correlated_keys_score_one_before_shrinkage_and_n_over_n_plus_lambda_after()
    {
        var a = new Dictionary<string, double> { ["x"] = 1, ["y"] = 4 };
        var b = new Dictionary<string, double> { ["x"] = 2, ["y"] = 5, ["z"] = 3 };
        Assert.Equal(1, SimilarityKernels.Pearson(a, b), 12);
        Assert.Equal(2.0 / (2 + 8), SimilarityKernels.Pearson(a, b, shrinkage: 8), 12);
    }

    [Fact]
    public void A_series_without_variance_scores_zero_not_NaN() =>
        Assert.Equal(0, SimilarityKernels.Pearson(new[] { 3.0, 3, 3 }, new[] { 1.0, 2, 3 }));

    [Fact]
    public void Anticorrelation_is_clamped_to_zero() =>
        Assert.Equal(0, SimilarityKernels.Pearson(new[] { 1.0, 2, 3 }, new[] { 3.0, 2, 1 }));

    [Fact]
    public void Ratings_with_a_large_common_offset_keep_their_precision()
    {
        // One-pass sums of squares cancel catastrophically here; the two-pass kernel must not.
        var x = new[] { 1e9 + 1, 1e9 + 2, 1e9 + 4 };
        var y = new[] { 1.0, 2, 4 };
        Assert.Equal(1, SimilarityKernels.Pearson(x, y), 12);
    }

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    [InlineData(3e307)] // the sum of the series overflows
    public void Extreme_magnitudes_give_the_same_correlation_not_NaN(double k)
    {
        double[] x = { 1, 3, 2, 5 }, y = { 2, 3, 1, 6 };
        var expected = Reference.Pearson(x, y, 0);
        var scaled = x.Select(v => v * k).ToArray();
        Assert.Equal(expected, SimilarityKernels.Pearson(scaled, y), 1e-9);
        var mapA = scaled.Select((v, i) => (v, i)).ToDictionary(p => p.i, p => p.v);
        var mapB = y.Select((v, i) => (v, i)).ToDictionary(p => p.i, p => p.v);
        Assert.Equal(expected, SimilarityKernels.Pearson(mapA, mapB), 1e-9);
    }

    [Fact]
    public void Mismatched_lengths_throw() =>
        Assert.Contains("Mismatched dimensions", Assert.Throws<ArgumentException>(() => SimilarityKernels.Pearson(new double[3], new double[2])).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_ratings_throw_naming_the_key_or_index(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Pearson(new[] { 1.0, bad, 3 }, new[] { 1.0, 2, 3 }));
        Assert.Contains("x[1]", e.Message, StringComparison.Ordinal);
        var a = new Dictionary<string, double> { ["x"] = 1, ["y"] = 2, ["z"] = 3 };
        var b = new Dictionary<string, double> { ["x"] = 1, ["y"] = bad, ["z"] = 3, ["w"] = 0 };
        e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Pearson(a, b));
        Assert.Contains("b[y]", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Pearson(b, a));
        Assert.Contains("a[y]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_value_is_rejected_even_when_too_few_pairs_would_score_zero() =>
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Pearson(new[] { double.NaN }, new[] { 1.0 }));

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_shrinkage_throws_naming_it(double lambda)
    {
        Assert.Equal("shrinkage", Assert.Throws<ArgumentException>(() => SimilarityKernels.Pearson(new[] { 1.0, 2 }, new[] { 1.0, 2 }, lambda)).ParamName);
        Assert.Equal("shrinkage", Assert.Throws<ArgumentException>(() => SimilarityKernels.Pearson(new Dictionary<int, double>(), new Dictionary<int, double>(), lambda)).ParamName);
    }

    private static double Spread(double[] values) => values.Length == 0 ? 0 : values.Max() - values.Min();
}
