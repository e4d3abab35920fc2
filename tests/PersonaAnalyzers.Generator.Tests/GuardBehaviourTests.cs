using System.Linq;
using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests;

/// <summary>Compile-and-run: weighted profiles, Self by identity, verdicts and the safest substitute.</summary>
public sealed class GuardBehaviourTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Linq;
        using PersonaAnalyzers;

        namespace People
        {
            [PersonaProfile(NearMatch = 0.85, Distant = 0.35)]
            public sealed class Keyed
            {
                [PersonaKey] public string? Id { get; set; }
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double Score { get; set; }
            }

            [PersonaProfile]
            public sealed class Unkeyed
            {
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double Score { get; set; }
            }

            [PersonaProfile]
            public struct Point
            {
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double Score;
            }

            [PersonaProfile(NearMatch = 0.85, Distant = 0.35)]
            public record struct KeyedPoint
            {
                [PersonaKey] public int Id { get; set; }
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double Score { get; set; }
            }

            [PersonaProfile]
            public sealed class Mixed
            {
                [PersonaFeature(SimilarityMetric.Cosine, Weight = 2)] public double[]? Embedding { get; set; }
                [PersonaFeature(SimilarityMetric.Jaccard)] public string[]? Tags { get; set; }
                [PersonaFeature(SimilarityMetric.Categorical, Weight = 0.5)] public string? Country { get; set; }
            }

            // Users may add members to a guard: it is partial.
            public static partial class KeyedGuard
            {
                public static bool IsNearMatch(Keyed target, Keyed candidate) => Classify(target, candidate) == SimilarityBand.NearMatch;
            }

            // Every overload of SafestSubstitute, called the way user code would call it.
            public static class Probe
            {
                public static Keyed? ViaArray(Keyed target, Keyed[] candidates) => KeyedGuard.SafestSubstitute(target, candidates);
                public static Keyed? ViaSpan(Keyed target, Keyed[] candidates) => KeyedGuard.SafestSubstitute(target, new System.ReadOnlySpan<Keyed>(candidates));
                public static Keyed? ViaList(Keyed target, Keyed[] candidates) => KeyedGuard.SafestSubstitute(target, new List<Keyed>(candidates));
                public static Keyed? ViaEnumerable(Keyed target, Keyed[] candidates) => KeyedGuard.SafestSubstitute(target, candidates.Where(_ => true));
                public static Keyed? ViaCollectionExpression(Keyed target, Keyed a, Keyed b) => KeyedGuard.SafestSubstitute(target, [a, b]);
                public static KeyedPoint? StructViaArray(KeyedPoint target, KeyedPoint[] candidates) => KeyedPointGuard.SafestSubstitute(target, candidates);
            }
        }
        """;

    private static readonly System.Lazy<GeneratedGuards> Guards = new(() => GeneratedGuards.Compile(Source));

    private static GeneratedGuards G => Guards.Value;

    // Keyed and KeyedPoint declare these bands; their policy is the runtime's uninformed curve for them, whose expected
    // error is lowest in the middle of the moderate band (RiskCurve.ForBands).
    private static readonly SubstitutionPolicy KeyedPolicy = SubstitutionPolicy.For(new SimilarityBands(0.85, 0.35));
    private const double Safest = 0.6;

    /// <summary>A Gaussian distance (scale 1) that yields the given similarity: exp(−d²) = s.</summary>
    private static double Distance(double similarity) => System.Math.Sqrt(-System.Math.Log(similarity));

    private static object Keyed(string? id, double score) => G.Profile("People.Keyed", ("Id", id), ("Score", score));

    [Fact]
    public void A_mixed_profile_is_the_weighted_mean_of_its_features()
    {
        var a = G.Profile("People.Mixed", ("Embedding", new double[] { 1, 0 }), ("Tags", new[] { "a", "b" }), ("Country", "fr"));
        var b = G.Profile("People.Mixed", ("Embedding", new double[] { 1, 1 }), ("Tags", new[] { "b", "c" }), ("Country", "fr"));
        var expected = (2 * System.Math.Sqrt(0.5) + 1.0 / 3 + 0.5 * 1) / 3.5;
        Assert.Equal(expected, G.Similarity("People.MixedGuard", a, b), 12);

        var explained = G.Call<object>("People.MixedGuard", "Explain", a, b);
        Assert.Equal(System.Math.Sqrt(0.5), G.Property<double>("People.MixedSimilarity", explained, "Embedding"), 12);
        Assert.Equal(1.0 / 3, G.Property<double>("People.MixedSimilarity", explained, "Tags"), 12);
        Assert.Equal(1, G.Property<double>("People.MixedSimilarity", explained, "Country"));
        Assert.Equal(expected, G.Property<double>("People.MixedSimilarity", explained, "Overall"), 12);
        Assert.Equal("Embedding 0.707, Tags 0.333, Country 1; Overall 0.642", explained.ToString());
    }

    [Fact]
    public void Explain_s_overall_is_exactly_the_similarity()
    {
        var pairs = new[]
        {
            ("People.Keyed", Keyed("a", 0), Keyed("b", 0.3)),
            ("People.Unkeyed", G.Profile("People.Unkeyed", ("Score", 1.0)), G.Profile("People.Unkeyed", ("Score", 2.7))),
            ("People.Mixed", G.Profile("People.Mixed", ("Embedding", new double[] { 1, 2 }), ("Country", "fr")),
                             G.Profile("People.Mixed", ("Embedding", new double[] { 3, 1 }), ("Tags", new[] { "x" }), ("Country", "fr"))),
        };
        foreach (var (type, a, b) in pairs)
        {
            var overall = G.Property<double>(type + "Similarity", G.Call<object>(type + "Guard", "Explain", a, b), "Overall");
            Assert.Equal(G.Similarity(type + "Guard", a, b), overall);
        }
    }

    [Fact]
    public void A_feature_missing_in_one_profile_drops_out_of_the_mean()
    {
        var a = G.Profile("People.Mixed", ("Embedding", new double[] { 1, 0 }), ("Tags", new[] { "a", "b" }), ("Country", null));
        var b = G.Profile("People.Mixed", ("Embedding", new double[] { 1, 1 }), ("Tags", new[] { "b", "c" }), ("Country", "fr"));
        Assert.Equal((2 * System.Math.Sqrt(0.5) + 1.0 / 3) / 3, G.Similarity("People.MixedGuard", a, b), 12);
        var explained = G.Call<object>("People.MixedGuard", "Explain", a, b);
        Assert.True(double.IsNaN(G.Property<double>("People.MixedSimilarity", explained, "Country")));
    }

    [Fact]
    public void With_every_feature_missing_the_similarity_is_zero()
    {
        var empty = G.Profile("People.Mixed");
        var full = G.Profile("People.Mixed", ("Embedding", new double[] { 1, 0 }), ("Tags", new[] { "a" }), ("Country", "fr"));
        Assert.Equal(0, G.Similarity("People.MixedGuard", empty, full));
        Assert.Equal(SimilarityBand.Distant, G.Call<SimilarityBand>("People.MixedGuard", "Classify", empty, full));
    }

    [Fact]
    public void Self_is_decided_by_the_key_never_by_similarity()
    {
        var me = Keyed("u1", 0);
        Assert.Equal(SimilarityBand.Self, G.Call<SimilarityBand>("People.KeyedGuard", "Classify", me, Keyed("u1", 3)));
        // A different user with identical features is the worst near-match, not Self.
        Assert.Equal(SimilarityBand.NearMatch, G.Call<SimilarityBand>("People.KeyedGuard", "Classify", me, Keyed("u2", 0)));
        Assert.True(G.Call<bool>("People.KeyedGuard", "IsNearMatch", me, Keyed("u2", 0)));
        // A missing key identifies nobody; the same instance is still Self.
        var anonymous = Keyed(null, 0);
        Assert.Equal(SimilarityBand.NearMatch, G.Call<SimilarityBand>("People.KeyedGuard", "Classify", anonymous, Keyed(null, 0)));
        Assert.Equal(SimilarityBand.Self, G.Call<SimilarityBand>("People.KeyedGuard", "Classify", anonymous, anonymous));
    }

    [Fact]
    public void Without_a_key_Self_is_the_same_instance_and_a_struct_is_never_Self()
    {
        var a = G.Profile("People.Unkeyed", ("Score", 1.0));
        var copy = G.Profile("People.Unkeyed", ("Score", 1.0));
        Assert.Equal(SimilarityBand.Self, G.Call<SimilarityBand>("People.UnkeyedGuard", "Classify", a, a));
        Assert.Equal(SimilarityBand.NearMatch, G.Call<SimilarityBand>("People.UnkeyedGuard", "Classify", a, copy));

        var point = G.Profile("People.Point", ("Score", 1.0));
        Assert.Equal(SimilarityBand.NearMatch, G.Call<SimilarityBand>("People.PointGuard", "Classify", point, point));
        var keyedPoint = G.Profile("People.KeyedPoint", ("Id", 7), ("Score", 1.0));
        var samePerson = G.Profile("People.KeyedPoint", ("Id", 7), ("Score", 2.0));
        Assert.Equal(SimilarityBand.Self, G.Call<SimilarityBand>("People.KeyedPointGuard", "Classify", keyedPoint, samePerson));
    }

    [Fact]
    public void Assess_follows_the_policy_near_matches_are_never_safe()
    {
        var me = Keyed("u1", 0);
        var twin = G.Call<SubstitutionVerdict>("People.KeyedGuard", "Assess", me, Keyed("u2", Distance(0.95)));
        Assert.Equal(SimilarityBand.NearMatch, twin.Band);
        Assert.False(twin.IsSafe);
        var moderate = G.Call<SubstitutionVerdict>("People.KeyedGuard", "Assess", me, Keyed("u3", Distance(Safest)));
        Assert.Equal(SimilarityBand.Moderate, moderate.Band);
        Assert.Equal(KeyedPolicy.Assess(moderate.Similarity), moderate);
        Assert.True(moderate.IsSafe);
        var self = G.Call<SubstitutionVerdict>("People.KeyedGuard", "Assess", me, Keyed("u1", 5));
        Assert.Equal(SimilarityBand.Self, self.Band);
        Assert.Equal(1, self.Confidence);

        var arguments = new object?[] { me, Keyed("u3", Distance(Safest)), null };
        var ok = G.Call<bool>("People.KeyedGuard", "TrySubstitute", arguments);
        Assert.True(ok);
        Assert.True(((SubstitutionVerdict)arguments[2]!).IsSafe);
    }

    [Fact]
    public void The_safest_substitute_is_the_lowest_expected_error_never_the_most_similar()
    {
        var me = Keyed("u1", 0);
        var twin = Keyed("twin", Distance(0.95));
        var close = Keyed("close", Distance(0.8));
        var best = Keyed("best", Distance(Safest));
        var far = Keyed("far", Distance(0.2));
        // The expected winner, from the policy itself: the safe candidate with the lowest expected error.
        var verdicts = new[] { 0.95, 0.8, Safest, 0.2 }.Select(s => KeyedPolicy.Assess(s)).ToArray();
        Assert.Equal(Safest, verdicts.Where(v => v.IsSafe).OrderBy(v => v.ExpectedRelativeError).First().Similarity, 9);
        var candidates = Candidates(twin, close, best, far);
        foreach (var via in new[] { "ViaArray", "ViaSpan", "ViaList", "ViaEnumerable" })
            Assert.Same(best, G.Call<object>("People.Probe", via, me, candidates));
        Assert.Same(best, G.Call<object>("People.Probe", "ViaCollectionExpression", me, twin, best));
    }

    [Fact]
    public void The_safest_substitute_is_null_when_no_candidate_beats_no_personalization()
    {
        var me = Keyed("u1", 0);
        Assert.Null(G.Call<object?>("People.Probe", "ViaArray", me, Candidates(Keyed("twin", 0), Keyed("far", Distance(0.1)))));
        Assert.Null(G.Call<object?>("People.Probe", "ViaList", me, Candidates()));
    }

    [Fact]
    public void Ties_go_to_the_first_candidate_and_the_own_profile_wins()
    {
        var me = Keyed("u1", 0);
        var first = Keyed("a", Distance(Safest));
        var second = Keyed("b", -Distance(Safest));
        Assert.Same(first, G.Call<object>("People.Probe", "ViaArray", me, Candidates(first, second)));
        var own = Keyed("u1", 2);
        Assert.Same(own, G.Call<object>("People.Probe", "ViaEnumerable", me, Candidates(first, own)));
    }

    [Fact]
    public void Struct_profiles_get_a_nullable_safest_substitute()
    {
        var target = G.Profile("People.KeyedPoint", ("Id", 1), ("Score", 0.0));
        var best = G.Profile("People.KeyedPoint", ("Id", 2), ("Score", Distance(Safest)));
        var twin = G.Profile("People.KeyedPoint", ("Id", 3), ("Score", 0.0));
        var array = System.Array.CreateInstance(G.Type("People.KeyedPoint"), 2);
        array.SetValue(twin, 0);
        array.SetValue(best, 1);
        Assert.Equal(best, G.Call<object>("People.Probe", "StructViaArray", target, array));
    }

    [Fact]
    public void Null_profiles_are_rejected_by_name()
    {
        var e = Assert.Throws<System.ArgumentNullException>(() => G.Call<SimilarityBand>("People.KeyedGuard", "Classify", Keyed("u", 0), null));
        Assert.Equal("candidate", e.ParamName);
    }

    [Fact]
    public void Guards_have_the_type_s_accessibility_and_are_static()
    {
        var guard = G.Type("People.KeyedGuard");
        Assert.True(guard.IsPublic && guard.IsAbstract && guard.IsSealed);
        Assert.Same(SimilarityBands.Default, G.Static<SimilarityBands>("People.UnkeyedGuard", "Bands"));
        Assert.Same(SubstitutionPolicy.Default, G.Static<SubstitutionPolicy>("People.UnkeyedGuard", "Policy"));
        Assert.Equal(KeyedPolicy.RiskCurve.Similarities, G.Static<SubstitutionPolicy>("People.KeyedGuard", "Policy").RiskCurve.Similarities);
        var check = typeof(SimilarityBandCheckAttribute);
        foreach (var method in guard.GetMethods().Where(m => m.Name is "Classify" or "Assess" or "TrySubstitute" or "SafestSubstitute"))
            Assert.True(method.IsDefined(check, inherit: false), method + " lacks [SimilarityBandCheck]");
        Assert.Equal(4, guard.GetMethods().Count(m => m.Name == "SafestSubstitute"));
    }

    private static System.Array Candidates(params object[] profiles)
    {
        var array = System.Array.CreateInstance(G.Type("People.Keyed"), profiles.Length);
        for (var i = 0; i < profiles.Length; i++) array.SetValue(profiles[i], i);
        return array;
    }
}
