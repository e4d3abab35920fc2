namespace PersonaAnalyzers.Calibration.Tests;

public class RiskCalibratorTests
{
    private const double Effect = 0.05; // RiskCalibratorOptions.MaterialEffect default: decides whether a region exists

    // A U: harmful for distant users, helpful in the middle, harmful again for near-twins.
    private static double U(double s) => 1 + 6 * (s - 0.3) * (s - 0.8);

    [Fact]
    public void U_shaped_curve_recovers_both_thresholds()
    {
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 3000, 0.3, seed: 11));
        const double nearMatch = 0.8, distant = 0.3; // where U crosses the baseline
        Assert.InRange(c.Bands.NearMatch, nearMatch - 0.04, nearMatch + 0.04);
        Assert.InRange(c.Bands.Distant, distant - 0.04, distant + 0.04);
        Assert.True(c.HasNearMatchRegion);
        Assert.True(c.HasModerateBand);
        Assert.True(c.NearMatchInterval.Contains(c.Bands.NearMatch) || Math.Abs(c.NearMatchInterval.Lower - c.Bands.NearMatch) < 0.01);
    }

    [Fact]
    public void Curve_hovering_at_the_baseline_before_its_dip_gets_the_dip_as_distant_threshold()
    {
        // Flat at the baseline up to 0.4, a dip, then harm from 0.85: noise makes the fit cross and re-cross the
        // baseline on the flat stretch, which must not drag the threshold down with it.
        static double FlatThenDip(double s) => s < 0.4 ? 1 : s < 0.7 ? 1 - 2 * (s - 0.4) : 0.4 + 4 * (s - 0.7);
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(FlatThenDip, 4000, 0.2, seed: 31));
        // A smooth fit rounds the kink at 0.4 towards the flat side, so the estimate sits a little below it (the
        // bootstrap interval measures variance, not this smoothing bias; docs/calibration.md says so).
        Assert.InRange(c.Bands.Distant, 0.4 - 0.08, 0.4 + 0.03);
        Assert.InRange(c.Bands.NearMatch, 0.85 - 0.03, 0.85 + 0.03);
    }

    [Fact]
    public void Benefit_down_to_the_lowest_similarity_leaves_no_distant_band()
    {
        static double HelpsThenHarms(double s) => s < 0.6 ? 0.5 : 0.5 + 3 * (s - 0.6);
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(HelpsThenHarms, 2000, 0.2, seed: 32));
        Assert.Equal(0, c.Bands.Distant);
        Assert.True(c.DistantInterval.Contains(0));
        Assert.InRange(c.Bands.NearMatch, 0.6 + 0.5 / 3 - 0.03, 0.6 + 0.5 / 3 + 0.03);
    }

    [Fact]
    public void Monotone_decreasing_curve_has_no_near_match_region()
    {
        static double Decreasing(double s) => 1.2 - s;
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(Decreasing, 2000, 0.3, seed: 12));
        Assert.False(c.HasNearMatchRegion);
        Assert.Equal(1.0, c.Bands.NearMatch);
        Assert.InRange(c.Bands.Distant, 0.2 - 0.06, 0.2 + 0.06);
        Assert.True(c.DistantInterval.Contains(0.2), $"Distant interval {c.DistantInterval} misses 0.2");
        Assert.True(c.ToPolicy().Assess(0.9).IsSafe);
        Assert.False(c.ToPolicy().Assess(0.1).IsSafe);
    }

    [Fact]
    public void Increasing_harm_without_benefit_leaves_no_safe_band()
    {
        static double Harm(double s) => 1 + 1.5 * s * s;
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(Harm, 3000, 0.2, seed: 13));
        // The curve leaves the baseline tangentially at 0 and the harm becomes material (1 + δ) at √(δ/1.5): the
        // near-match band starts in between.
        Assert.InRange(c.Bands.NearMatch, 0, Math.Sqrt(Effect / 1.5));
        Assert.True(c.HasNearMatchRegion);
        Assert.False(c.HasModerateBand);
        var policy = c.ToPolicy();
        foreach (var s in new[] { 0.0, 0.1, 0.3, 0.6, 0.95 })
            Assert.False(policy.Assess(s).IsSafe);
    }

    [Fact]
    public void Flat_curve_at_the_baseline_has_neither_harm_nor_help()
    {
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(_ => 1.0, 2000, 0.2, seed: 14));
        Assert.False(c.HasNearMatchRegion);
        Assert.False(c.HasModerateBand);
        Assert.InRange(c.ExpectedRelativeError(0.5), 1 - Effect, 1 + Effect);
    }

    [Fact]
    public void Flat_helpful_curve_makes_every_similarity_safe()
    {
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(_ => 0.5, 2000, 0.2, seed: 15));
        Assert.False(c.HasNearMatchRegion);
        Assert.True(c.HasModerateBand);
        Assert.Equal(1.0, c.Bands.NearMatch);
        Assert.True(c.Bands.Distant <= 0.01);
        Assert.InRange(c.ExpectedRelativeError(0.5), 0.4, 0.6);
    }

    [Fact]
    public void Hump_that_never_harms_has_no_near_match_region()
    {
        static double Hump(double s) => 1 - 0.5 * Math.Sin(Math.PI * s);
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(Hump, 3000, 0.2, seed: 16));
        Assert.False(c.HasNearMatchRegion);
        Assert.InRange(c.Bands.Distant, 0, 0.08);
        Assert.InRange(c.ExpectedRelativeError(0.5), 0.4, 0.6);
    }

    [Fact]
    public void Thresholds_are_read_on_the_observed_range_only()
    {
        // Observations only between 0.4 and 0.9: the fit is not extrapolated beyond them.
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 2000, 0.2, seed: 17, minSimilarity: 0.4, maxSimilarity: 0.9));
        Assert.Equal(c.ExpectedError(0.4), c.ExpectedError(0.1), 12);
        Assert.True(c.MinSimilarity >= 0.4 && c.MaxSimilarity <= 0.9);
    }

    [Fact]
    public void Bootstrap_intervals_cover_the_true_thresholds_at_about_the_nominal_rate()
    {
        const double nearMatch = 0.8, distant = 0.3;
        int coveredNear = 0, coveredDistant = 0;
        const int replications = 20;
        for (var r = 0; r < replications; r++)
        {
            var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 1500, 0.4, seed: 100 + r),
                new RiskCalibratorOptions { BootstrapSamples = 200, Seed = r });
            if (c.NearMatchInterval.Contains(nearMatch)) coveredNear++;
            if (c.DistantInterval.Contains(distant)) coveredDistant++;
            Assert.True(c.NearMatchInterval.Upper - c.NearMatchInterval.Lower < 0.3, "the interval should be informative");
        }
        // 95% nominal; with 20 replications, fewer than 16 hits would be very unlikely for an honest interval.
        Assert.True(coveredNear >= 16, $"NearMatch covered in {coveredNear}/{replications}");
        Assert.True(coveredDistant >= 16, $"Distant covered in {coveredDistant}/{replications}");
    }

    [Fact]
    public void Intervals_narrow_with_more_data()
    {
        var small = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 400, 0.4, seed: 21));
        var large = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 6400, 0.4, seed: 21));
        static double Width(ConfidenceInterval i) => i.Upper - i.Lower;
        Assert.True(Width(large.NearMatchInterval) < Width(small.NearMatchInterval));
    }

    [Fact]
    public void Same_data_and_seed_give_the_same_result()
    {
        var data = SyntheticCurve.Draw(U, 800, 0.3, seed: 22);
        var a = RiskCalibrator.Calibrate(data);
        var b = RiskCalibrator.Calibrate(data);
        Assert.Equal(a.Bands, b.Bands);
        Assert.Equal(a.NearMatchInterval, b.NearMatchInterval);
    }

    [Fact]
    public void Without_self_observations_the_scale_comes_from_the_curve()
    {
        var data = SyntheticCurve.Draw(U, 2000, 0.2, seed: 23, selves: 0);
        var c = RiskCalibrator.Calibrate(data);
        Assert.Null(c.SelfError);
        Assert.True(c.HasNearMatchRegion);
        Assert.True(c.Bands.NearMatch > c.Bands.Distant);
    }

    [Fact]
    public void Risk_curve_and_policy_follow_the_fit()
    {
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 3000, 0.2, seed: 24));
        var curve = c.ToRiskCurve();
        Assert.Equal(c.ExpectedRelativeError(0.55), curve.ExpectedRelativeError(0.55), 2);
        var policy = c.ToPolicy();
        Assert.Equal(c.Bands, policy.Bands);
        var middle = policy.Assess(0.55);
        Assert.True(middle.IsSafe);
        Assert.InRange(middle.Confidence, 0.2, 0.5); // 1 − relative error ≈ 1 − 0.625
        Assert.False(policy.Assess(0.95).IsSafe);
        Assert.Equal(SimilarityBand.NearMatch, policy.Assess(0.95).Band);
    }

    [Fact]
    public void Safest_substitute_is_the_lowest_expected_error_not_the_most_similar()
    {
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 3000, 0.2, seed: 25));
        var candidates = new[] { 0.97, 0.9, 0.55, 0.45, 0.1 };
        Assert.Equal(2, c.SafestSubstitute(candidates));
        Assert.Equal(-1, c.SafestSubstitute(new[] { 0.97, 0.05 }));
    }

    [Fact]
    public void Bands_file_round_trips_with_intervals_and_provenance()
    {
        var c = RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 1000, 0.3, seed: 26));
        var json = c.ToBandsJson("logs.csv");
        Assert.Equal(c.Bands, SimilarityBands.Parse(json));
        Assert.Contains("\"nearMatchInterval\"", json);
        Assert.Contains("\"distantInterval\"", json);
        Assert.Contains("\"source\": \"logs.csv\"", json);
    }

    [Fact]
    public void No_baseline_is_a_clear_error()
    {
        var data = SyntheticCurve.Draw(U, 500, 0.2, seed: 27, baselines: 0);
        var e = Assert.Throws<ArgumentException>(() => RiskCalibrator.Calibrate(data));
        Assert.Contains("baseline", e.Message);
    }

    [Fact]
    public void Too_little_data_is_a_clear_error()
    {
        var data = SyntheticCurve.Draw(U, 12, 0.2, seed: 28);
        var e = Assert.Throws<ArgumentException>(() => RiskCalibrator.Calibrate(data));
        Assert.Contains("12 substitute observations", e.Message);
    }

    [Fact]
    public void Too_few_distinct_similarities_is_a_clear_error()
    {
        var data = new List<RiskObservation> { RiskObservation.Baseline(1), RiskObservation.Self(0) };
        for (var i = 0; i < 50; i++) data.Add(RiskObservation.Substitute(i % 2 == 0 ? 0.2 : 0.8, 0.5));
        var e = Assert.Throws<ArgumentException>(() => RiskCalibrator.Calibrate(data));
        Assert.Contains("2 distinct similarities", e.Message);
    }

    [Fact]
    public void Self_not_better_than_baseline_is_a_clear_error()
    {
        var data = SyntheticCurve.Draw(U, 500, 0.01, seed: 29, selves: 0);
        data.Add(RiskObservation.Self(1.5));
        var e = Assert.Throws<ArgumentException>(() => RiskCalibrator.Calibrate(data));
        Assert.Contains("not below the baseline", e.Message);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.5, 1.0)]
    [InlineData(0.5, double.PositiveInfinity)]
    public void Bad_observations_are_rejected_on_construction(double similarity, double error) =>
        Assert.Throws<ArgumentException>(() => RiskObservation.Substitute(similarity, error));

    [Fact]
    public void Bad_options_name_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            RiskCalibrator.Calibrate(SyntheticCurve.Draw(U, 500, 0.2, seed: 30), new RiskCalibratorOptions { BootstrapSamples = 3 }));
        Assert.Contains("BootstrapSamples", e.Message);
    }
}
