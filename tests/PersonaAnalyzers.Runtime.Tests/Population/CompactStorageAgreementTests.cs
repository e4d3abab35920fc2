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
        var bands = SimilarityBands.Default;
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
        var random = new Random(4);
        for (var length = 1; length < 300; length += 7)
        {
            var query = PopulationData.Gaussian(random, length, 1);
            var codes = new sbyte[length];
            for (var k = 0; k < length; k++) codes[k] = (sbyte)random.Next(-127, 128);
            double expected = 0;
            for (var k = 0; k < length; k++) expected += query[k] * codes[k];
            Assert.Equal(expected, Int8RowStore.Dot(query, codes), Math.Max(1e-3, Math.Abs(expected) * 1e-5));
        }
    }
}
