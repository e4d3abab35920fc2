using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests;

public class SimilarityAccumulatorTests
{
    [Fact]
    public void Result_is_the_weighted_mean_of_the_features_added() =>
        Gen.Select(Gen.Double.Unit, Gen.Double[0.01, 10]).Array[1, 20].Sample(features =>
        {
            var acc = new SimilarityAccumulator();
            foreach (var (s, w) in features) acc.Add(s, w);
            var expected = features.Sum(f => f.Item1 * f.Item2) / features.Sum(f => f.Item2);
            Assert.Equal(expected, acc.Result, 1e-12);
            Assert.Equal(features.Length, acc.Count);
            Assert.Equal(features.Sum(f => f.Item2), acc.TotalWeight, 1e-12);
        });

    [Fact]
    public void A_feature_missing_from_either_profile_is_left_out_not_counted_as_zero()
    {
        // Gower: the profiles share two features (0.9 with weight 1, 0.6 with weight 2); the third is absent.
        var acc = new SimilarityAccumulator();
        acc.Add(0.9);
        acc.Add(0.6, 2);
        Assert.Equal((0.9 + 1.2) / 3, acc.Result, 15);
    }

    [Fact]
    public void No_shared_feature_scores_zero() => Assert.Equal(0, new SimilarityAccumulator().Result);

    [Theory]
    [InlineData(double.NaN, 1, "similarity")]
    [InlineData(1.5, 1, "similarity")]
    [InlineData(-0.1, 1, "similarity")]
    [InlineData(0.5, 0, "weight")]
    [InlineData(0.5, -1, "weight")]
    [InlineData(0.5, double.NaN, "weight")]
    [InlineData(0.5, double.PositiveInfinity, "weight")]
    public void Bad_feature_scores_and_weights_throw_naming_them(double similarity, double weight, string name)
    {
        var acc = new SimilarityAccumulator();
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => acc.Add(similarity, weight)).ParamName);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void Weights_whose_total_overflows_throw_rather_than_produce_NaN()
    {
        var acc = new SimilarityAccumulator();
        acc.Add(1, double.MaxValue);
        Assert.Throws<ArgumentException>(() => acc.Add(1, double.MaxValue));
        Assert.Equal(1, acc.Result);
    }
}
