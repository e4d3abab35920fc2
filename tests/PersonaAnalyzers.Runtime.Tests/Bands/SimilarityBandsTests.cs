using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Bands;

public class SimilarityBandsTests
{
    private static readonly Gen<SimilarityBands> AnyBands =
        Gen.Select(Gen.Double.Unit, Gen.Double.Unit).Where(t => t.Item1 != t.Item2)
            .Select(t => new SimilarityBands(Math.Max(t.Item1, t.Item2), Math.Min(t.Item1, t.Item2)));

    [Fact]
    public void Default_is_ordered_inside_the_unit_interval()
    {
        var d = SimilarityBands.Default;
        Assert.InRange(d.Distant, 0, 1);
        Assert.InRange(d.NearMatch, 0, 1);
        Assert.True(d.Distant < d.NearMatch);
    }

    [Fact]
    public void Classify_matches_the_inclusive_threshold_definition() =>
        Gen.Select(AnyBands, Gen.Double.Unit).Sample((bands, s) =>
        {
            var expected = s >= bands.NearMatch ? SimilarityBand.NearMatch : s <= bands.Distant ? SimilarityBand.Distant : SimilarityBand.Moderate;
            Assert.Equal(expected, bands.Classify(s));
        });

    [Fact]
    public void Classify_is_monotone_and_never_returns_Self() =>
        Gen.Select(AnyBands, Gen.Double.Unit, Gen.Double.Unit).Sample((bands, x, y) =>
        {
            var (lo, hi) = x <= y ? (x, y) : (y, x);
            // Distant (3) > Moderate (2) > NearMatch (1): a higher similarity never lands in a more distant band.
            Assert.True((int)bands.Classify(hi) <= (int)bands.Classify(lo));
            Assert.NotEqual(SimilarityBand.Self, bands.Classify(x));
        });

    [Fact]
    public void Thresholds_themselves_belong_to_the_outer_bands()
    {
        var bands = new SimilarityBands(0.8, 0.3);
        Assert.Equal(SimilarityBand.NearMatch, bands.Classify(0.8));
        Assert.Equal(SimilarityBand.Distant, bands.Classify(0.3));
        Assert.Equal(SimilarityBand.Moderate, bands.Classify(Math.BitDecrement(0.8)));
        Assert.Equal(SimilarityBand.NearMatch, bands.Classify(1));
        Assert.Equal(SimilarityBand.Distant, bands.Classify(0));
    }

    [Theory]
    [InlineData(double.NaN, 0.3, "nearMatch")]
    [InlineData(1.2, 0.3, "nearMatch")]
    [InlineData(double.PositiveInfinity, 0.3, "nearMatch")]
    [InlineData(0.8, -0.1, "distant")]
    [InlineData(0.8, double.NaN, "distant")]
    [InlineData(0.3, 0.8, "distant")]
    [InlineData(0.5, 0.5, "distant")]
    public void Thresholds_out_of_range_or_out_of_order_throw_naming_them(double nearMatch, double distant, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new SimilarityBands(nearMatch, distant));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Out_of_order_message_gives_both_values()
    {
        var e = Assert.Throws<ArgumentException>(() => new SimilarityBands(0.3, 0.8));
        Assert.Contains("0.3", e.Message, StringComparison.Ordinal);
        Assert.Contains("0.8", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Classify_rejects_a_similarity_outside_the_unit_interval(double s) =>
        Assert.Equal("similarity", Assert.Throws<ArgumentException>(() => SimilarityBands.Default.Classify(s)).ParamName);

    [Fact]
    public void Equality_is_by_thresholds()
    {
        Assert.Equal(new SimilarityBands(0.9, 0.2), new SimilarityBands(0.9, 0.2));
        Assert.Equal(new SimilarityBands(0.9, 0.2).GetHashCode(), new SimilarityBands(0.9, 0.2).GetHashCode());
        Assert.NotEqual(new SimilarityBands(0.9, 0.2), new SimilarityBands(0.9, 0.3));
    }
}
