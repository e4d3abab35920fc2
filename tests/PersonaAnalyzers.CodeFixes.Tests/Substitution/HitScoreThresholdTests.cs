using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA003 on a search hit's own score (<c>hit.Score &gt;= 0.8</c>, a deconstructed <c>score</c>): the score
/// does not say whose profile the hit was compared with, so the check compares the profile beside the score with the
/// target in scope (as the PERSONA001 fixes find it); without one, no fix is offered.</summary>
public class HitScoreThresholdTests
{
    private const string Key = "PERSONA003.UseBandCheck";

    private const string Hits = """
            public sealed record ScoredReader(Reader Reader, double RelevanceScore);
        """;

    private const string TupleHit = """
                public string? Prompt(Reader user, IReadOnlyList<(Reader Profile, double Score)> hits)
                {
                    foreach (var hit in hits)
                    {
                        if ({|PERSONA003:hit.Score >= 0.8|})
                            return hit.Profile.Summary;
                    }
                    return null;
                }
        """;

    private const string TupleHitFixed = """
                public string? Prompt(Reader user, IReadOnlyList<(Reader Profile, double Score)> hits)
                {
                    foreach (var hit in hits)
                    {
                        if (ReaderGuard.TrySubstitute(user, hit.Profile, out _))
                            return hit.Profile.Summary;
                    }
                    return null;
                }
        """;

    [Fact]
    public Task Tuple_hit_score_becomes_the_check_of_its_profile() =>
        Threshold.VerifyAsync(InClass(TupleHit), InClass(TupleHitFixed), Key);

