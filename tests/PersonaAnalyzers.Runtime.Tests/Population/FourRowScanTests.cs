using System.Runtime.Intrinsics;

namespace PersonaAnalyzers.Runtime.Tests.Population;

/// <summary>The float32 scan scores four rows per step and pre-filters them with float bounds; the verdict for a kept
/// row is rebuilt from the one-row kernel and the double-precision band test. Both shortcuts must agree with the
/// slow path exactly, or a row could be ranked by one similarity and reported with another.</summary>
public class FourRowScanTests
{
    [Fact]
    public void Four_row_kernel_is_bit_identical_to_the_one_row_kernel_for_every_length()
    {
        var random = new Random(11);
        for (var length = 1; length < 300; length++)
        {
            if (!UnitDot.CanBatch(length)) continue;
            var query = PopulationData.Gaussian(random, length, 1);
            var rows = PopulationData.Gaussian(random, 5 * length, 1);
            for (var first = 0; first <= 1; first++)
            {
                var dots = UnitDot.Dot4(query, rows, first * length, length);
                for (var i = 0; i < 4; i++)
                {
                    var one = UnitDot.Dot(query, rows, (first + i) * length, length);
                    Assert.True(BitConverter.SingleToInt32Bits(one) == BitConverter.SingleToInt32Bits(dots.GetElement(i)),
                        $"length {length}, row {first + i}: four-row {dots.GetElement(i):R} vs one-row {one:R}");
                }
            }
        }
    }

    [Theory]
    [InlineData(0.85, 0.35)]
    [InlineData(0.055, 0.054)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.7000000001, 0.3333333333)]
    public void Float_prefilter_accepts_exactly_the_dots_the_band_test_accepts(double nearMatch, double distant)
    {
        var ranker = new RiskRanker(SubstitutionPolicy.For(new SimilarityBands(nearMatch, distant)));
        foreach (var threshold in new[] { nearMatch, distant, 0d, 1d })
        {
            // Every float within 64 ulps of the threshold, where rounding could make the two tests disagree.
            var dot = (float)threshold;
            for (var i = 0; i < 64; i++) dot = MathF.BitDecrement(dot);
            for (var i = 0; i < 128; i++, dot = MathF.BitIncrement(dot))
            {
                var similarity = RiskRanker.Similarity(dot);
                var inBand = similarity > distant && similarity < nearMatch;
                var passes = dot > ranker.LowerDot && dot < ranker.UpperDot;
                Assert.True(inBand == passes, $"dot {dot:R}: band test {inBand}, prefilter {passes}");
            }
        }
    }
}
