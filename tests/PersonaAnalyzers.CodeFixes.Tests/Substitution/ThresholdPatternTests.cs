using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA003 on relational patterns: <c>is &gt;= 0.9</c>, <c>is &lt; 0.8</c> and bands
/// (<c>is &gt; 0.8 and &lt; 0.95</c>) become the band check, keeping the branch.</summary>
public class ThresholdPatternTests
{
    private const string Key = "PERSONA003.UseBandCheck";

    [Fact]
    public Task Admitting_pattern_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    // Close enough to borrow.
                    if ({|PERSONA003:ReaderGuard.Similarity(user, other) is >= 0.9|})
                        return Render.Prompt(other);
                    return null;
                }
            """), InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    // Close enough to borrow.
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        return Render.Prompt(other);
                    return null;
                }
            """), Key);

    [Fact]
    public Task Rejecting_pattern_through_a_local_becomes_the_negated_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    if ({|PERSONA003:similarity is < 0.8|})
                        return null;
                    return other.Summary;
                }
            """), InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    if (!ReaderGuard.TrySubstitute(user, other, out _))
                        return null;
                    return other.Summary;
                }
            """), Key);

    [Fact]
    public Task Negated_pattern_after_a_null_test_becomes_the_negated_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user)
                {
                    var other = index.Own("x");
                    if (other is not null && {|PERSONA003:ReaderGuard.Similarity(user, other) is not >= 0.8|})
                        return null;
                    return other?.Summary;
                }
            """), InClass("""
                public string? Prompt(Reader user)
                {
                    var other = index.Own("x");
                    if (other is not null && !ReaderGuard.TrySubstitute(user, other, out _))
                        return null;
                    return other?.Summary;
                }
            """), Key);

    [Fact]
    public Task Band_whose_body_uses_the_candidate_admits_it() =>
        Threshold.VerifyAsync(InClass("""
                public void Warm(Reader user, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Explain(user, other).Overall is > 0.8 and < 0.95|})
                        cached = other;
                }
            """), InClass("""
                public void Warm(Reader user, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        cached = other;
                }
            """), Key);

    /// <summary>Joined by <c>&amp;&amp;</c>, the band still admits on the way the whole condition holds.</summary>
    [Fact]
    public Task Bar_in_a_loop_over_candidates_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public sealed class Options { public double MinSimilarity { get; set; } = 0.8; }
                private readonly Options options = new();

                public string Prompt(Reader user, List<Reader> pool)
                {
                    foreach (var candidate in pool)
                    {
                        if (candidate.Id == user.Id)
                            continue;
                        if ({|PERSONA003:ReaderGuard.Similarity(user, candidate) >= options.MinSimilarity|})
                            return Render.Prompt(candidate);
                    }
                    return Render.Prompt(user);
                }
            """), InClass("""
                public sealed class Options { public double MinSimilarity { get; set; } = 0.8; }
                private readonly Options options = new();

                public string Prompt(Reader user, List<Reader> pool)
                {
                    foreach (var candidate in pool)
                    {
                        if (candidate.Id == user.Id)
                            continue;
                        if (ReaderGuard.TrySubstitute(user, candidate, out _))
                            return Render.Prompt(candidate);
                    }
                    return Render.Prompt(user);
                }
            """), Key);

    [Fact]
    public Task Band_joined_by_and_whose_body_uses_the_candidate_admits_it() =>
        Threshold.VerifyAsync(InClass("""
                public string Prompt(Reader user, Reader? other)
                {
                    if (other is not null && {|PERSONA003:ReaderGuard.Similarity(user, other) is >= 0.85 and <= 1.0|})
                        return Render.Prompt(other);
                    return Render.Prompt(user);
                }
            """), InClass("""
                public string Prompt(Reader user, Reader? other)
                {
                    if (other is not null && ReaderGuard.TrySubstitute(user, other, out _))
                        return Render.Prompt(other);
                    return Render.Prompt(user);
                }
            """), Key);

    /// <summary>The other way of an <c>&amp;&amp;</c> is also taken when another operand fails: a band that only that way
    /// uses the candidate is not read as rejecting it.</summary>
    [Fact]
    public Task Band_joined_by_and_whose_other_way_uses_the_candidate_is_not_rewritten() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, Reader other, bool fresh)
                {
                    if (fresh && {|PERSONA003:ReaderGuard.Similarity(user, other) is >= 0.2 and < 0.5|})
                        return Render.Prompt(user);
                    return Render.Prompt(other);
                }
            """), Key);

    [Fact]
    public Task Band_that_leaves_early_rejects_and_band_in_a_conditional_admits() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    if ({|PERSONA003:similarity is >= 0.0 and < 0.5|})
                        return null;
                    return other.Summary;
                }

                public Reader Pick(Reader user, Reader other) =>
                    {|PERSONA003:ReaderGuard.Similarity(user, other) is (> 0.8 and < 0.95)|} ? other : user;
            """), InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    if (!ReaderGuard.TrySubstitute(user, other, out _))
                        return null;
                    return other.Summary;
                }

                public Reader Pick(Reader user, Reader other) =>
                    ReaderGuard.TrySubstitute(user, other, out _) ? other : user;
            """), Key, iterations: 2);

    [Fact]
    public Task Band_in_a_filter_predicate_admits() =>
        Threshold.VerifyAsync(InClass("""
                public List<Reader> Admit(List<Reader> pool, Reader user) =>
                    pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(user, c) is >= 0.85 and <= 1.0|}).ToList();
            """), InClass("""
                public List<Reader> Admit(List<Reader> pool, Reader user) =>
                    pool.Where(c => ReaderGuard.TrySubstitute(user, c, out _)).ToList();
            """), Key);

    /// <summary>The band check is no bar: over a most-similar-first ordering, TakeWhile(check) would stop at the near-twin
    /// at the head and keep no one.</summary>
    [Fact]
    public Task TakeWhile_predicate_is_not_rewritten() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public List<Reader> Close(List<Reader> pool, Reader user) =>
                    pool.OrderByDescending(c => ReaderGuard.Similarity(user, c))
                        .TakeWhile(c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.7|})
                        .ToList();
            """), Key);

    [Fact]
    public Task Or_pattern_is_not_rewritten() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(user, other) is < 0.2 or > 0.99|})
                        return null;
                    return other.Summary;
                }
            """), Key);

    [Fact]
    public Task Band_whose_two_ways_both_use_the_candidate_is_not_rewritten() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(user, other) is > 0.5 and < 0.9|})
                        return Render.Prompt(other);
                    return other.Id.Length > 0 ? user.Summary : other.Id;
                }
            """), Key);

    [Fact]
    public Task Two_way_switch_expression_becomes_a_conditional() =>
        Threshold.VerifyAsync(InClass("""
                public Reader Pick(Reader user, Reader other) =>
                    ReaderGuard.Similarity(user, other) switch
                    {
                        {|PERSONA003:>= 0.9|} => other,
                        _ => user,
                    };

                public Reader Keep(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    return similarity switch { {|PERSONA003:< 0.8|} => user, _ => other };
                }
            """), InClass("""
                public Reader Pick(Reader user, Reader other) =>
                    ReaderGuard.TrySubstitute(user, other, out _) ? other : user;

                public Reader Keep(Reader user, Reader other)
                {
                    return ReaderGuard.TrySubstitute(user, other, out _) ? other : user;
                }
            """), Key, iterations: 2);

    [Fact]
    public Task Switch_statement_with_a_band_and_default_becomes_if_else() =>
        Threshold.VerifyAsync(InClass("""
                public void Warm(Reader user, Reader other)
                {
                    switch (ReaderGuard.Similarity(user, other))
                    {
                        case {|PERSONA003:> 0.8 and < 0.95|}:
                            // Similar, not a twin.
                            cached = other;
                            break;
                        default:
                            cached = null;
                            break;
                    }
                }
            """), InClass("""
                public void Warm(Reader user, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        // Similar, not a twin.
                        cached = other;
                    else
                        cached = null;
                }
            """), Key);

    [Fact]
    public Task Switch_with_several_thresholds_is_not_rewritten() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    switch (ReaderGuard.Similarity(user, other))
                    {
                        case >= 0.95:
                            return user.Summary;
                        case {|PERSONA003:>= 0.8|}:
                            return Render.Prompt(other);
                        default:
                            return null;
                    }
                }
            """), Key);

    [Fact]
    public Task Switch_expression_with_a_comment_between_arms_is_not_rewritten() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, Reader other) =>
                    ReaderGuard.Similarity(user, other) switch
                    {
                        {|PERSONA003:>= 0.9|} => other, // close enough
                        _ => user,
                    };
            """), Key);

    [Fact]
    public Task Comparison_with_a_configured_bar_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public double MinSimilarity { get; set; } = 0.8;

                public string? Prompt(Reader user, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(user, other) >= MinSimilarity|})
                        return Render.Prompt(other);
                    return null;
                }
            """), InClass("""
                public double MinSimilarity { get; set; } = 0.8;

                public string? Prompt(Reader user, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        return Render.Prompt(other);
                    return null;
                }
            """), Key);

    [Fact]
    public Task Comparison_kept_in_a_bool_local_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var close = {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.8|};
                    if (close)
                        return Render.Prompt(other);
                    return null;
                }
            """), InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var close = ReaderGuard.TrySubstitute(user, other, out _);
                    if (close)
                        return Render.Prompt(other);
                    return null;
                }
            """), Key);
}
