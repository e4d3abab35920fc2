using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA003 on a score computed only where the candidate is there (<c>var s = twin is null ? 0 :
/// Guard.Similarity(me, twin);</c>): the check is asked there too (<c>twin is not null &amp;&amp; …</c>) and the score local
/// goes. A score read through <c>?.</c> gets no fix.</summary>
public class ConditionalScoreFixTests
{
    private const string Key = "PERSONA003.UseBandCheck";

    [Fact]
    public Task A_score_that_is_zero_for_a_missing_candidate_becomes_the_check_where_it_is_there() =>
        Threshold.VerifyAsync(InClass("""
                public string Summary(Reader me)
                {
                    var twin = index.FindNearest(me);
                    var s = twin is null ? 0 : ReaderGuard.Similarity(me, twin);
                    if ({|PERSONA003:s >= 0.8|})
                        return twin!.Summary;
                    return me.Summary;
                }
            """), InClass("""
                public string Summary(Reader me)
                {
                    var twin = index.FindNearest(me);
                    if (twin is not null && ReaderGuard.TrySubstitute(me, twin, out _))
                        return twin!.Summary;
                    return me.Summary;
                }
            """), Key);

    [Fact]
    public Task A_rejecting_bar_on_a_score_that_is_zero_for_a_missing_candidate_becomes_the_failed_check() =>
        Threshold.VerifyAsync(InClass("""
                public string Summary(Reader me)
                {
                    var twin = index.FindNearest(me);
                    var s = twin != null ? ReaderGuard.Similarity(me, twin) : 0.0;
                    return {|PERSONA003:s < 0.8|} ? me.Summary : twin!.Summary;
                }
            """), InClass("""
                public string Summary(Reader me)
                {
                    var twin = index.FindNearest(me);
                    return twin is null || !ReaderGuard.TrySubstitute(me, twin, out _) ? me.Summary : twin!.Summary;
                }
            """), Key);

    // A constant other than zero may pass the bar where the candidate is missing; another test than the candidate's null
    // test says nothing of where it is there; a bar that is no constant may be zero.
    [Theory]
    [InlineData("twin is null ? 1 : ReaderGuard.Similarity(me, twin)", "0.8")]
    [InlineData("me.Id.Length > 3 ? ReaderGuard.Similarity(me, twin!) : 0", "0.8")]
    [InlineData("twin is null ? 0 : ReaderGuard.Similarity(me, twin)", "bar")]
    public Task A_score_computed_through_another_choice_gets_no_fix(string score, string bar) =>
        Threshold.VerifyNotOfferedAsync(InClass($$"""
                public string Summary(Reader me, double bar)
                {
                    var twin = index.FindNearest(me);
                    var s = {{score}};
                    if ({|PERSONA003:s >= {{bar}}|})
                        return twin!.Summary;
                    return me.Summary;
                }
            """), Key);

    [Fact]
    public Task A_score_zero_where_another_profile_is_missing_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Summary(Reader me, Reader twin)
                {
                    var s = cached is null ? 0 : ReaderGuard.Similarity(me, twin);
                    if ({|PERSONA003:s >= 0.8|})
                        return twin.Summary;
                    return me.Summary;
                }
            """), Key);

    [Fact]
    public Task A_score_read_through_conditional_access_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public sealed record Scored(Reader Profile, double? Score);
                public Scored? Find(Reader me) => null;

                public string Lifted(Reader me)
                {
                    var h = Find(me);
                    if ({|PERSONA003:h?.Score > 0.9|})
                        return h.Profile.Summary;
                    return me.Summary;
                }

                public string Defaulted(Reader me)
                {
                    var h = Find(me);
                    if ({|PERSONA003:(h?.Score ?? 0) > 0.9|})
                        return h!.Profile.Summary;
                    return me.Summary;
                }
            """), Key);
}
