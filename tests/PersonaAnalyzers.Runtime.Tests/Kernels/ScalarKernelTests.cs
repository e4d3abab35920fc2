using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Kernels;

/// <summary>The kernels over single values: Gaussian closeness, categorical equality, and support shrinkage.</summary>
public class ScalarKernelTests
{
    [Fact]
    public void Gaussian_matches_its_definition_and_is_symmetric() =>
        Gen.Select(Gen.Double[-1e3, 1e3], Gen.Double[-1e3, 1e3], Gen.Double[1e-2, 1e3]).Sample((a, b, scale) =>
        {
            var s = SimilarityKernels.Gaussian(a, b, scale);
            Assert.Equal(Reference.Gaussian(a, b, scale), s, 1e-14);
            Assert.Equal(s, SimilarityKernels.Gaussian(b, a, scale));
            Assert.InRange(s, 0, 1);
        });

    [Fact]
    public void Gaussian_is_one_at_equality_and_one_over_e_at_one_scale()
    {
        Assert.Equal(1, SimilarityKernels.Gaussian(42, 42, 3));
        Assert.Equal(1 / Math.E, SimilarityKernels.Gaussian(10, 13, 3), 15);
    }

    [Fact]
    public void Gaussian_of_values_whose_difference_overflows_is_zero_not_NaN() =>
        Assert.Equal(0, SimilarityKernels.Gaussian(double.MaxValue, -double.MaxValue, 1));

    [Theory]
    [InlineData(double.NaN, 0, 1, "a")]
    [InlineData(0, double.PositiveInfinity, 1, "b")]
    [InlineData(0, 1, 0, "scale")]
    [InlineData(0, 1, -2, "scale")]
    [InlineData(0, 1, double.NaN, "scale")]
    [InlineData(0, 1, double.PositiveInfinity, "scale")]
    public void Gaussian_bad_input_throws_naming_the_value(double a, double b, double scale, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => SimilarityKernels.Gaussian(a, b, scale));
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(name + " is ", e.Message, StringComparison.Ordinal);
    }

    private enum Genre { Rock, Jazz }

    [Fact]
    public void Categorical_is_equality_for_enums_bools_integers_and_ordinal_strings()
    {
        Assert.Equal(1, SimilarityKernels.Categorical(Genre.Jazz, Genre.Jazz));
        Assert.Equal(0, SimilarityKernels.Categorical(Genre.Jazz, Genre.Rock));
        Assert.Equal(1, SimilarityKernels.Categorical(true, true));
        Assert.Equal(0, SimilarityKernels.Categorical(7L, 8L));
        Assert.Equal(1, SimilarityKernels.Categorical("fr-CA", "fr-CA"));
        Assert.Equal(0, SimilarityKernels.Categorical("fr-CA", "FR-ca"));
        Assert.Equal(0, SimilarityKernels.Categorical("straße", "strasse")); // culture never decides
        Assert.Equal(1, SimilarityKernels.Categorical((string?)null, null));
        Assert.Equal(0, SimilarityKernels.Categorical("x", null));
    }

    [Fact]
    public void Categorical_agrees_with_equality_on_random_integers() =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5]).Sample((a, b) =>
            Assert.Equal(a == b ? 1.0 : 0.0, SimilarityKernels.Categorical(a, b)));

    [Fact]
    public void Shrink_is_s_times_n_over_n_plus_lambda() =>
        Gen.Select(Gen.Double.Unit, Gen.Int[0, 1000], Generators.Shrinkage).Sample((s, n, lambda) =>
        {
            var expected = lambda == 0 ? s : n == 0 ? 0 : s * n / (n + lambda);
            var shrunk = SimilarityKernels.Shrink(s, n, lambda);
            Assert.Equal(expected, shrunk, 1e-15);
            Assert.InRange(shrunk, 0, s * (1 + 1e-15)); // n/(n + λ) ≤ 1, up to one rounding
        });

    [Fact]
    public void Shrink_rejects_negative_support_and_bad_lambda()
    {
        Assert.Equal("support", Assert.Throws<ArgumentException>(() => SimilarityKernels.Shrink(0.5, -1, 1)).ParamName);
        Assert.Equal("shrinkage", Assert.Throws<ArgumentException>(() => SimilarityKernels.Shrink(0.5, 1, -1)).ParamName);
        // A public entry point: a NaN similarity must not pass through silently.
        Assert.Equal("similarity", Assert.Throws<ArgumentException>(() => SimilarityKernels.Shrink(double.NaN, 3, 1)).ParamName);
        Assert.Equal("similarity", Assert.Throws<ArgumentException>(() => SimilarityKernels.Shrink(1.5, 3, 0)).ParamName);
    }
}
