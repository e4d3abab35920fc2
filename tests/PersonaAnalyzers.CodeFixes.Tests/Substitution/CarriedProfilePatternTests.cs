using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001 on a search hit tested by a pattern that declares the profile it carries (probe 12b, repro 12):
/// <c>if (index.MostSimilarReader(user) is { Score: &gt; 0.85, Profile: var twin })</c> — the check joins the test on
/// that variable, as it does on one the pattern declares for the lookup itself.</summary>
public class CarriedProfilePatternTests
{
    private const string Key = "PERSONA001.Guard";

    private static string Source(string body) => $$"""
        using Shop;

        public sealed record ScoredReader(Reader Profile, double Score);

        public interface IHitIndex
        {
            ScoredReader? MostSimilarReader(Reader target);
        }

        public class Recommender
        {
            private readonly IHitIndex hits = null!;

            public string Prompt(Reader user)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public Task The_check_joins_a_pattern_declaring_the_carried_profile() =>
        Verify.VerifyAsync(Source("""
                    if ({|PERSONA001:hits.MostSimilarReader(user)|} is { Profile: var twin })
                        return twin.Summary;
                    return user.Summary;
            """), Source("""
                    if (hits.MostSimilarReader(user) is { Profile: var twin } && ReaderGuard.TrySubstitute(user, twin, out _))
                        return twin.Summary;
                    return user.Summary;
            """), Key);

    /// <summary>A hit record that may be null, held in a local with the programmer's own null exit: its profile is
    /// checked, joined to that exit, as a nullable (profile, score) tuple's is (probe 13b, repro 02).</summary>
    [Fact]
    public Task The_check_of_a_nullable_hit_records_profile_joins_the_null_exit() =>
        Verify.VerifyAsync(Source("""
                    var hit = {|PERSONA001:hits.MostSimilarReader(user)|};
                    if (hit is null)
                        return user.Summary;
                    return hit.Profile.Summary;
            """), Source("""
                    var hit = hits.MostSimilarReader(user);
                    if (hit is null || !ReaderGuard.TrySubstitute(user, hit.Profile, out _))
                        return user.Summary;
                    return hit.Profile.Summary;
            """), Key);

    [Fact]
    public Task A_negated_pattern_declaring_the_carried_profile_gets_the_check_on_its_way_out() =>
        Verify.VerifyAsync(Source("""
                    if ({|PERSONA001:hits.MostSimilarReader(user)|} is not ScoredReader(var twin, _))
                        return user.Summary;
                    return twin.Summary;
            """), Source("""
                    if (hits.MostSimilarReader(user) is not ScoredReader(var twin, _) || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return user.Summary;
                    return twin.Summary;
            """), Key);
}
