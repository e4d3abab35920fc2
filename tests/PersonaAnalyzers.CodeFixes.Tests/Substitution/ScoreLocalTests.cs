using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA003 through a score local: the local goes when the band check took away its last read (its comments
/// stay), and stays while anything else reads it.</summary>
public class ScoreLocalTests
{
    private const string Key = "PERSONA003.UseBandCheck";

    [Fact]
    public Task Explained_score_local_of_a_switch_goes_and_its_comments_stay() =>
        Threshold.VerifyAsync(InClass("""
                public void Warm(Reader user, Reader other)
                {
                    // Household members often share a device.
                    var closeness = ReaderGuard.Explain(user, other).Overall; // 0 to 1
                    switch (closeness)
                    {
                        case {|PERSONA003:>= 0.75|}:
                            cached = other;
                            break;
                        default:
                            cached = user;
                            break;
                    }
                }
            """), InClass("""
                public void Warm(Reader user, Reader other)
                {
                    // Household members often share a device.
                    // 0 to 1
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        cached = other;
                    else
                        cached = user;
                }
            """), Key);

    [Fact]
    public Task Threshold_in_a_when_clause_becomes_the_band_check() =>
        Threshold.VerifyAsync(InClass("""
                public string Pick(Reader user, Reader other, string tier)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    switch (tier)
                    {
                        case "gold" when {|PERSONA003:similarity > 0.8|}:
                            return other.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """), InClass("""
                public string Pick(Reader user, Reader other, string tier)
                {
                    switch (tier)
                    {
                        case "gold" when ReaderGuard.TrySubstitute(user, other, out _):
                            return other.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """), Key);

    [Fact]
    public Task Threshold_on_a_rescaled_score_local_becomes_the_band_check_and_the_local_goes() =>
        Threshold.VerifyAsync(InClass("""
                public string Pick(Reader user, Reader other)
                {
                    var percent = (int)(ReaderGuard.Similarity(user, other) * 100);
                    if ({|PERSONA003:percent >= 90|})
                        return other.Summary;
                    return user.Summary;
                }
            """), InClass("""
                public string Pick(Reader user, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        return other.Summary;
                    return user.Summary;
                }
            """), Key);

    [Fact]
    public Task Threshold_on_a_rounded_score_becomes_the_band_check() =>
        Threshold.VerifyAsync(InClass("""
                public string Pick(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    return {|PERSONA003:System.Math.Round(similarity, 2) >= 0.9|} ? other.Summary : user.Summary;
                }
            """), InClass("""
                public string Pick(Reader user, Reader other)
                {
                    return ReaderGuard.TrySubstitute(user, other, out _) ? other.Summary : user.Summary;
                }
            """), Key);

    [Fact]
    public Task Threshold_predicate_kept_in_a_local_becomes_the_band_check() =>
        Threshold.VerifyAsync(InClass("""
                public List<Reader> Close(List<Reader> pool, Reader user)
                {
                    System.Func<Reader, bool> close = c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.9|};
                    return pool.Where(close).ToList();
                }
            """), InClass("""
                public List<Reader> Close(List<Reader> pool, Reader user)
                {
                    System.Func<Reader, bool> close = c => ReaderGuard.TrySubstitute(user, c, out _);
                    return pool.Where(close).ToList();
                }
            """), Key);

    [Fact]
    public Task Score_local_after_a_blank_line_goes_and_the_blank_line_stays() =>
        Threshold.VerifyAsync(InClass("""
                public Reader Keep(Reader user, Reader other)
                {
                    cached = user;

                    var similarity = ReaderGuard.Similarity(user, other);
                    return similarity switch { {|PERSONA003:>= 0.8|} => other, _ => user };
                }
            """), InClass("""
                public Reader Keep(Reader user, Reader other)
                {
                    cached = user;

                    return ReaderGuard.TrySubstitute(user, other, out _) ? other : user;
                }
            """), Key);

    [Fact]
    public Task Score_local_read_elsewhere_stays() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    if ({|PERSONA003:similarity < 0.8|})
                        return null;
                    return $"{similarity:P0} {other.Summary}";
                }
            """), InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    if (!ReaderGuard.TrySubstitute(user, other, out _))
                        return null;
                    return $"{similarity:P0} {other.Summary}";
                }
            """), Key);

    [Fact]
    public Task Score_local_read_by_two_thresholds_goes_with_the_last() =>
        Threshold.VerifyAsync(InClass("""
                public Reader Pick(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    var fallback = {|PERSONA003:similarity < 0.5|} ? null : other;
                    return {|PERSONA003:similarity >= 0.9|} ? other : fallback ?? user;
                }
            """), InClass("""
                public Reader Pick(Reader user, Reader other)
                {
                    var fallback = !ReaderGuard.TrySubstitute(user, other, out _) ? null : other;
                    return ReaderGuard.TrySubstitute(user, other, out _) ? other : fallback ?? user;
                }
            """), Key, iterations: 2);
    /// <summary>The page's own example: a rescaled score kept in a second local (probe 11b, repro 06). Both locals go.</summary>
    [Fact]
    public Task Threshold_on_a_percent_local_of_a_score_local_becomes_the_check_and_both_locals_go() =>
        Threshold.VerifyAsync(InClass("""
                public string Pick(Reader user, Reader other)
                {
                    var sim = ReaderGuard.Similarity(user, other);
                    var pct = (int)(sim * 100);
                    if ({|PERSONA003:pct >= 85|})
                        return other.Summary;
                    return user.Summary;
                }
            """), InClass("""
                public string Pick(Reader user, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        return other.Summary;
                    return user.Summary;
                }
            """), Key);

    /// <summary>A bar on the <c>Overall</c> of an explanation kept in a local (probe 11b, repro 06); the local stays while
    /// something else reads it.</summary>
    [Fact]
    public Task Threshold_on_the_overall_of_an_explanation_local_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public Reader? FirstMatch(Reader user, IEnumerable<Reader> prospects)
                {
                    foreach (var c in prospects)
                    {
                        var e = ReaderGuard.Explain(user, c);
                        if ({|PERSONA003:e.Overall > 0.9|})
                            return c;
                    }
                    return null;
                }

                public Reader? Logged(Reader user, Reader other, List<string> log)
                {
                    var e = ReaderGuard.Explain(user, other);
                    log.Add(e.ToString()!);
                    if ({|PERSONA003:e.Overall > 0.9|})
                        return other;
                    return null;
                }
            """), InClass("""
                public Reader? FirstMatch(Reader user, IEnumerable<Reader> prospects)
                {
                    foreach (var c in prospects)
                    {
                        if (ReaderGuard.TrySubstitute(user, c, out _))
                            return c;
                    }
                    return null;
                }

                public Reader? Logged(Reader user, Reader other, List<string> log)
                {
                    var e = ReaderGuard.Explain(user, other);
                    log.Add(e.ToString()!);
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        return other;
                    return null;
                }
            """), Key, iterations: 2);
}
