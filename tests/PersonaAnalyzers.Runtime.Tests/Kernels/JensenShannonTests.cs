using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Kernels;

public class JensenShannonTests
{
    [Fact]
    public void Double_span_matches_the_textbook_definition() =>
        Generators.DistributionPair().Sample((p, q) =>
            Assert.Equal(Reference.JensenShannon(p, q), SimilarityKernels.JensenShannon(p.AsSpan(), q.AsSpan()), 1e-12));

    [Fact]
    public void Float_span_matches_the_textbook_definition() =>
        Generators.DistributionPair().Sample((p, q) =>
        {
            float[] pf = p.Select(v => (float)v).ToArray(), qf = q.Select(v => (float)v).ToArray();
            if (pf.Sum() <= 0 || qf.Sum() <= 0) return;
            Assert.Equal(Reference.JensenShannon(Reference.ToDouble(pf), Reference.ToDouble(qf)), SimilarityKernels.JensenShannon(pf.AsSpan(), qf.AsSpan()), 1e-12);
        });

    [Fact]
    public void Maps_match_dense_vectors_with_missing_outcomes_as_zero_mass() =>
        Generators.DistributionPair().Sample((p, q) =>
        {
            // Drop zero masses from the maps: a missing outcome must mean mass 0.
            var mp = p.Select((v, i) => (v, i)).Where(t => t.v > 0).ToDictionary(t => $"k{t.i}", t => t.v);
            var mq = q.Select((v, i) => (v, i)).Where(t => t.v > 0).ToDictionary(t => $"k{t.i}", t => t.v);
            Assert.Equal(Reference.JensenShannon(p, q), SimilarityKernels.JensenShannon(mp, mq), 1e-12);
        });

    [Fact]
    public void Is_symmetric_and_within_unit_interval() =>
        Generators.DistributionPair().Sample((p, q) =>
        {
            var pq = SimilarityKernels.JensenShannon(p.AsSpan(), q.AsSpan());
            Assert.InRange(pq, 0, 1);
            Assert.Equal(pq, SimilarityKernels.JensenShannon(q.AsSpan(), p.AsSpan()), 1e-14);
        });

    [Fact]
    public void Is_one_for_a_distribution_and_any_positive_multiple_of_it() =>
        Gen.Select(Generators.DistributionPair(), Gen.Double[1e-3, 1e3]).Sample(t =>
        {
            var ((p, _), k) = t;
            Assert.Equal(1, SimilarityKernels.JensenShannon(p.AsSpan(), p.Select(v => v * k).ToArray().AsSpan()), 1e-12);
        });

    [Fact]
    public void Disjoint_supports_score_exactly_zero() =>
        Assert.Equal(0, SimilarityKernels.JensenShannon(new[] { 1.0, 0 }.AsSpan(), new[] { 0.0, 1 }.AsSpan()), 15);

    [Fact]
    public void Half_overlapping_supports_score_one_half()
    {
        // P = (½, ½, 0), Q = (0, ½, ½): JS = ½ bit.
        Assert.Equal(0.5, SimilarityKernels.JensenShannon(new[] { 1.0, 1, 0 }.AsSpan(), new[] { 0.0, 1, 1 }.AsSpan()), 15);
    }

    [Fact]
    public void A_subnormal_mass_does_not_break_the_score()
    {
        // ½(p + 0) underflows to 0 for the smallest subnormal: log(p/m) must not become ∞.
        var p = new[] { 1.0, double.Epsilon };
        var q = new[] { 1.0, 0.0 };
        Assert.Equal(1, SimilarityKernels.JensenShannon(p.AsSpan(), q.AsSpan()), 12);
    }

    [Fact]
    public void Empty_and_mismatched_inputs_throw()
    {
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty)).ParamName);
        Assert.Contains("Mismatched", Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new[] { 1.0 }.AsSpan(), new[] { 1.0, 2 }.AsSpan())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new[] { 1f }.AsSpan(), new[] { 1f, 2f }.AsSpan()));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_mass_throws_naming_where_it_is(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new[] { 0.5, 0.5 }.AsSpan(), new[] { 0.5, bad }.AsSpan()));
        Assert.Contains("q[1]", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new[] { (float)bad, 1f }.AsSpan(), new[] { 1f, 1f }.AsSpan()));
        Assert.Contains("p[0]", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new Dictionary<string, double> { ["news"] = bad }, new Dictionary<string, double> { ["news"] = 1 }));
        Assert.Contains("p[news]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distribution_with_no_mass_or_an_overflowing_total_throws()
    {
        Assert.Contains("sums to 0", Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new[] { 0.0, 0 }.AsSpan(), new[] { 1.0, 0 }.AsSpan())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new[] { 1e308, 1e308 }.AsSpan(), new[] { 1.0, 0 }.AsSpan()));
        Assert.Throws<ArgumentException>(() => SimilarityKernels.JensenShannon(new Dictionary<int, double>(), new Dictionary<int, double> { [1] = 1 }));
    }
}
