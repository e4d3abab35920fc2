using Xunit.Abstractions;

namespace PersonaAnalyzers.Runtime.Tests.Population;

/// <summary>Compact storage is acceptable only where it keeps band decisions identical on at least 99.9% of pairs.
/// Every pair of a population is classified twice: from the exact cosine of the original vectors (double precision)
/// and from the compact row as the index's scan sees it. The measured agreement is printed and recorded in
/// docs/performance.md.</summary>
public class CompactStorageAgreementTests(ITestOutputHelper output)
{
    private const double Required = 0.999;

    public static TheoryData<PopulationStorage, string> Cases() => new()
    {
        { PopulationStorage.Int8, "random" },
        { PopulationStorage.Int8, "clustered" },
        { PopulationStorage.Float16, "random" },
        { PopulationStorage.Float16, "clustered" },
        { PopulationStorage.Float32, "clustered" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Band_decisions_agree_with_the_exact_cosine_on_at_least_99_9_percent_of_pairs(PopulationStorage storage, string data)
    {
        const int n = 1_200, d = 128;
        var rows = data == "random" ? PopulationData.Random(n, d, seed: 21) : PopulationData.Clustered(n, d, clusters: 3, seed: 21);
        var bands = PopulationData.Policy.Bands;
        var store = RowStore.Create(storage, d, n);
        var units = rows.Select(PopulationData.Unit).ToArray();
        foreach (var unit in units) store.Append(unit);

        long pairs = 0, agree = 0, nearThreshold = 0, moderateOrNear = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var exact = SimilarityKernels.Cosine(new ReadOnlySpan<float>(rows[i]), new ReadOnlySpan<float>(rows[j]));
                var compact = RiskRanker.Similarity(store.Dot(units[i], j));
                var exactBand = bands.Classify(exact);
                pairs++;
                if (exactBand == bands.Classify(compact)) agree++;
                if (exactBand != SimilarityBand.Distant) moderateOrNear++;
                if (Math.Abs(exact - bands.NearMatch) < 0.01 || Math.Abs(exact - bands.Distant) < 0.01) nearThreshold++;
            }
        }

        var agreement = (double)agree / pairs;
        output.WriteLine($"{storage} on {data} data: {agree:N0} of {pairs:N0} pairs agree = {agreement:P4}; " +
                         $"{moderateOrNear:N0} pairs moderate or near-match, {nearThreshold:N0} within 0.01 of a threshold");
        // The clustered population must actually test something: many pairs close to the thresholds.
        if (data == "clustered") Assert.True(nearThreshold > pairs / 100, $"only {nearThreshold} pairs near a threshold");
        Assert.True(agreement >= Required, $"{storage} on {data} data agrees on {agreement:P4} of pairs, below {Required:P1}.");
    }

    [Fact]
    public void Int8_dot_matches_the_scalar_dot_of_its_codes_for_every_length()
    {
        // Lengths below 8, 8–15 and from 16 take the portable, the 256-bit and the 512-bit paths (where supported).
        var random = new Random(4);
        for (var length = 1; length < 300; length += 3)
        {
            var query = PopulationData.Gaussian(random, length, 1);
            var codes = new sbyte[2 * length];
            for (var k = 0; k < codes.Length; k++) codes[k] = (sbyte)random.Next(-128, 128);
            for (var row = 0; row < 2; row++)
            {
                double expected = 0;
                for (var k = 0; k < length; k++) expected += query[k] * codes[row * length + k];
                var tolerance = Math.Max(1e-3, Math.Abs(expected) * 1e-5);
                Assert.Equal(expected, Int8Dot.Dot(query, codes, row * length, length), tolerance);
                Assert.Equal(expected, Int8Dot.Portable(query, codes.AsSpan(row * length, length)), tolerance);
            }
        }
    }

    [Fact]
    public void Float16_dot_reads_every_finite_half_exactly()
    {
        // A one-hot query picks out one feature, so the dot must be that half converted to float, bit for bit
        // (±0 aside): this pins down the in-register conversion, subnormals and the largest halves included.
        const int d = 24; // 512-bit: one vector and a scalar tail; 256-bit: two vectors and one more
        var finite = Enumerable.Range(0, 1 << 16).Select(bits => BitConverter.Int16BitsToHalf((short)bits)).Where(Half.IsFinite).ToArray();
        var row = new Half[d];
        var query = new float[d];
        for (var first = 0; first < finite.Length; first += d)
        {
            for (var k = 0; k < d; k++) row[k] = finite[(first + k) % finite.Length];
            for (var k = 0; k < d; k++)
            {
                query[k] = 1;
                var expected = (float)row[k];
                var dot = HalfDot.Dot(query, row, 0, d);
                Assert.True(dot == expected, $"half 0x{BitConverter.HalfToInt16Bits(row[k]):X4} at feature {k}: dot {dot:R}, expected {expected:R}");
                query[k] = 0;
            }
        }
    }

    [Fact]
    public void Float32_scan_kernel_matches_a_scalar_dot_for_every_length_and_offset()
    {
        // Lengths below 8, 8–15 and from 16 take the portable, the 256-bit and the 512-bit paths respectively.
        var random = new Random(8);
        for (var length = 1; length < 200; length += 3)
        {
            var query = PopulationData.Gaussian(random, length, 1);
            var rows = PopulationData.Gaussian(random, 3 * length, 1);
            for (var row = 0; row < 3; row++)
            {
                double expected = 0;
                for (var k = 0; k < length; k++) expected += query[k] * rows[row * length + k];
                Assert.Equal(expected, UnitDot.Dot(query, rows, row * length, length), Math.Max(1e-4, Math.Abs(expected) * 1e-5));
            }
        }
    }
}
