using PersonaAnalyzers.Simulation;

namespace PersonaAnalyzers.Calibration.Tests;

public class ForumSimulatorTests
{
    private static readonly int[] Seeds = { 1, 2, 3, 4, 5 };

    private static ForumResult Run(int seed, double? rho = null, SubstitutionPolicy? policy = null)
    {
        var options = new ForumOptions { Users = 80, Seed = seed };
        if (rho is { } r) options.Rho = r;
        return ForumSimulator.Run(options, policy);
    }

    private static double MiddleRanks(ForumResult result)
    {
        var n = result.Ranks.Count;
        return result.Ranks.Skip(n / 3).Take(n / 3).Average(r => r.Error);
    }

    [Fact]
    public void The_U_shape_emerges_on_every_seed()
    {
        foreach (var seed in Seeds)
        {
            var result = Run(seed);
            var rank1 = result.Ranks[0].Error;
            Assert.True(result.Ranks.All(r => r.Error > result.SelfError), $"seed {seed}: Self is not the lowest error");
            Assert.True(result.SelfError < result.BaselineError, $"seed {seed}: the own profile does not beat no personalization");
            Assert.True(rank1 > result.BaselineError, $"seed {seed}: the most similar replacement ({rank1:0.000}) is not worse than no personalization ({result.BaselineError:0.000})");
            Assert.True(rank1 > MiddleRanks(result), $"seed {seed}: the most similar replacement ({rank1:0.000}) is not worse than the middle ranks ({MiddleRanks(result):0.000})");
            Assert.True(result.Ranks[^1].Error < rank1, $"seed {seed}: the least similar replacement is not better than the most similar");
        }
    }

    [Fact]
    public void Fine_preferences_fully_determined_by_the_coarse_interests_remove_the_harm()
    {
        // ρ = 1: a user's persuasion preferences are their community's, which their topic mix reveals. Same seed, same
        // users, same topics: only the mechanism that ties preferences to interests changes.
        var helped = 0;
        double harmAtRho1 = 0;
        foreach (var seed in Seeds)
        {
            var partial = Run(seed);
            var full = Run(seed, rho: 1);
            Assert.True(full.Ranks[0].Error < partial.Ranks[0].Error, $"seed {seed}: ρ = 1 did not reduce the near-twin's error");
            if (full.Ranks[0].Error < full.BaselineError) helped++;
            harmAtRho1 += (full.Ranks[0].Error - full.BaselineError) / Seeds.Length;
        }
        Assert.True(helped >= 4, $"with ρ = 1 the most similar replacement beat no personalization on only {helped}/{Seeds.Length} seeds");
        Assert.True(harmAtRho1 < 0, $"with ρ = 1 the most similar replacement is worse than no personalization on average ({harmAtRho1:+0.000})");
    }

    [Fact]
    public void Ranks_are_ordered_by_similarity_most_similar_first()
    {
        var result = Run(1);
        Assert.Equal(79, result.Ranks.Count);
        for (var i = 1; i < result.Ranks.Count; i++)
            Assert.True(result.Ranks[i].Similarity <= result.Ranks[i - 1].Similarity);
        Assert.Equal(1, result.Ranks[0].Rank);
    }

    [Fact]
    public void Runs_are_deterministic_per_seed()
    {
        var a = Run(7);
        var b = Run(7);
        var c = Run(8);
        Assert.Equal(a.Ranks.Select(r => r.Error), b.Ranks.Select(r => r.Error));
        Assert.NotEqual(a.Ranks[0].Error, c.Ranks[0].Error);
    }

    [Fact]
    public void The_calibrated_guard_never_does_worse_than_no_personalization_by_more_than_noise()
    {
        var calibration = RiskCalibrator.Calibrate(Run(11).Observations, new RiskCalibratorOptions { BootstrapSamples = 50 });
        var guarded = Run(12, policy: calibration.ToPolicy()); // calibrated on one forum, judged on another
        foreach (var r in guarded.Ranks.Take(10))
        {
            Assert.True(r.GuardedError < r.Error, $"rank {r.Rank}: the guard did not reduce the error");
            Assert.True(r.GuardedError <= guarded.BaselineError * 1.01, $"rank {r.Rank}: guarded error {r.GuardedError:0.000} is worse than no personalization");
        }
    }

    [Fact]
    public void Observations_cover_every_pair_plus_one_baseline_and_self_per_target()
    {
        var result = Run(1);
        Assert.Equal(80 * 79, result.Observations.Count(o => o.Kind == ObservationKind.Substitute));
        Assert.Equal(80, result.Observations.Count(o => o.Kind == ObservationKind.Baseline));
        Assert.Equal(80, result.Observations.Count(o => o.Kind == ObservationKind.Self));
    }

    [Theory]
    [InlineData(nameof(ForumOptions.Users), 3)]
    [InlineData(nameof(ForumOptions.Rho), 1.5)]
    [InlineData(nameof(ForumOptions.Shrinkage), 0.0)]
    public void Bad_options_name_the_value(string name, double value)
    {
        var options = new ForumOptions();
        var property = typeof(ForumOptions).GetProperty(name)!;
        property.SetValue(options, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        var e = Assert.Throws<ArgumentException>(() => ForumSimulator.Run(options));
        Assert.Contains(name, e.Message);
    }
}
