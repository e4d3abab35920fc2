using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA003: a score read through <c>?.</c> (a lookup that may find nothing: <c>h?.Similarity &gt;= 0.9</c>,
/// lifted to <c>double?</c>, also under <c>?? 0</c>) or computed through <c>?:</c> with a constant on the other way
/// (<c>twin is null ? 0 : Similarity(me, twin)</c>) is the score, as it is read with <c>h!.</c> or after a null test.</summary>
public class RawThresholdConditionalScoreTests
{
    private static string InClass(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using PersonaAnalyzers;
        using Shop;

        public sealed record ScoredA(Reader Profile, double Similarity);
        public sealed record ScoredB(Reader Profile, double? Score);
        public interface IHits
        {
            ScoredA? FindSimilarHit(Reader me);
            ScoredB? FindSimilarScored(Reader me);
            (Reader Profile, double Similarity)? NearestPair(Reader me);
        }
        public static class Log { public static void Info(string line) { } }
        public static class Metrics { public static void Record(string name, bool value) { } }

        public class C
        {
            private readonly IHits x = null!;
            private readonly IReaderIndex index = null!;

        {{members}}
        }
        """;

    [Fact]
    public Task A_score_read_through_conditional_access_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string Cond(Reader me) { var h = x.FindSimilarHit(me); if ({|PERSONA003:h?.Similarity >= 0.9|}) return h.Profile.Summary; return me.Summary; }
                public string CondNullable(Reader me) { var h = x.FindSimilarScored(me); if ({|PERSONA003:h?.Score > 0.9|}) return h.Profile.Summary; return me.Summary; }
                public string CondCoalesce(Reader me) { var h = x.FindSimilarScored(me); if ({|PERSONA003:(h?.Score ?? 0) > 0.9|}) return h!.Profile.Summary; return me.Summary; }
                public string CondTuple(Reader me) { var p = x.NearestPair(me); if ({|PERSONA003:p?.Similarity > 0.9|}) return p.Value.Profile.Summary; return me.Summary; }
                public string TupleValue(Reader me) { var p = x.NearestPair(me); if (p.HasValue && {|PERSONA003:p.Value.Similarity > 0.9|}) return p.Value.Profile.Summary; return me.Summary; }
                public string CondRejects(Reader me) { var h = x.FindSimilarHit(me); if (h is null || {|PERSONA003:h?.Similarity < 0.8|}) return me.Summary; return h.Profile.Summary; }
            """));

    [Fact]
    public Task A_score_read_through_conditional_access_that_decides_no_use_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Only logged or counted.
                public string Logged(Reader me) { var h = x.FindSimilarHit(me); if (h?.Similarity >= 0.9) Log.Info("close: " + h.Profile.Id); return me.Summary; }
                public string Metric(Reader me) { var h = x.FindSimilarScored(me); Metrics.Record("near-twin", (h?.Score ?? 0) > 0.9); return me.Summary; }
                public string Text(Reader me) { var p = x.NearestPair(me); return $"{me.Summary} ({(p?.Similarity > 0.9 ? "close" : "far")})"; }
                // Both ways use the hit: the bar decides nothing about it.
                public string Both(Reader me) { var h = x.FindSimilarHit(me); return h?.Similarity >= 0.9 ? "twin " + h.Profile.Summary : "other " + h?.Profile.Summary; }
                // Past the bar only the user's own profile is used.
                public void Register(Reader me, List<Reader> accounts) { var h = x.FindSimilarHit(me); if (h?.Similarity > 0.98) throw new InvalidOperationException("duplicate of " + h.Profile.Id); accounts.Add(me); }
                // Two scores compared (a best-so-far: PERSONA002's).
                public string Best(Reader me, ScoredA? best) { var h = x.FindSimilarHit(me)!; if (h.Similarity > best?.Similarity) return h.Profile.Summary; return me.Summary; }
            """));

    [Fact]
    public Task A_score_computed_through_a_conditional_with_a_constant_arm_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string ScoreOrZero(Reader me)
                {
                    var twin = index.FindNearest(me);
                    var s = twin is null ? 0 : ReaderGuard.Similarity(me, twin);
                    if ({|PERSONA003:s >= 0.8|})
                        return twin!.Summary;
                    return me.Summary;
                }

                public string ZeroOnTheOtherWay(Reader me)
                {
                    var twin = index.FindNearest(me);
                    var s = twin is not null ? ReaderGuard.Similarity(me, twin) : 0.0;
                    return {|PERSONA003:s < 0.8|} ? me.Summary : twin!.Summary;
                }

                public string InPlace(Reader me)
                {
                    var twin = index.FindNearest(me);
                    if ({|PERSONA003:(twin is null ? 0 : ReaderGuard.Similarity(me, twin)) >= 0.8|})
                        return twin!.Summary;
                    return me.Summary;
                }
            """));

    [Fact]
    public Task A_score_computed_through_a_conditional_that_decides_no_use_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Only logged.
                public string Logged(Reader me)
                {
                    var twin = index.FindNearest(me);
                    var s = twin is null ? 0 : ReaderGuard.Similarity(me, twin);
                    if (s >= 0.8)
                        Log.Info("near-twin " + twin!.Id);
                    return me.Summary;
                }

                // Only the user's own profile past the bar.
                public string Own(Reader me)
                {
                    var twin = index.FindNearest(me);
                    var s = twin is null ? 0 : ReaderGuard.Similarity(me, twin);
                    return s >= 0.8 ? me.Summary : me.Id;
                }

            """));
}
