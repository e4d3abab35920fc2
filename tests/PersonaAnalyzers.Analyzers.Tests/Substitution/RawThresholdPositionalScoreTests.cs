using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA003: a score taken apart from a (profile, score) pair in a body that names no score itself — the
/// pair's type names it elsewhere in the file (<c>var (twin, s) = _pairs[0]; if (s &gt; 0.9) …</c>).</summary>
public class RawThresholdPositionalScoreTests
{
    /// <summary>The pairs come from a field and a method declared beside the bodies; no body below names a score.</summary>
    private static string InClass(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using PersonaAnalyzers;
        using Shop;

        public class C
        {
            private readonly List<(Reader Profile, double Similarity)> _pairs = new();
            private List<(Reader Profile, double Distance)> Near(Reader user) => new();
            private List<(Reader Profile, int Rank)> Ranked(Reader user) => new();

        {{members}}
        }
        """;

    [Fact]
    public Task A_deconstructed_score_in_a_body_that_names_no_score_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string Indexed(Reader user)
                {
                    var (twin, s) = _pairs[0];
                    if ({|PERSONA003:s > 0.9|})
                        return twin.Summary;
                    return user.Summary;
                }

                public string Loop(Reader user)
                {
                    foreach (var (c, d) in Near(user))
                        if ({|PERSONA003:d < 0.2|}) return c.Summary;
                    return user.Summary;
                }

                public string Typed(Reader user)
                {
                    foreach ((Reader c, double s) in _pairs)
                        if ({|PERSONA003:s >= 0.9|}) return c.Summary;
                    return user.Summary;
                }

                public string Positional(Reader user) =>
                    _pairs[0] is (var twin, var s) && {|PERSONA003:s > 0.9|} ? twin.Summary : user.Summary;

                public string TypedLocals(Reader user)
                {
                    (Reader twin, double s) = _pairs[0];
                    if ({|PERSONA003:s > 0.9|})
                        return twin.Summary;
                    return user.Summary;
                }
            """));

    [Fact]
    public Task A_deconstructed_score_in_a_body_that_names_no_score_and_decides_no_use_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Only logged.
                public void Logged(Reader user)
                {
                    foreach (var (c, s) in _pairs)
                        if (s >= 0.9) Console.WriteLine("close: " + c.Id);
                }

                // The number beside the profile is no score.
                public string Rank(Reader user)
                {
                    var (c, r) = Ranked(user)[0];
                    if (r < 3)
                        return c.Summary;
                    return user.Summary;
                }

                // Past the bar only the user's own profile is used.
                public void Register(Reader user, List<Reader> accounts)
                {
                    var (twin, s) = _pairs[0];
                    if (s > 0.98)
                        throw new InvalidOperationException("duplicate of " + twin.Id);
                    accounts.Add(user);
                }
            """));
}
