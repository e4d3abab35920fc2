using System.Runtime.Intrinsics;

namespace PersonaAnalyzers.Runtime.Tests.Population;

/// <summary>Every store's scan scores four rows per step and pre-filters them with float bounds; the verdict for a kept
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

    [Fact]
    public void Int8_four_row_kernel_is_bit_identical_to_the_one_row_kernel_for_every_length()
    {
        var random = new Random(12);
        var batched = 0;
        for (var length = 1; length < 300; length++)
        {
            if (!Int8Dot.CanBatch(length)) continue;
            batched++;
            var query = PopulationData.Unit(PopulationData.Gaussian(random, length, 1));
            var codes = new sbyte[7 * length];
            for (var k = 0; k < codes.Length; k++) codes[k] = (sbyte)random.Next(-128, 128);
            for (var first = 0; first <= 3; first++)
            {
                var dots = Int8Dot.Dot4(query, codes, first * length, length);
                for (var i = 0; i < 4; i++)
                    AssertSameBits(Int8Dot.Dot(query, codes, (first + i) * length, length), dots.GetElement(i), $"int8, length {length}, row {first + i}");
            }
        }
        Assert.True(batched > 0 || !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated, "no length took the four-row path");
    }

    [Fact]
    public void Float16_four_row_kernel_is_bit_identical_to_the_one_row_kernel_for_every_length()
    {
        var random = new Random(13);
        var batched = 0;
        for (var length = 1; length < 300; length++)
        {
            if (!HalfDot.CanBatch(length)) continue;
            batched++;
            var query = PopulationData.Unit(PopulationData.Gaussian(random, length, 1));
            var halves = new Half[7 * length];
            for (var row = 0; row < 7; row++)
            {
                // Unit rows, as the store holds them, with some exact zeros and subnormal-sized features mixed in.
                var unit = PopulationData.Unit(PopulationData.Gaussian(random, length, 1));
                for (var k = 0; k < length; k++)
                    halves[row * length + k] = (Half)(k % 11 == 3 ? 0f : k % 13 == 5 ? unit[k] * 1e-4f : unit[k]);
            }
            for (var first = 0; first <= 3; first++)
            {
                var dots = HalfDot.Dot4(query, halves, first * length, length);
                for (var i = 0; i < 4; i++)
                    AssertSameBits(HalfDot.Dot(query, halves, (first + i) * length, length), dots.GetElement(i), $"float16, length {length}, row {first + i}");
            }
        }
        Assert.True(batched > 0 || !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated, "no length took the four-row path");
    }

    [Theory]
    [InlineData(PopulationStorage.Float32, 128)]
    [InlineData(PopulationStorage.Float32, 13)]
    [InlineData(PopulationStorage.Int8, 128)]
    [InlineData(PopulationStorage.Int8, 37)]
    [InlineData(PopulationStorage.Int8, 5)]
    [InlineData(PopulationStorage.Float16, 128)]
    [InlineData(PopulationStorage.Float16, 37)]
    [InlineData(PopulationStorage.Float16, 5)]
    public void Scan_keeps_exactly_the_rows_a_one_row_scan_keeps(PopulationStorage storage, int dimension)
    {
        // Clustered rows put many dots inside the band and next to its edges; odd bounds exercise the one-row tails.
        const int n = 1_003;
        var rows = PopulationData.Clustered(n, dimension, clusters: 3, seed: 31);
        var store = RowStore.Create(storage, dimension, n);
        foreach (var row in rows) store.Append(PopulationData.Unit(row));
        var query = PopulationData.Unit(rows[17]);
        var ranker = new RiskRanker(PopulationData.Policy);
        foreach (var (start, end) in new[] { (0, n), (1, n - 1), (2, 9), (5, 6) })
        {
            var scanned = new TopRanked(n);
            store.Scan(query, start, end, skipRow: 17, ranker, scanned);
            var expected = new TopRanked(n);
            for (var row = start; row < end; row++)
                if (row != 17 && ranker.TryRank(store.Dot(query, row), out var risk)) expected.Offer(risk, row);
            Assert.Equal(expected.ToSorted(), scanned.ToSorted());
            if (start == 0) Assert.True(scanned.Count > n / 10, $"only {scanned.Count} rows in band: the test data does not test the filter");
        }
    }

    private static void AssertSameBits(float oneRow, float fourRow, string what) =>
        Assert.True(BitConverter.SingleToInt32Bits(oneRow) == BitConverter.SingleToInt32Bits(fourRow),
            $"{what}: four-row {fourRow:R} vs one-row {oneRow:R}");

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