    [Fact]
    public Task Record_hit_score_in_a_conditional_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? One(Reader viewer, ScoredReader hit) => {|PERSONA003:hit.RelevanceScore >= 0.8|} ? hit.Reader.Summary : null;
            """ + Hits), InClass("""
                public string? One(Reader viewer, ScoredReader hit) => ReaderGuard.TrySubstitute(viewer, hit.Reader, out _) ? hit.Reader.Summary : null;
            """ + Hits), Key);

    [Fact]
    public Task Nullable_score_of_a_vector_search_hit_becomes_the_check_of_its_record() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, List<VectorSearchResult<Reader>> hits)
                {
                    foreach (var hit in hits)
                    {
                        if ({|PERSONA003:hit.Score > 0.8|})
                            return hit.Record.Summary;
                    }
                    return null;
                }
            """) + SearchHit, InClass("""
                public string? Prompt(Reader user, List<VectorSearchResult<Reader>> hits)
                {
                    foreach (var hit in hits)
                    {
                        if (ReaderGuard.TrySubstitute(user, hit.Record, out _))
                            return hit.Record.Summary;
                    }
                    return null;
                }
            """) + SearchHit, Key);

    [Fact]
    public Task Rejecting_a_hit_by_its_score_becomes_the_negated_check() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Prompts(Reader user, IReadOnlyList<(Reader Profile, double Score)> hits)
                {
                    var prompts = new List<string>();
                    foreach (var hit in hits)
                    {
                        if ({|PERSONA003:hit.Score < 0.5|})
                            continue;
                        prompts.Add(hit.Profile.Summary);
                    }
                    return prompts;
                }
            """), InClass("""
                public List<string> Prompts(Reader user, IReadOnlyList<(Reader Profile, double Score)> hits)
                {
                    var prompts = new List<string>();
                    foreach (var hit in hits)
                    {
                        if (!ReaderGuard.TrySubstitute(user, hit.Profile, out _))
                            continue;
                        prompts.Add(hit.Profile.Summary);
                    }
                    return prompts;
                }
            """), Key);

    [Fact]
    public Task Deconstructed_score_becomes_the_check_of_the_profile_beside_it() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, IReadOnlyList<(Reader, double)> hits)
                {
                    foreach (var (reader, score) in hits)
                    {
                        if ({|PERSONA003:score > 0.9|})
                            return reader.Summary;
                    }
                    return null;
                }
            """), InClass("""
                public string? Prompt(Reader user, IReadOnlyList<(Reader, double)> hits)
                {
                    foreach (var (reader, score) in hits)
                    {
                        if (ReaderGuard.TrySubstitute(user, reader, out _))
                            return reader.Summary;
                    }
                    return null;
                }
            """), Key);

    // The profile beside the score is never its own target: with no other profile in scope there is nothing to check
    // it against.
    [Fact]
    public Task The_profile_beside_the_score_is_not_taken_for_the_target() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string? Prompt(IReadOnlyList<(Reader, double)> hits)
                {
                    foreach (var (profile, score) in hits)
                    {
                        if ({|PERSONA003:score > 0.9|})
                            return profile.Summary;
                    }
                    return null;
                }
            """), Key);

    [Fact]
    public Task Every_hit_threshold_of_a_document_is_fixed_at_once() =>
        Threshold.VerifyAsync(InClass(TupleHit + """
                public string? One(Reader user, ScoredReader hit) => {|PERSONA003:0.8 <= hit.RelevanceScore|} ? hit.Reader.Summary : null;
            """ + Hits), InClass(TupleHitFixed + """
                public string? One(Reader user, ScoredReader hit) => ReaderGuard.TrySubstitute(user, hit.Reader, out _) ? hit.Reader.Summary : null;
            """ + Hits), Key, iterations: 2);

    [Fact]
    public Task Hit_threshold_without_a_target_in_scope_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public List<string> Configured(IReadOnlyList<(Reader Profile, double Score)> hits, double minScore) =>
                    hits.Where(h => {|PERSONA003:h.Score > minScore|}).Select(h => h.Profile.Summary).ToList();
            """), Key);

    // The score taken apart from a pair whose type alone names it (declared beside the body, which names no score).
    [Fact]
    public Task Score_taken_apart_in_a_body_that_names_no_score_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                private readonly List<(Reader Profile, double Similarity)> _pairs = new();

                public string Prompt(Reader user)
                {
                    var (twin, s) = _pairs[0];
                    if ({|PERSONA003:s > 0.9|})
                        return twin.Summary;
                    return user.Summary;
                }
            """), InClass("""
                private readonly List<(Reader Profile, double Similarity)> _pairs = new();

                public string Prompt(Reader user)
                {
                    var (twin, s) = _pairs[0];
                    if (ReaderGuard.TrySubstitute(user, twin, out _))
                        return twin.Summary;
                    return user.Summary;
                }
            """), Key);

    // The when clause of an arm that declares the hit's profile: the check of the hit's profile takes the bar's place.
    [Fact]
    public Task Hit_score_in_a_when_clause_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public string Prompt(Reader user, ScoredReader hit)
                {
                    switch (hit)
                    {
                        case { Reader: var p } when {|PERSONA003:hit.RelevanceScore > 0.9|}:
                            return p.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """ + Hits), InClass("""
                public string Prompt(Reader user, ScoredReader hit)
                {
                    switch (hit)
                    {
                        case { Reader: var p } when ReaderGuard.TrySubstitute(user, hit.Reader, out _):
                            return p.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """ + Hits), Key);
    /// <summary>A hit's score rescaled or given a default is still its score (probe 11b, repro 06): the check replaces
    /// the whole comparison.</summary>
    [Theory]
    [InlineData("hit.Score * 100 >= 80")]
    [InlineData("(hit.Score ?? 0) >= 0.8")]
    public Task Rescaled_or_defaulted_hit_score_becomes_the_check_of_its_record(string bar) =>
        Threshold.VerifyAsync(InClass($$"""
                public List<string> Prompts(Reader user, List<VectorSearchResult<Reader>> hits)
                {
                    var prompts = new List<string>();
                    foreach (var hit in hits)
                    {
                        if ({|PERSONA003:{{bar}}|})
                            prompts.Add(hit.Record.Summary);
                    }
                    return prompts;
                }
            """) + SearchHit, InClass("""
                public List<string> Prompts(Reader user, List<VectorSearchResult<Reader>> hits)
                {
                    var prompts = new List<string>();
                    foreach (var hit in hits)
                    {
                        if (ReaderGuard.TrySubstitute(user, hit.Record, out _))
                            prompts.Add(hit.Record.Summary);
                    }
                    return prompts;
                }
            """) + SearchHit, Key);

    /// <summary>The bar is a setting held by a primary constructor's parameter (probe 11b, repro 05): fixed as any bar
    /// while the class still reads the parameter elsewhere.</summary>
    [Fact]
    public Task Bar_from_a_primary_constructor_setting_read_elsewhere_becomes_the_check() =>
        Threshold.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;

            public sealed record Options(double MinScore, int Top);

            public sealed class Segments(Options options)
            {
                public int Top => options.Top;

                public IEnumerable<string> For(Reader seed, IReadOnlyList<(Reader Profile, double Score)> hits)
                {
                    foreach (var hit in hits)
                    {
                        if ({|PERSONA003:hit.Score < options.MinScore|})
                            continue;
                        yield return hit.Profile.Summary;
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using Shop;

            public sealed record Options(double MinScore, int Top);

            public sealed class Segments(Options options)
            {
                public int Top => options.Top;

                public IEnumerable<string> For(Reader seed, IReadOnlyList<(Reader Profile, double Score)> hits)
                {
                    foreach (var hit in hits)
                    {
                        if (!ReaderGuard.TrySubstitute(seed, hit.Profile, out _))
                            continue;
                        yield return hit.Profile.Summary;
                    }
                }
            }
            """, Key);

    /// <summary>Where the bar was the parameter's only read, the check would leave it unread (CS9113, a new compiler
    /// warning): the setting is dead once the bands decide, and dropping it from the constructor is the owner's change.</summary>
    [Fact]
    public Task Bar_that_was_a_primary_constructor_parameters_only_read_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync("""
            using Shop;

            public sealed record Options(double LookalikeThreshold);

            public sealed class Targeting(Options options)
            {
                public Reader Target(Reader seed, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(seed, other) > options.LookalikeThreshold|})
                        return other;
                    return seed;
                }
            }
            """, Key);
}
