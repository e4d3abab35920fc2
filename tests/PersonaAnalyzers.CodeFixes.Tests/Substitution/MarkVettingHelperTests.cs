using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001: "Mark the vetting helper [SimilarityBandCheck]" — your own helper that returns a band check's
/// answer becomes a check, so branching on it counts.</summary>
public class MarkVettingHelperTests
{
    private const string Preferred = "PERSONA001.Guard";

    [Fact]
    public Task Helper_method_returning_the_verdict_is_marked() =>
        Verify.VerifyAsync(InClass("""
                public Reader Pick(Reader user)
                {
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    return IsUsable(user, twin) ? twin : user;
                }

                /// <summary>Our vetting rule.</summary>
                private static bool IsUsable(Reader user, Reader candidate) => ReaderGuard.Assess(user, candidate).IsSafe;
            """), InClass("""
                public Reader Pick(Reader user)
                {
                    var twin = index.Lookalike(user);
                    return IsUsable(user, twin) ? twin : user;
                }

                /// <summary>Our vetting rule.</summary>
                [SimilarityBandCheck]
                private static bool IsUsable(Reader user, Reader candidate) => ReaderGuard.Assess(user, candidate).IsSafe;
            """, "using PersonaAnalyzers;\n"), Preferred);

    [Fact]
    public Task Local_function_with_a_lone_return_is_marked_and_fix_all_marks_it_once() =>
        Verify.VerifyAsync(InClass("""
                public List<Reader> Pick(Reader user)
                {
                    var picked = new List<Reader>();
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    if (Vetted(twin))
                        picked.Add(twin);
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    if (Vetted(other))
                        picked.Add(other);
                    return picked;

                    bool Vetted(Reader candidate)
                    {
                        return candidate is not null && ReaderGuard.Classify(user, candidate) == PersonaAnalyzers.SimilarityBand.Moderate;
                    }
                }
            """), InClass("""
                public List<Reader> Pick(Reader user)
                {
                    var picked = new List<Reader>();
                    var twin = index.Lookalike(user);
                    if (Vetted(twin))
                        picked.Add(twin);
                    var other = index.Lookalike(user);
                    if (Vetted(other))
                        picked.Add(other);
                    return picked;

                    [SimilarityBandCheck]
                    bool Vetted(Reader candidate)
                    {
                        return candidate is not null && ReaderGuard.Classify(user, candidate) == PersonaAnalyzers.SimilarityBand.Moderate;
                    }
                }
            """, "using PersonaAnalyzers;\n"), Preferred);

    [Fact]
    public Task Helper_that_does_more_than_return_the_answer_gets_the_band_check_instead() =>
        Verify.VerifyAsync(InClass("""
                public Reader Pick(Reader user)
                {
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    return IsUsable(user, twin) ? twin : user;
                }

                private bool IsUsable(Reader user, Reader candidate)
                {
                    cached = candidate;
                    return ReaderGuard.Assess(user, candidate).IsSafe;
                }
            """), InClass("""
                public Reader Pick(Reader user)
                {
                    var twin = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        return user;
                    return IsUsable(user, twin) ? twin : user;
                }

                private bool IsUsable(Reader user, Reader candidate)
                {
                    cached = candidate;
                    return ReaderGuard.Assess(user, candidate).IsSafe;
                }
            """), Preferred);

    [Fact]
    public Task Helper_whose_answer_is_not_a_check_of_that_argument_gets_the_band_check_instead() =>
        Verify.VerifyAsync(InClass("""
                public Reader Pick(Reader user)
                {
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    return IsUsable(user, twin) ? twin : user;
                }

                private static bool IsUsable(Reader user, Reader candidate) => ReaderGuard.Assess(user, user).IsSafe && candidate.Summary.Length > 0;
            """), InClass("""
                public Reader Pick(Reader user)
                {
                    var twin = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        return user;
                    return IsUsable(user, twin) ? twin : user;
                }

                private static bool IsUsable(Reader user, Reader candidate) => ReaderGuard.Assess(user, user).IsSafe && candidate.Summary.Length > 0;
            """), Preferred);

    [Fact]
    public Task Helper_returning_something_else_than_the_answer_is_not_marked() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public string Pick(Reader user)
                {
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    return Describe(user, twin);
                }

                private static string Describe(Reader user, Reader candidate) => ReaderGuard.Assess(user, candidate).IsSafe ? candidate.Summary : "";
            """), "PERSONA001.MarkVettingHelper");

    [Fact]
    public Task Helper_returning_something_else_than_the_answer_gets_the_band_check_instead() =>
        Verify.VerifyAsync(InClass("""
                public string Pick(Reader user)
                {
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    return Describe(user, twin);
                }

                private static string Describe(Reader user, Reader candidate) => ReaderGuard.Assess(user, candidate).IsSafe ? candidate.Summary : "";
            """), InClass("""
                public string Pick(Reader user)
                {
                    var twin = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = user;
                    return Describe(user, twin);
                }

                private static string Describe(Reader user, Reader candidate) => ReaderGuard.Assess(user, candidate).IsSafe ? candidate.Summary : "";
            """), Preferred);
}
