using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Policy;

public class SubstitutionPolicyTests
{
    private static readonly Gen<SimilarityBands> AnyBands =
        Gen.Select(Gen.Double.Unit, Gen.Double.Unit).Where(t => Math.Abs(t.Item1 - t.Item2) > 1e-6)
            .Select(t => new SimilarityBands(Math.Max(t.Item1, t.Item2), Math.Min(t.Item1, t.Item2)));

    [Fact]
    public void Self_is_always_safe_with_full_confidence() =>
        Gen.Double.Unit.Sample(s =>
        {
            var v = SubstitutionPolicy.Default.Assess(SimilarityBand.Self, s);
            Assert.True(v.IsSafe);
            Assert.Equal(1, v.Confidence);
            Assert.Equal(SimilarityBand.Self, v.Band);
        });

    [Fact]
    public void Near_matches_and_distant_users_are_never_safe_and_get_no_confidence() =>
        Gen.Select(AnyBands, Gen.Double.Unit).Sample((bands, s) =>
        {
            var v = SubstitutionPolicy.For(bands).Assess(s);
            Assert.Equal(bands.Classify(s), v.Band);
            if (v.Band == SimilarityBand.Moderate) return;
            Assert.False(v.IsSafe);
            Assert.Equal(0, v.Confidence);
        });

    [Fact]
    public void Moderate_candidates_are_safe_exactly_when_the_risk_curve_beats_the_baseline() =>
        Gen.Select(AnyBands, Gen.Double.Unit).Sample((bands, s) =>
        {
            var policy = SubstitutionPolicy.For(bands);
            if (bands.Classify(s) != SimilarityBand.Moderate) return;
            var v = policy.Assess(s);
            var risk = policy.RiskCurve.ExpectedRelativeError(s);
            Assert.Equal(risk, v.ExpectedRelativeError);
            Assert.Equal(risk < 1, v.IsSafe);
            Assert.Equal(v.IsSafe ? 1 - risk : 0, v.Confidence, 15);
            // Declared bands get a curve that agrees with them: it dips below the baseline inside the moderate band.
            Assert.True(v.IsSafe, $"{bands}: moderate similarity {s} should be safe");
            Assert.InRange(v.Confidence, double.Epsilon, 1);
        });

    [Fact]
    public void Default_policy_follows_the_calibrated_curve_at_its_knots()
    {
        // Independent of the policy code: knots of the default curve, read from its public surface.
        var curve = RiskCurve.Default;
        for (var i = 0; i < curve.Similarities.Count; i++)
            Assert.Equal(curve.RelativeErrors[i], curve.ExpectedRelativeError(curve.Similarities[i]));
        foreach (var s in curve.Similarities)
            Assert.Equal(curve.ExpectedRelativeError(s), SubstitutionPolicy.Default.Assess(s).ExpectedRelativeError, 15);
    }

    // Bands as a user declares them; the default bands come from a forum where no substitute helped.
    private static readonly SubstitutionPolicy Declared = SubstitutionPolicy.For(new SimilarityBands(0.85, 0.35));

    [Fact]
    public void Confidence_peaks_inside_the_moderate_band_and_falls_toward_both_edges()
    {
        var policy = Declared;
        var bands = policy.Bands;
        var middle = policy.Assess((bands.NearMatch + bands.Distant) / 2).Confidence;
        Assert.True(policy.Assess(Math.BitIncrement(bands.Distant)).Confidence < middle);
        Assert.True(policy.Assess(Math.BitDecrement(bands.NearMatch)).Confidence < middle);
    }

    [Fact]
    public void Declared_bands_get_the_uninformed_curve_at_the_baseline_on_their_edges() =>
        AnyBands.Sample(bands =>
        {
            var curve = SubstitutionPolicy.For(bands).RiskCurve;
            Assert.Equal(1, curve.ExpectedRelativeError(bands.Distant), 12);
            Assert.Equal(1, curve.ExpectedRelativeError(bands.NearMatch), 12);
            Assert.Equal(1 - RiskCurve.UninformedBenefit, curve.ExpectedRelativeError((bands.Distant + bands.NearMatch) / 2), 12);
            Assert.Equal(1, curve.ExpectedRelativeError(bands.Distant / 2), 12);
            if (bands.NearMatch < 1)
                Assert.Equal(1 + RiskCurve.UninformedHarm, curve.ExpectedRelativeError(1), 12);
        });

    [Fact]
    public void For_the_default_bands_returns_the_default_policy() =>
        Assert.Same(SubstitutionPolicy.Default, SubstitutionPolicy.For(new SimilarityBands(SimilarityBands.Default.NearMatch, SimilarityBands.Default.Distant)));

    [Fact]
    public void Reasons_say_why()
    {
        Assert.Contains("near-match", Declared.Assess(0.95).Reason, StringComparison.Ordinal);
        Assert.Contains("distant", Declared.Assess(0.1).Reason, StringComparison.Ordinal);
        Assert.Contains("moderate", Declared.Assess(0.6).Reason, StringComparison.Ordinal);
        Assert.Contains("own profile", SubstitutionPolicy.Default.Assess(SimilarityBand.Self, 1).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_throws_naming_it()
    {
        Assert.Equal("similarity", Assert.Throws<ArgumentException>(() => SubstitutionPolicy.Default.Assess(double.NaN)).ParamName);
        Assert.Equal("similarity", Assert.Throws<ArgumentException>(() => SubstitutionPolicy.Default.Assess(SimilarityBand.Moderate, 1.1)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => SubstitutionPolicy.Default.Assess((SimilarityBand)7, 0.5));
        Assert.Equal("band", e.ParamName);
        Assert.Contains("7", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new SubstitutionPolicy(null!, RiskCurve.Default));
        Assert.Throws<ArgumentNullException>(() => SubstitutionPolicy.For(null!));
    }
}
