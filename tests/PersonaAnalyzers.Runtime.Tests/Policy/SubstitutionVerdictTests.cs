using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Policy;

public class SubstitutionVerdictTests
{
    private static SubstitutionVerdict WithConfidence(double c) =>
        new(SimilarityBand.Moderate, 0.6, isSafe: c > 0, c, expectedRelativeError: 1 - c, "test");

    [Fact]
    public void Blend_is_the_convex_combination_and_stays_between_its_inputs() =>
        Gen.Select(Gen.Double.Unit, Gen.Double[-1e6, 1e6], Gen.Double[-1e6, 1e6]).Sample((c, personalized, prior) =>
        {
            var blended = WithConfidence(c).Blend(personalized, prior);
            Assert.Equal(c * personalized + (1 - c) * prior, blended, 1e-9);
            Assert.InRange(blended, Math.Min(personalized, prior) - 1e-9, Math.Max(personalized, prior) + 1e-9);
        });

    [Fact]
    public void Blend_at_the_extremes_returns_one_input()
    {
        Assert.Equal(3.5, WithConfidence(1).Blend(3.5, -2));
        Assert.Equal(-2, WithConfidence(0).Blend(3.5, -2));
        Assert.Equal(-2, default(SubstitutionVerdict).Blend(3.5, -2)); // an unset verdict trusts only the prior
    }

    [Fact]
    public void Vector_blend_matches_the_scalar_blend_element_by_element() =>
        Gen.Select(Gen.Double.Unit, Gen.Int[0, 50].SelectMany(n => Gen.Select(Gen.Double[-10, 10].Array[n], Gen.Double[-10, 10].Array[n]))).Sample(t =>
        {
            var (c, (personalized, prior)) = t;
            var v = WithConfidence(c);
            var destination = new double[personalized.Length];
            v.Blend(personalized, prior, destination);
            for (var i = 0; i < destination.Length; i++)
                Assert.Equal(v.Blend(personalized[i], prior[i]), destination[i]);
        });

    [Fact]
    public void Blend_rejects_non_finite_scores_and_mismatched_lengths()
    {
        var v = WithConfidence(0.5);
        Assert.Equal("personalized", Assert.Throws<ArgumentException>(() => v.Blend(double.NaN, 1)).ParamName);
        Assert.Equal("prior", Assert.Throws<ArgumentException>(() => v.Blend(1, double.NegativeInfinity)).ParamName);
        Assert.Contains("prior[1]", Assert.Throws<ArgumentException>(() => v.Blend(new double[] { 1, 2 }, new[] { 1, double.NaN }, new double[2])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => v.Blend(new double[2], new double[3], new double[2]));
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => v.Blend(new double[2], new double[2], new double[1])).ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 0.5, 0.5, "similarity")]
    [InlineData(1.5, 0.5, 0.5, "similarity")]
    [InlineData(0.5, -0.1, 0.5, "confidence")]
    [InlineData(0.5, double.NaN, 0.5, "confidence")]
    [InlineData(0.5, 0.5, -1, "expectedRelativeError")]
    [InlineData(0.5, 0.5, double.PositiveInfinity, "expectedRelativeError")]
    public void Construction_validates_every_number(double similarity, double confidence, double error, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => new SubstitutionVerdict(SimilarityBand.Moderate, similarity, true, confidence, error, "r")).ParamName);

    [Fact]
    public void Equality_covers_every_field()
    {
        var a = new SubstitutionVerdict(SimilarityBand.Moderate, 0.6, true, 0.4, 0.6, "r");
        Assert.Equal(a, new SubstitutionVerdict(SimilarityBand.Moderate, 0.6, true, 0.4, 0.6, "r"));
        Assert.NotEqual(a, new SubstitutionVerdict(SimilarityBand.Moderate, 0.6, true, 0.4, 0.6, "other reason"));
        Assert.NotEqual(a, new SubstitutionVerdict(SimilarityBand.Distant, 0.6, true, 0.4, 0.6, "r"));
        Assert.Equal(string.Empty, default(SubstitutionVerdict).Reason);
    }
}
