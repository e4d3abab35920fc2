using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001 on a substitute an <c>out</c> argument receives: the band check joins the decision the call's
/// result already makes (<c>&amp;&amp;</c> where it succeeded, <c>||</c> where it failed), or guards a call that is a
/// statement of its own.</summary>
public class OutArgumentCheckTests
{
    private const string Key = "PERSONA001.Guard";

    private static string InClass(string members) => $$"""
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using Shop;

        public interface ITwinFinder
        {
            bool TryFindNearest(Reader target, out Reader twin);
            bool TryFindLookalike(Reader target, out Reader? twin);
            bool TryFindNeighbour(Reader target, [NotNullWhen(true)] out Reader? twin);
            void NearestInto(Reader target, out Reader twin);
            string? NearestReaderId(Reader target);
        }

        public class Recommender
        {
            private readonly ITwinFinder finder = null!;
            private readonly Dictionary<string, Reader> profiles = new();
            private Reader? last;

            private static string Keep(Reader? reader) => reader?.Id ?? "";

        {{members}}
        }
        """;

    [Fact]
    public Task Condition_of_an_if_takes_the_check_with_and() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    if (finder.TryFindNearest(user, {|PERSONA001:out var twin|}))
                        return Render.Recommend(twin);
                    return Render.Recommend(user);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    if (finder.TryFindNearest(user, out var twin) && ReaderGuard.TrySubstitute(user, twin, out _))
                        return Render.Recommend(twin);
                    return Render.Recommend(user);
                }
            """), Key);

    [Fact]
    public Task Nullable_out_variable_is_tested_for_presence_first() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    if (finder.TryFindLookalike(user, {|PERSONA001:out var twin|}))
                        return Render.Prompt(twin!);
                    return Render.Prompt(user);
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    if (finder.TryFindLookalike(user, out var twin) && twin is not null && ReaderGuard.TrySubstitute(user, twin, out _))
                        return Render.Prompt(twin!);
                    return Render.Prompt(user);
                }
            """), Key);

    [Fact]
    public Task Not_null_when_true_needs_no_presence_test() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    if (finder.TryFindNeighbour(user, {|PERSONA001:out var twin|}))
                    {
                        var prompt = Render.Prompt(twin);
                        return prompt;
                    }
                    return Render.Prompt(user);
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    if (finder.TryFindNeighbour(user, out var twin) && ReaderGuard.TrySubstitute(user, twin, out _))
                    {
                        var prompt = Render.Prompt(twin);
                        return prompt;
                    }
                    return Render.Prompt(user);
                }
            """), Key);

    [Fact]
    public Task Dictionary_lookup_by_the_nearest_id_joins_the_chain() =>
        Verify.VerifyAsync(InClass("""
                public Reader Persona(Reader user)
                {
                    if (finder.NearestReaderId(user) is { } id && profiles.TryGetValue(id, {|PERSONA001:out var twin|}))
                        return twin;
                    return user;
                }
            """), InClass("""
                public Reader Persona(Reader user)
                {
                    if (finder.NearestReaderId(user) is { } id && profiles.TryGetValue(id, out var twin) && ReaderGuard.TrySubstitute(user, twin, out _))
                        return twin;
                    return user;
                }
            """), Key);

    [Fact]
    public Task Negated_call_that_leaves_takes_the_check_with_or() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    if (!finder.TryFindNearest(user, {|PERSONA001:out var twin|}))
                        return Render.Recommend(user);
                    return Render.Recommend(twin);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    if (!finder.TryFindNearest(user, out var twin) || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return Render.Recommend(user);
                    return Render.Recommend(twin);
                }
            """), Key);

    [Fact]
    public Task Negated_call_with_a_nullable_variable_fails_on_null_too() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    if (!finder.TryFindLookalike(user, {|PERSONA001:out var twin|}))
                        return Render.Prompt(user);
                    return Render.Prompt(twin!);
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    if (!finder.TryFindLookalike(user, out var twin) || twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return Render.Prompt(user);
                    return Render.Prompt(twin!);
                }
            """), Key);

    [Fact]
    public Task Conditional_expression_takes_the_check_with_and() =>
        Verify.VerifyAsync(InClass("""
                public Reader Persona(Reader user) =>
                    finder.TryFindNearest(user, {|PERSONA001:out var twin|}) ? twin : user;
            """), InClass("""
                public Reader Persona(Reader user) =>
                    finder.TryFindNearest(user, out var twin) && ReaderGuard.TrySubstitute(user, twin, out _) ? twin : user;
            """), Key);

    [Fact]
    public Task Call_as_a_statement_is_followed_by_a_guard() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    finder.NearestInto(user, {|PERSONA001:out var twin|});
                    return Render.Recommend(twin);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    finder.NearestInto(user, out var twin);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(twin);
                }
            """), Key);

    [Fact]
    public Task Existing_variable_as_the_out_argument() =>
        Verify.VerifyAsync(InClass("""
                public Reader Persona(Reader user)
                {
                    Reader twin;
                    if (finder.TryFindNearest(user, {|PERSONA001:out twin|}))
                        return twin;
                    return user;
                }
            """), InClass("""
                public Reader Persona(Reader user)
                {
                    Reader twin;
                    if (finder.TryFindNearest(user, out twin) && ReaderGuard.TrySubstitute(user, twin, out _))
                        return twin;
                    return user;
                }
            """), Key);

    [Fact]
    public Task Fix_all_joins_each_decision() =>
        Verify.VerifyAsync(InClass("""
                public Reader First(Reader user)
                {
                    if (finder.TryFindNearest(user, {|PERSONA001:out var twin|}))
                        return twin;
                    return user;
                }

                public Reader Second(Reader user)
                {
                    if (!finder.TryFindNearest(user, {|PERSONA001:out var twin|}))
                        return user;
                    return twin;
                }
            """), InClass("""
                public Reader First(Reader user)
                {
                    if (finder.TryFindNearest(user, out var twin) && ReaderGuard.TrySubstitute(user, twin, out _))
                        return twin;
                    return user;
                }

                public Reader Second(Reader user)
                {
                    if (!finder.TryFindNearest(user, out var twin) || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return user;
                    return twin;
                }
            """), Key, iterations: 2);

    /// <summary>The variable is read after the <c>if</c> as well: joining the condition would leave that read unchecked.</summary>
    [Fact]
    public Task Not_offered_when_the_variable_is_read_after_the_if() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user)
                {
                    var found = "none";
                    if (finder.TryFindNearest(user, {|PERSONA001:out var twin|}))
                        found = "one";
                    last = twin;
                    return found;
                }
            """), Key);

    /// <summary>The statement names the variable beside the <c>?:</c> as well.</summary>
    [Fact]
    public Task Not_offered_when_the_variable_is_read_beside_the_conditional() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user)
                {
                    return (finder.TryFindNearest(user, {|PERSONA001:out var twin|}) ? "twin: " : "none: ") + Keep(twin);
                }
            """), Key);

    /// <summary>The body of the negated test does not leave: the code after it runs with the substitute either way.</summary>
    [Fact]
    public Task Not_offered_when_the_negated_branch_does_not_leave() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user)
                {
                    var note = "";
                    if (!finder.TryFindNearest(user, {|PERSONA001:out var twin|}))
                        note = "fallback";
                    return note + Render.Prompt(twin);
                }
            """), Key);

    /// <summary>Or-ed with something else, the call's success is not what decides the branch.</summary>
    [Fact]
    public Task Not_offered_when_the_call_is_one_side_of_an_or() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public Reader Persona(Reader user, bool preview)
                {
                    Reader twin = user;
                    if (preview || finder.TryFindNearest(user, {|PERSONA001:out twin|}))
                        return twin;
                    return user;
                }
            """), Key);

    [Fact]
    public Task Presence_test_after_the_call_is_kept_and_the_check_joins_after_it() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    if (finder.TryFindLookalike(user, {|PERSONA001:out var twin|}) && twin is not null)
                        return Render.Prompt(twin);
                    return Render.Prompt(user);
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    if (finder.TryFindLookalike(user, out var twin) && twin is not null && ReaderGuard.TrySubstitute(user, twin, out _))
                        return Render.Prompt(twin);
                    return Render.Prompt(user);
                }
            """), Key);

    /// <summary>The code says what happens without a twin (<c>twin?.Summary ?? …</c>): an unsafe one is made missing.</summary>
    [Fact]
    public Task Call_as_a_statement_read_null_safely_makes_an_unsafe_substitute_missing() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    finder.TryFindLookalike(user, {|PERSONA001:out var twin|});
                    return twin?.Summary ?? user.Summary;
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    finder.TryFindLookalike(user, out var twin);
                    if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = null;
                    return twin?.Summary ?? user.Summary;
                }
            """), Key);

    [Fact]
    public Task Drain_loop_checks_each_dequeued_substitute_in_its_body() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Summaries(Reader user, IReaderIndex index)
                {
                    var queue = new Queue<Reader>(index.NearestNeighbours(user, 5));
                    var summaries = new List<string>();
                    while (queue.TryDequeue(out var {|PERSONA001:n|}))
                        summaries.Add(n.Summary);
                    return summaries;
                }
            """), InClass("""
                public List<string> Summaries(Reader user, IReaderIndex index)
                {
                    var queue = new Queue<Reader>(index.NearestNeighbours(user, 5));
                    var summaries = new List<string>();
                    while (queue.TryDequeue(out var n))
                    {
                        if (!ReaderGuard.TrySubstitute(user, n, out _))
                            continue;
                        summaries.Add(n.Summary);
                    }
                    return summaries;
                }
            """), Key);
}
