using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001: "Use the safest substitute", "Mark the containing member [ProfileSubstitute]", and the band
/// check on a <c>foreach</c> variable, in a lambda and under an embedded statement.</summary>
public class SafestAndMarkTests
{
    private const string Safest = "PERSONA001.UseSafestSubstitute";
    private const string Mark = "PERSONA001.MarkProfileSubstitute";
    private const string Preferred = "PERSONA001.Guard";
    private const string Check = Preferred;

    [Fact]
    public Task Indexed_neighbour_becomes_the_safest_substitute() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 10);
                    var best = {|PERSONA001:neighbours[0]|};
                    return Render.Recommend(best);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 10);
                    var best = ReaderGuard.SafestSubstitute(user, neighbours) ?? user;
                    return Render.Recommend(best);
                }
            """), Safest);

    [Fact]
    public Task FirstOrDefault_with_a_predicate_keeps_the_filter() =>
        Verify.VerifyAsync(InClass("""
                public string? Prompt(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 10);
                    var match = {|PERSONA001:neighbours.FirstOrDefault(n => n.Summary.Length > 0)|};
                    return match is null ? null : Render.Prompt(match);
                }
            """), InClass("""
                public string? Prompt(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 10);
                    var match = ReaderGuard.SafestSubstitute(user, neighbours.Where(n => n.Summary.Length > 0));
                    return match is null ? null : Render.Prompt(match);
                }
            """), Safest);

    /// <summary>The predicate is a raw near-twin bar (PERSONA003): kept as the safest pick's shortlist, it would let
    /// only near-twins be considered and silence PERSONA003, whose fix turns the bar itself into the band check. No fix
    /// of PERSONA001's applies (the preferred key carries the first that would).</summary>
    [Theory]
    [InlineData("neighbours.FirstOrDefault(n => ReaderGuard.Similarity(user, n) >= 0.92)")]
    [InlineData("neighbours.Where(n => ReaderGuard.Similarity(user, n) >= 0.92).FirstOrDefault()")]
    public Task Safest_substitute_is_not_offered_over_a_raw_bar(string pick) =>
        Verify.VerifyNotOfferedAsync(InClass($$"""
                public string? Prompt(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 10);
                    var match = {|PERSONA001:{{pick}}|};
                    return match is null ? null : Render.Prompt(match);
                }
            """), Preferred);

    /// <summary>The element is a highest-similarity pick PERSONA002 reports: its fix puts the guard's pick there, and a
    /// PERSONA001 guard first would check the guard's pick a second time (probe 11b, repro 15).</summary>
    [Theory]
    [InlineData("index.NearestNeighbours(user, 10).MaxBy(n => ReaderGuard.Similarity(user, n))")]
    [InlineData("index.NearestNeighbours(user, 10).OrderByDescending(n => ReaderGuard.Similarity(user, n)).FirstOrDefault()")]
    public Task No_fix_where_the_pick_fix_settles_it(string pick) =>
        Verify.VerifyNotOfferedAsync(InClass($$"""
                public Reader? Donor(Reader user) => {|PERSONA001:{{pick}}|};
            """), Preferred);

    [Fact]
    public Task Safest_substitute_is_offered_past_a_bar_on_another_pair() =>
        Verify.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var neighbours = index.NearestNeighbours(user, 10);
                    var match = {|PERSONA001:neighbours.FirstOrDefault(n => n.Summary.Length > 0)|};
                    var log = ReaderGuard.Similarity(user, other) > 0.9 ? "close" : "far";
                    return match is null ? null : Render.Prompt(match) + log;
                }
            """), InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var neighbours = index.NearestNeighbours(user, 10);
                    var match = ReaderGuard.SafestSubstitute(user, neighbours.Where(n => n.Summary.Length > 0));
                    var log = ReaderGuard.Similarity(user, other) > 0.9 ? "close" : "far";
                    return match is null ? null : Render.Prompt(match) + log;
                }
            """), Safest);

    [Fact]
    public Task Safest_substitute_is_not_offered_for_a_single_lookup() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public void Warm(Reader user) => cached = {|PERSONA001:index.Lookalike(user)|};
            """), Safest);

    [Fact]
    public Task Member_without_a_target_is_marked_ProfileSubstitute() =>
        Verify.VerifyAsync(InClass("""
                /// <summary>The house persona for anonymous visitors.</summary>
                public Reader HousePersona()
                {
                    return {|PERSONA001:index.FallbackPersona|};
                }
            """), InClass("""
                /// <summary>The house persona for anonymous visitors.</summary>
                [ProfileSubstitute]
                public Reader HousePersona()
                {
                    return index.FallbackPersona;
                }
            """, "using PersonaAnalyzers;\n"), Preferred);

    /// <summary>A lookup's task returned unawaited has no profile to check yet: the member hands it on, even with the
    /// target in scope.</summary>
    [Fact]
    public Task Member_relaying_a_lookup_task_is_marked_ProfileSubstitute() =>
        Verify.VerifyAsync(InClass("""
                public Task<Reader?> Relay(Reader user) => {|PERSONA001:index.FindNearestAsync(user)|};
            """), InClass("""
                [ProfileSubstitute]
                public Task<Reader?> Relay(Reader user) => index.FindNearestAsync(user);
            """, "using PersonaAnalyzers;\n"), Preferred);

    [Fact]
    public Task Mark_is_not_offered_when_a_target_is_in_scope() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user) => {|PERSONA001:index.Lookalike(user)|};
            """), Mark);

    /// <summary>Elements that may be null (<c>Reader?</c>) get the null test first; non-nullable ones do not (probe 9c,
    /// repro 10).</summary>
    [Fact]
    public Task Foreach_variable_over_nullable_substitutes_is_null_tested_first() =>
        Verify.VerifyAsync(InClass("""
                public IEnumerable<string> Prompts(Reader user, List<Reader?> found)
                {
                    foreach (var {|PERSONA001:neighbour|} in found.Select(f => f ?? index.FindNearest(user)))
                        yield return Render.Prompt(neighbour!);
                }
            """), InClass("""
                public IEnumerable<string> Prompts(Reader user, List<Reader?> found)
                {
                    foreach (var neighbour in found.Select(f => f ?? index.FindNearest(user)))
                    {
                        if (neighbour is null || !ReaderGuard.TrySubstitute(user, neighbour, out _))
                            continue;
                        yield return Render.Prompt(neighbour!);
                    }
                }
            """), Check);

    [Fact]
    public Task Foreach_variable_over_substitutes_is_checked_first_in_the_body() =>
        Verify.VerifyAsync(InClass("""
                public List<Article> Blend(Reader user)
                {
                    var articles = new List<Article>();
                    foreach (var {|PERSONA001:neighbour|} in index.NearestNeighbours(user, 5))
                        articles.AddRange(Render.Recommend(neighbour));
                    return articles;
                }
            """), InClass("""
                public List<Article> Blend(Reader user)
                {
                    var articles = new List<Article>();
                    foreach (var neighbour in index.NearestNeighbours(user, 5))
                    {
                        if (!ReaderGuard.TrySubstitute(user, neighbour, out _))
                            continue;
                        articles.AddRange(Render.Recommend(neighbour));
                    }
                    return articles;
                }
            """), Check);

    [Fact]
    public Task Lambda_expression_body_becomes_a_block() =>
        Verify.VerifyAsync(InClass("""
                public IEnumerable<IReadOnlyList<Article>> ForAll(IEnumerable<Reader> users) =>
                    users.Select(u => Render.Recommend({|PERSONA001:index.Lookalike(u)|}));
            """), InClass("""
                public IEnumerable<IReadOnlyList<Article>> ForAll(IEnumerable<Reader> users) =>
                    users.Select(u =>
                    {
                        var substitute = index.Lookalike(u);
                        if (!ReaderGuard.TrySubstitute(u, substitute, out _))
                            return System.Array.Empty<Article>();
                        return Render.Recommend(substitute);
                    });
            """), Check);

    [Fact]
    public Task Embedded_statement_becomes_a_block() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader user, bool coldStart)
                {
                    if (coldStart)
                        cached = {|PERSONA001:index.Lookalike(user)|};
                }
            """), InClass("""
                public void Warm(Reader user, bool coldStart)
                {
                    if (coldStart)
                    {
                        var substitute = index.Lookalike(user);
                        if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                            return;
                        cached = substitute;
                    }
                }
            """), Check);

    [Fact]
    public Task Fix_all_in_project_and_solution_fixes_every_document() =>
        Verify.VerifyAsync(
            new[]
            {
                InClass("""
                    public void Warm(Reader user) => cached = {|PERSONA001:index.Lookalike(user)|};
                """),
                """
                using System.Collections.Generic;
                using Shop;

                public class Prompts
                {
                    public IReadOnlyList<Article> For(IReaderIndex index, Reader partial)
                    {
                        var twin = {|PERSONA001:index.Lookalike(partial)|};
                        return Render.Recommend(twin);
                    }
                }
                """,
            },
            new[]
            {
                InClass("""
                    public void Warm(Reader user)
                    {
                        var substitute = index.Lookalike(user);
                        if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                            return;
                        cached = substitute;
                    }
                """),
                """
                using System.Collections.Generic;
                using Shop;

                public class Prompts
                {
                    public IReadOnlyList<Article> For(IReaderIndex index, Reader partial)
                    {
                        var twin = index.Lookalike(partial);
                        if (!ReaderGuard.TrySubstitute(partial, twin, out _))
                            return System.Array.Empty<Article>();
                        return Render.Recommend(twin);
                    }
                }
                """,
            },
            Check, iterations: 2);

    [Fact]
    public Task Preferred_fix_all_gives_each_substitute_the_first_fix_that_fits() =>
        Verify.VerifyAsync(InClass("""
                public string Headline(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 5);
                    return Render.Prompt({|PERSONA001:neighbours[0]|});
                }

                public void Warm(Reader user) => cached = {|PERSONA001:index.Lookalike(user)|};

                public Reader HousePersona() => {|PERSONA001:index.FallbackPersona|};
            """), InClass("""
                public string Headline(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 5);
                    return Render.Prompt(ReaderGuard.SafestSubstitute(user, neighbours) ?? user);
                }

                public void Warm(Reader user)
                {
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        return;
                    cached = substitute;
                }

                [ProfileSubstitute]
                public Reader HousePersona() => index.FallbackPersona;
            """, "using PersonaAnalyzers;\n"), Preferred, iterations: 3);

    [Theory]
    [InlineData(Preferred)]
    [InlineData(Safest)]
    [InlineData(Mark)]
    public Task No_fix_rewrites_a_constructor_initializer_argument(string key) =>
        Verify.VerifyNotOfferedAsync("""
            using Shop;
            public class Base { protected Base(string prompt) { } }
            public class Derived : Base
            {
                public Derived(IReaderIndex index, Reader user) : base(Render.Prompt({|PERSONA001:index.Lookalike(user)|})) { }
            }
            """, key);
}
