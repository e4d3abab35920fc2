using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001: "Check the substitute with the guard's TrySubstitute", per construct. Where it is not offered,
/// no other PERSONA001 fix applies either (the preferred key is not offered at all), except where stated.</summary>
public class InsertBandCheckTests
{
    /// <summary>The band check is the preferred PERSONA001 fix: it is offered first, under the rule's preferred key.</summary>
    private const string Key = "PERSONA001.Guard";

    internal static string InClass(string members, string usings = "") => $$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        {{usings}}using Shop;

        public class Recommender
        {
            private readonly IReaderIndex index = null!;
            private Reader? cached;

        {{members}}
        }
        """;

    [Fact]
    public Task Call_of_a_source_method_group_gets_a_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    System.Func<Reader, Reader> pick = index.Lookalike;
                    var neighbour = {|PERSONA001:pick(user)|};
                    return Render.Recommend(neighbour);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    System.Func<Reader, Reader> pick = index.Lookalike;
                    var neighbour = pick(user);
                    if (!ReaderGuard.TrySubstitute(user, neighbour, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(neighbour);
                }
            """), Key);

    /// <summary>Past the guard the substitute is there: the programmer's own <c>?? user</c> on the next line would be dead.</summary>
    [Fact]
    public Task Return_of_the_local_or_a_fallback_right_after_the_guard_returns_the_local() =>
        Verify.VerifyAsync(InClass("""
                public async Task<Reader> Persona(Reader user)
                {
                    var twin = {|PERSONA001:await index.FindNearestAsync(user)|};
                    return twin ?? user; // the twin, or the user's own profile
                }
            """), InClass("""
                public async Task<Reader> Persona(Reader user)
                {
                    var twin = await index.FindNearestAsync(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return user;
                    return twin; // the twin, or the user's own profile
                }
            """), Key);

    [Fact]
    public Task Lookup_run_on_the_pool_and_awaited_later_gets_a_guard_for_the_lookups_own_target() =>
        Verify.VerifyAsync(InClass("""
                public async Task<Reader> Persona(Reader user, Reader guest)
                {
                    var lookup = Task.Run(() => index.FindNearest(guest));
                    var twin = {|PERSONA001:await lookup|};
                    return twin ?? user;
                }
            """), InClass("""
                public async Task<Reader> Persona(Reader user, Reader guest)
                {
                    var lookup = Task.Run(() => index.FindNearest(guest));
                    var twin = await lookup;
                    if (twin is null || !ReaderGuard.TrySubstitute(guest, twin, out _))
                        return user;
                    return twin;
                }
            """), Key);

    [Fact]
    public Task Call_of_a_local_function_that_returns_a_substitute_gets_a_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbour = {|PERSONA001:Resolve(user)|};
                    return Render.Recommend(neighbour!);

                    Reader? Resolve(Reader target) => index.FindNearest(target);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbour = Resolve(user);
                    if (neighbour is null || !ReaderGuard.TrySubstitute(user, neighbour, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(neighbour);

                    Reader? Resolve(Reader target) => index.FindNearest(target);
                }
            """), Key);

    [Fact]
    public Task Lookup_offloaded_to_a_task_gets_a_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public async Task<IReadOnlyList<Article>> Recommend(Reader user)
                {
                    var neighbour = {|PERSONA001:await Task.Run(() => index.Lookalike(user))|};
                    return Render.Recommend(neighbour);
                }
            """), InClass("""
                public async Task<IReadOnlyList<Article>> Recommend(Reader user)
                {
                    var neighbour = await Task.Run(() => index.Lookalike(user));
                    if (!ReaderGuard.TrySubstitute(user, neighbour, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(neighbour);
                }
            """), Key);

    [Fact]
    public Task Local_declaration_gets_a_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    // Cold start: borrow a lookalike's taste.
                    var neighbour = {|PERSONA001:index.Lookalike(user)|};
                    return Render.Recommend(neighbour);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    // Cold start: borrow a lookalike's taste.
                    var neighbour = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, neighbour, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(neighbour);
                }
            """), Key);

    [Fact]
    public Task Blocking_wait_on_an_async_lookup_gets_a_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbour = {|PERSONA001:index.FindNearestAsync(user).Result|};
                    return Render.Recommend(neighbour!);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbour = index.FindNearestAsync(user).Result;
                    if (neighbour is null || !ReaderGuard.TrySubstitute(user, neighbour, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(neighbour);
                }
            """), Key);

    [Fact]
    public Task Returned_substitute_falls_back_to_the_target() =>
        Verify.VerifyAsync(InClass("""
                public Reader ProfileFor(Reader partial)
                {
                    return {|PERSONA001:index.Lookalike(partial)|};
                }
            """), InClass("""
                public Reader ProfileFor(Reader partial)
                {
                    var substitute = index.Lookalike(partial);
                    if (!ReaderGuard.TrySubstitute(partial, substitute, out _))
                        return partial;
                    return substitute;
                }
            """), Key);

    [Fact]
    public Task Argument_is_hoisted_into_a_checked_local() =>
        Verify.VerifyAsync(InClass("""
                public Reader? Pick(Reader user)
                {
                    return Choose(user, {|PERSONA001:index.Lookalike(user)|});
                }

                private static Reader? Choose(Reader own, Reader other) => own.Topics.Length > 0 ? own : null;
            """), InClass("""
                public Reader? Pick(Reader user)
                {
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        return null;
                    return Choose(user, substitute);
                }

                private static Reader? Choose(Reader own, Reader other) => own.Topics.Length > 0 ? own : null;
            """), Key);

    [Fact]
    public Task Expression_bodied_method_becomes_a_block() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user) => Render.Recommend({|PERSONA001:index.Lookalike(user)|});
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(substitute);
                }
            """), Key);

    [Fact]
    public Task Assignment_to_a_field_in_a_void_method() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader user)
                {
                    cached = {|PERSONA001:index.Lookalike(user)|};
                }
            """), InClass("""
                public void Warm(Reader user)
                {
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        return;
                    cached = substitute;
                }
            """), Key);

    [Fact]
    public Task Coalesce_keeps_the_substitute_only_when_it_passes() =>
        Verify.VerifyAsync(InClass("""
                public Reader? Resolve(string id, Reader partial)
                {
                    return index.Own(id) ?? {|PERSONA001:index.FindNearest(partial)|};
                }
            """), InClass("""
                public Reader? Resolve(string id, Reader partial)
                {
                    return index.Own(id) ?? (index.FindNearest(partial) is { } substitute && ReaderGuard.TrySubstitute(partial, substitute, out _) ? substitute : null);
                }
            """), Key);

    // On the left of ??, the fallback the code has for no substitute is taken for an unsafe one too, in place: an
    // expression body stays one, and two in one body get a pattern variable each (Fix All).
    [Fact]
    public Task Coalesce_left_takes_the_existing_fallback_for_an_unsafe_substitute() =>
        Verify.VerifyAsync(InClass("""
                public Reader Resolve(Reader user) => {|PERSONA001:index.FindNearest(user)|} ?? user;

                public async Task<Reader> ResolveAsync(Reader user) =>
                    {|PERSONA001:await index.FindNearestAsync(user)|} ?? user;

                public async Task<string> Describe(Reader user)
                {
                    var twin = {|PERSONA001:await index.FindNearestAsync(user)|} ?? user;
                    var summary = ({|PERSONA001:index.FindNearest(user)|} ?? user).Summary;
                    return twin.Summary + summary;
                }
            """), InClass("""
                public Reader Resolve(Reader user) => index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : user;

                public async Task<Reader> ResolveAsync(Reader user) =>
                    await index.FindNearestAsync(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : user;

                public async Task<string> Describe(Reader user)
                {
                    var twin = await index.FindNearestAsync(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : user;
                    var summary = (index.FindNearest(user) is { } substitute2 && ReaderGuard.TrySubstitute(user, substitute2, out _) ? substitute2 : user).Summary;
                    return twin.Summary + summary;
                }
            """), Key, iterations: 4);

    // An id from a similarity search, looked up in a profile store: the looked-up profile gets the guard.
    [Fact]
    public Task A_profile_looked_up_by_a_similar_users_id_gets_a_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                private Task<IReadOnlyList<string>> FindSimilarReaderIdsAsync(double[] topics) => Task.FromResult<IReadOnlyList<string>>(new List<string>());
                private readonly Dictionary<string, Reader> store = new();

                public async Task<string> Prompt(Reader user)
                {
                    var ids = await FindSimilarReaderIdsAsync(user.Topics);
                    var twin = {|PERSONA001:store[ids[0]]|};
                    return Render.Prompt(twin);
                }
            """), InClass("""
                private Task<IReadOnlyList<string>> FindSimilarReaderIdsAsync(double[] topics) => Task.FromResult<IReadOnlyList<string>>(new List<string>());
                private readonly Dictionary<string, Reader> store = new();

                public async Task<string> Prompt(Reader user)
                {
                    var ids = await FindSimilarReaderIdsAsync(user.Topics);
                    var twin = store[ids[0]];
                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = user;
                    return Render.Prompt(twin);
                }
            """), Key);

    [Fact]
    public Task Awaited_substitute_in_an_async_method() =>
        Verify.VerifyAsync(InClass("""
                public async Task<IReadOnlyList<Article>> RecommendAsync(Reader user)
                {
                    var nearest = {|PERSONA001:await index.FindNearestAsync(user)|};
                    if (nearest is null)
                        return new List<Article>();
                    return Render.Recommend(nearest);
                }
            """), InClass("""
                public async Task<IReadOnlyList<Article>> RecommendAsync(Reader user)
                {
                    var nearest = await index.FindNearestAsync(user);
                    if (nearest is null || !ReaderGuard.TrySubstitute(user, nearest, out _))
                        return new List<Article>();
                    return Render.Recommend(nearest);
                }
            """), Key);

    [Fact]
    public Task Own_equality_null_check_is_extended_keeping_its_comments() =>
        Verify.VerifyAsync(InClass("""
                public Reader ProfileFor(Reader partial)
                {
                    var nearest = {|PERSONA001:index.FindNearest(partial)|};
                    // Nobody close enough yet: keep the partial profile.
                    if (nearest == null) // rare after the first week
                    {
                        return partial;
                    }
                    return nearest;
                }
            """), InClass("""
                public Reader ProfileFor(Reader partial)
                {
                    var nearest = index.FindNearest(partial);
                    // Nobody close enough yet: keep the partial profile.
                    if (nearest == null || !ReaderGuard.TrySubstitute(partial, nearest, out _)) // rare after the first week
                    {
                        return partial;
                    }
                    return nearest;
                }
            """), Key);

    [Fact]
    public Task Own_not_pattern_null_check_in_a_loop_is_extended() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Prompts(IEnumerable<Reader> users)
                {
                    var prompts = new List<string>();
                    foreach (var user in users)
                    {
                        var twin = {|PERSONA001:index.FindNearest(user)|};
                        if (twin is not { })
                            continue;
                        prompts.Add(Render.Prompt(twin));
                    }
                    return prompts;
                }
            """), InClass("""
                public List<string> Prompts(IEnumerable<Reader> users)
                {
                    var prompts = new List<string>();
                    foreach (var user in users)
                    {
                        var twin = index.FindNearest(user);
                        if (twin is not { } || !ReaderGuard.TrySubstitute(user, twin, out _))
                            continue;
                        prompts.Add(Render.Prompt(twin));
                    }
                    return prompts;
                }
            """), Key);

    // if (twin is not null) …: the check joins the condition, and what follows the if still runs for an unsafe twin
    // (a guard that returns would skip it).
    [Fact]
    public Task Own_presence_check_around_the_last_use_is_extended() =>
        Verify.VerifyAsync(InClass("""
                public void Remember(Reader user, List<string> log)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is not null)
                        cached = twin;
                    log.Add(user.Id);
                }

                public void Show(Reader user, List<string> log)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin != null) { log.Add(Render.Prompt(twin)); }
                }
            """), InClass("""
                public void Remember(Reader user, List<string> log)
                {
                    var twin = index.FindNearest(user);
                    if (twin is not null && ReaderGuard.TrySubstitute(user, twin, out _))
                        cached = twin;
                    log.Add(user.Id);
                }

                public void Show(Reader user, List<string> log)
                {
                    var twin = index.FindNearest(user);
                    if (twin != null && ReaderGuard.TrySubstitute(user, twin, out _)) { log.Add(Render.Prompt(twin)); }
                }
            """), Key, iterations: 2);

    // Named again after the if: the twin would reach that use unchecked, so the guard goes in front.
    [Fact]
    public Task Own_presence_check_with_a_later_use_gets_a_guard_in_front() =>
        Verify.VerifyAsync(InClass("""
                public void Remember(Reader user, List<string> log)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is { })
                        cached = twin;
                    log.Add(Render.Prompt(twin!));
                }
            """), InClass("""
                public void Remember(Reader user, List<string> log)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return;
                    if (twin is { })
                        cached = twin;
                    log.Add(Render.Prompt(twin!));
                }
            """), Key);

    /// <summary>The code's own answer for a missing twin, inside the return (<c>twin?.Summary ?? user.Summary</c>): an
    /// unsafe twin is made missing, so that answer is kept for it — leaving with an empty list would change what a user
    /// with no twin at all gets (probe 8, repro 03).</summary>
    [Fact]
    public Task List_result_with_its_own_fallback_for_a_missing_twin_makes_an_unsafe_one_missing() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<string> Summaries(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    return new[] { twin?.Summary ?? user.Summary };
                }
            """), InClass("""
                public IReadOnlyList<string> Summaries(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = null;
                    return new[] { twin?.Summary ?? user.Summary };
                }
            """), Key);

    /// <summary>A prompt whose every read of the twin has its own default (<c>?.</c>, <c>??</c>): the default serves an
    /// unsafe twin too, where standing the user's profile in would change the prompt of a user with no twin.</summary>
    [Fact]
    public Task Prompt_reading_the_twin_only_null_tolerantly_makes_an_unsafe_one_missing() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    var tone = twin?.Summary;
                    return $"Write like: {tone ?? "a neutral reader"} ({(twin ?? user).Id})";
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = null;
                    var tone = twin?.Summary;
                    return $"Write like: {tone ?? "a neutral reader"} ({(twin ?? user).Id})";
                }
            """), Key);

    /// <summary>A lookup read in place through <c>?.</c>: hoisted into a local, and made missing when unsafe, so the
    /// code's own default still serves a user with no twin (probe 9c, repro 09).</summary>
    [Fact]
    public Task Lookup_read_through_conditional_access_is_made_missing_when_unsafe() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user) =>
                    $"Write like: {{|PERSONA001:index.FindNearest(user)|}?.Summary ?? "a neutral reader"}";
            """), InClass("""
                public string Prompt(Reader user)
                {
                    var substitute = index.FindNearest(user);
                    if (substitute is not null && !ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = null;
                    return $"Write like: {substitute?.Summary ?? "a neutral reader"}";
                }
            """), Key);

    /// <summary>A switch on the twin with a <c>null</c> arm of its own, and reads only in arms that never match null: an
    /// unsafe twin is made missing, so the <c>null</c> arm serves it (probe 9d, repro 06).</summary>
    [Fact]
    public Task Switch_with_its_own_null_arm_makes_an_unsafe_twin_missing() =>
        Verify.VerifyAsync(InClass("""
                public async Task<string> Bio(Reader user)
                {
                    var twin = {|PERSONA001:await index.FindNearestAsync(user)|};
                    return twin switch
                    {
                        null => user.Summary,
                        { Summary.Length: > 0 } => twin.Summary,
                        _ => user.Summary,
                    };
                }
            """), InClass("""
                public async Task<string> Bio(Reader user)
                {
                    var twin = await index.FindNearestAsync(user);
                    if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = null;
                    return twin switch
                    {
                        null => user.Summary,
                        { Summary.Length: > 0 } => twin.Summary,
                        _ => user.Summary,
                    };
                }
            """), Key);

    /// <summary>One read that does not allow for a missing twin (<c>Render.Prompt(twin!)</c>) and the code has no answer of
    /// its own for every read: the usual guard, with the user's profile standing in.</summary>
    [Fact]
    public Task A_read_that_does_not_allow_for_a_missing_twin_keeps_the_usual_guard() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    var tone = twin?.Summary ?? "neutral";
                    return tone + Render.Prompt(twin!);
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = user;
                    var tone = twin?.Summary ?? "neutral";
                    return tone + Render.Prompt(twin!);
                }
            """), Key);

    /// <summary>A local typed without <c>?</c> cannot be made missing without a nullable warning: the usual guard.</summary>
    [Fact]
    public Task A_local_typed_not_null_keeps_the_usual_guard() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<string> Summaries(Reader user)
                {
                    Reader twin = {|PERSONA001:index.Lookalike(user)|};
                    return new[] { twin?.Summary ?? user.Summary };
                }
            """), InClass("""
                public IReadOnlyList<string> Summaries(Reader user)
                {
                    Reader twin = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        return System.Array.Empty<string>();
                    return new[] { twin?.Summary ?? user.Summary };
                }
            """), Key);

    /// <summary>The programmer's own presence test, first in an <c>&amp;&amp;</c> chain, with code after the <c>if</c>
    /// that must still run: the check joins the test (probe 9c, repro 11) — a guard that leaves would skip the log line.</summary>
    [Fact]
    public Task Own_presence_test_first_in_an_and_chain_is_joined_and_the_code_after_it_still_runs() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader user, List<string> log)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is not null && twin.Topics.Length > 0)
                        cached = twin;
                    log.Add("warmed");
                }
            """), InClass("""
                public void Warm(Reader user, List<string> log)
                {
                    var twin = index.FindNearest(user);
                    if (twin is not null && ReaderGuard.TrySubstitute(user, twin, out _) && twin.Topics.Length > 0)
                        cached = twin;
                    log.Add("warmed");
                }
            """), Key);

    /// <summary>An <c>else</c> that does not name the twin is the code's own answer for a missing one: an unsafe one
    /// gets it too.</summary>
    [Fact]
    public Task Own_presence_test_with_an_else_that_does_not_name_the_twin_is_joined() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin != null)
                        return Render.Recommend(twin);
                    else
                        return Render.Recommend(user);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin != null && ReaderGuard.TrySubstitute(user, twin, out _))
                        return Render.Recommend(twin);
                    else
                        return Render.Recommend(user);
                }
            """), Key);

    /// <summary>A result that may be null says "no one" already: an unsafe twin is no one too, not the user (probe 9c,
    /// repros 02 and 12: a user matched with themself).</summary>
    [Fact]
    public Task Nullable_profile_result_leaves_with_null() =>
        Verify.VerifyAsync(InClass("""
                public async Task<Reader?> Donor(Reader user)
                {
                    var twin = {|PERSONA001:await index.FindNearestAsync(user)|};
                    Render.Prompt(user);
                    return twin;
                }
            """), InClass("""
                public async Task<Reader?> Donor(Reader user)
                {
                    var twin = await index.FindNearestAsync(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return null;
                    Render.Prompt(user);
                    return twin;
                }
            """), Key);

    /// <summary>A prompt string has no value of its own to leave with: the fix would stand the user's profile in. The
    /// programmer's own return for a missing twin is the better answer for an unsafe one.</summary>
    [Fact]
    public Task Own_null_check_returning_a_value_where_the_fix_would_stand_the_user_in_is_joined() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null)
                        return "default prompt";
                    return Render.Prompt(twin);
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return "default prompt";
                    return Render.Prompt(twin);
                }
            """), Key);

    /// <summary>The programmer's own vetting after the null test: the band check joins it, and the unsafe twin gets the
    /// programmer's fallback rather than the fix's.</summary>
    [Fact]
    public Task Own_null_check_with_more_reasons_to_leave_is_joined() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null || twin.Topics.Length == 0)
                        return Render.Recommend(user);
                    return Render.Recommend(twin);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _) || twin.Topics.Length == 0)
                        return Render.Recommend(user);
                    return Render.Recommend(twin);
                }
            """), Key);

    [Fact]
    /// <summary>The code's own exit for a missing substitute keeps it (probe 14b, repro 01: a guard in front, testing
    /// for null itself, made it dead); the guard goes after it, where the substitute is there.</summary>
    public Task Own_null_check_that_leaves_another_way_gets_the_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Prompts(IEnumerable<Reader> users)
                {
                    var prompts = new List<string>();
                    foreach (var user in users)
                    {
                        var twin = {|PERSONA001:index.FindNearest(user)|};
                        if (twin is null)
                            break;
                        prompts.Add(Render.Prompt(twin));
                    }
                    return prompts;
                }
            """), InClass("""
                public List<string> Prompts(IEnumerable<Reader> users)
                {
                    var prompts = new List<string>();
                    foreach (var user in users)
                    {
                        var twin = index.FindNearest(user);
                        if (twin is null)
                            break;
                        if (!ReaderGuard.TrySubstitute(user, twin, out _))
                            continue;
                        prompts.Add(Render.Prompt(twin));
                    }
                    return prompts;
                }
            """), Key);

    [Fact]
    public Task Own_null_check_that_throws_gets_the_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public Reader ProfileFor(Reader partial)
                {
                    var nearest = {|PERSONA001:index.FindNearest(partial)|};
                    if (nearest is null)
                        throw new System.InvalidOperationException("no readers yet");
                    return nearest;
                }
            """), InClass("""
                public Reader ProfileFor(Reader partial)
                {
                    var nearest = index.FindNearest(partial);
                    if (nearest is null)
                        throw new System.InvalidOperationException("no readers yet");
                    if (!ReaderGuard.TrySubstitute(partial, nearest, out _))
                        return partial;
                    return nearest;
                }
            """), Key);

    [Fact]
    public Task Inside_a_loop_the_item_is_skipped() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Prompts(IEnumerable<Reader> users)
                {
                    var prompts = new List<string>();
                    foreach (var user in users)
                    {
                        var twin = {|PERSONA001:index.Lookalike(user)|};
                        prompts.Add(Render.Prompt(twin));
                    }
                    return prompts;
                }
            """), InClass("""
                public List<string> Prompts(IEnumerable<Reader> users)
                {
                    var prompts = new List<string>();
                    foreach (var user in users)
                    {
                        var twin = index.Lookalike(user);
                        if (!ReaderGuard.TrySubstitute(user, twin, out _))
                            continue;
                        prompts.Add(Render.Prompt(twin));
                    }
                    return prompts;
                }
            """), Key);

    /// <summary>A loop body made a block keeps its end-of-line comment once, on its statement (probe 15b, repro 05: the
    /// closing brace got a copy).</summary>
    [Fact]
    public Task A_braceless_loop_body_made_a_block_keeps_its_comment_once() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Summaries(Reader user)
                {
                    var list = new List<string>();
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 5))
                        list.Add(n.Summary); // shown on the dashboard
                    return list;
                }
            """), InClass("""
                public List<string> Summaries(Reader user)
                {
                    var list = new List<string>();
                    foreach (var n in index.NearestNeighbours(user, 5))
                    {
                        if (!ReaderGuard.TrySubstitute(user, n, out _))
                            continue;
                        list.Add(n.Summary); // shown on the dashboard
                    }
                    return list;
                }
            """), Key);

    [Fact]
    public Task Fix_all_gives_each_hoisted_local_its_own_name() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader user, Reader partner)
                {
                    cached = {|PERSONA001:index.Lookalike(user)|};
                    cached = {|PERSONA001:index.Lookalike(partner)|};
                }
            """), InClass("""
                public void Warm(Reader user, Reader partner)
                {
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        return;
                    cached = substitute;
                    var substitute2 = index.Lookalike(partner);
                    if (!ReaderGuard.TrySubstitute(partner, substitute2, out _))
                        return;
                    cached = substitute2;
                }
            """), Key, iterations: 2);

    [Fact]
    public Task A_string_result_with_no_neutral_fallback_falls_back_to_the_users_own_profile() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user) => Render.Prompt({|PERSONA001:index.Lookalike(user)|});
            """), InClass("""
                public string Prompt(Reader user)
                {
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = user;
                    return Render.Prompt(substitute);
                }
            """), Key);

    [Fact]
    public Task A_local_read_into_a_prompt_falls_back_to_the_users_own_profile() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user, string question)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|}!;
                    return $"Answer as someone who wrote: {twin.Summary}\n{question}";
                }
            """), InClass("""
                public string Prompt(Reader user, string question)
                {
                    var twin = index.FindNearest(user)!;
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = user;
                    return $"Answer as someone who wrote: {twin.Summary}\n{question}";
                }
            """), Key);

    /// <summary>A check of a <c>dynamic</c> local binds at run time, and the rule cannot count it.</summary>
    [Fact]
    public Task Not_offered_for_a_dynamic_local() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user)
                {
                    dynamic twin = {|PERSONA001:index.FindNearest(user)|}!;
                    return Render.Prompt(twin);
                }
            """), "PERSONA001.InsertBandCheck");

    /// <summary>A cache that keeps what its factory gives, the call's value thrown away: a guard on a hoisted value
    /// would come after the store and only hide the report (probe 9a, repro 03).</summary>
    [Theory]
    [InlineData("public void Warm(Reader user) => {|PERSONA001:donors.GetOrAdd(user.Id, _ => index.FindNearest(user))|};")]
    [InlineData("public void Warm(Reader user) { _ = {|PERSONA001:donors.GetOrAdd(user.Id, _ => index.FindNearest(user))|}; }")]
    [InlineData("public void Warm(Reader user) { {|PERSONA001:donors.AddOrUpdate(user.Id, _ => index.FindNearest(user), (_, old) => old)|}; }")]
    public Task Not_offered_for_a_cache_factory_whose_value_is_thrown_away(string member) =>
        Verify.VerifyNotOfferedAsync(InClass(member + """

                private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Reader?> donors = new();
            """), Key);

    /// <summary>A raw similarity bar that decides on the same substitute: PERSONA003's fix turns it into the check, which
    /// settles this report too; a guard added first would leave the bar behind a second check, and the code a
    /// <c>dotnet format</c> run writes would depend on which rule it fixed first (probe 9c, repros 03, 04, 05, 13, 14).</summary>
    [Theory]
    [InlineData("""
                public string Blurb(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin != null && ReaderGuard.Similarity(user, twin) > 0.9)
                        return twin.Summary;
                    return user.Summary;
                }
        """)]
    [InlineData("""
                public string Blurb(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null || ReaderGuard.Similarity(user, twin) < 0.8)
                        return "hi";
                    return twin.Summary;
                }
        """)]
    // A two-way switch on the score after the code's null exit (probe 11b, repro 16): the bar is the arm's pattern.
    [InlineData("""
                public Reader Voice(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null)
                        return user;
                    return ReaderGuard.Similarity(user, twin) switch
                    {
                        >= 0.9 => twin,
                        _ => user,
                    };
                }
        """)]
    [InlineData("""
                public int Count(Reader user)
                {
                    var total = 0;
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 10))
                    {
                        if (ReaderGuard.Similarity(user, n) < 0.7)
                            continue;
                        total += n.Summary.Length;
                    }
                    return total;
                }
        """)]
    [InlineData("""
                public Reader Pick(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null)
                        return user;
                    var s = ReaderGuard.Similarity(user, twin);
                    if (s < 0.7)
                        return user;
                    return twin;
                }
        """)]
    [InlineData("""
                public string Pick(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|} ?? user;
                    return ReaderGuard.Similarity(user, twin) > 0.9 ? twin.Summary : user.Summary;
                }
        """)]
    public Task Not_offered_where_a_raw_bar_decides_on_the_same_substitute(string member) =>
        Verify.VerifyNotOfferedAsync(InClass(member), Key);

    /// <summary>Substitutes filtered by a raw bar before they are handed on: a second <c>Where</c> with the check would
    /// filter twice; PERSONA003's fix turns the bar into the check (probe 9c, repro 13).</summary>
    [Fact]
    public Task Keeping_safe_substitutes_is_not_offered_where_a_raw_bar_filters_them() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public List<Reader> Close(Reader me) =>
                    {|PERSONA001:index.NearestNeighbours(me, 10)|}.Where(c => ReaderGuard.Similarity(me, c) > 0.75).ToList();
            """), "PERSONA001.KeepSafeSubstitutes");

    [Fact]
    public Task Not_offered_when_evaluated_only_on_one_branch() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public void Warm(Reader user, bool coldStart)
                {
                    if (coldStart && Keep({|PERSONA001:index.Lookalike(user)|}))
                        cached = user;
                }

                private static bool Keep(Reader other) => other.Topics.Length > 0;
            """), Key);

    [Fact]
    public Task Against_a_profile_known_to_be_null_the_member_is_marked_instead() =>
        Verify.VerifyAsync(InClass("""
                public Reader? Resolve(string id)
                {
                    var own = index.Own(id);
                    if (own is null)
                        return {|PERSONA001:index.FallbackPersona|};
                    return own;
                }
            """), InClass("""
                [ProfileSubstitute]
                public Reader? Resolve(string id)
                {
                    var own = index.Own(id);
                    if (own is null)
                        return index.FallbackPersona;
                    return own;
                }
            """, "using PersonaAnalyzers;\n"), Key);

    [Fact]
    public Task Not_offered_after_another_call_in_the_same_statement() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public void Warm(Reader user)
                {
                    Store(Touch(user), {|PERSONA001:index.Lookalike(user)|});
                }

                private static int Touch(Reader user) => 0;
                private void Store(int version, Reader other) => cached = null;
            """), Key);

    [Fact]
    public Task In_a_constructor_which_cannot_leave_early_the_users_own_profile_stands_in() =>
        Verify.VerifyAsync(InClass("""
                public Recommender(IReaderIndex index, Reader user)
                {
                    this.index = index;
                    cached = {|PERSONA001:index.Lookalike(user)|};
                }
            """), InClass("""
                public Recommender(IReaderIndex index, Reader user)
                {
                    this.index = index;
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = user;
                    cached = substitute;
                }
            """), Key);

    [Fact]
    public Task Profile_the_substitute_was_looked_up_for_is_the_target() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader user, Reader guest)
                {
                    cached = {|PERSONA001:index.Lookalike(guest)|};
                }
            """), InClass("""
                public void Warm(Reader user, Reader guest)
                {
                    var substitute = index.Lookalike(guest);
                    if (!ReaderGuard.TrySubstitute(guest, substitute, out _))
                        return;
                    cached = substitute;
                }
            """), Key);

    [Fact]
    public Task A_substitute_local_is_never_the_target() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader partial)
                {
                    var twin = {|PERSONA001:index.Lookalike(partial)|};
                    var other = {|PERSONA001:index.FindNearest(twin)|};
                    cached = twin;
                    cached = other;
                }
            """), InClass("""
                public void Warm(Reader partial)
                {
                    var twin = index.Lookalike(partial);
                    if (!ReaderGuard.TrySubstitute(partial, twin, out _))
                        return;
                    var other = index.FindNearest(twin);
                    if (other is null || !ReaderGuard.TrySubstitute(partial, other, out _))
                        return;
                    cached = twin;
                    cached = other;
                }
            """), Key, iterations: 2);

    [Fact]
    public Task Await_foreach_variable_gets_a_guard_in_the_loop() =>
        Verify.VerifyAsync(InClass("""
                public async IAsyncEnumerable<string> Stream(Reader user)
                {
                    await foreach (var {|PERSONA001:neighbour|} in NeighboursAsync(user))
                        yield return Render.Prompt(neighbour);
                }

                private static async IAsyncEnumerable<Reader> NeighboursAsync(Reader user)
                {
                    await Task.Yield();
                    yield return user;
                }
            """), InClass("""
                public async IAsyncEnumerable<string> Stream(Reader user)
                {
                    await foreach (var neighbour in NeighboursAsync(user))
                    {
                        if (!ReaderGuard.TrySubstitute(user, neighbour, out _))
                            continue;
                        yield return Render.Prompt(neighbour);
                    }
                }

                private static async IAsyncEnumerable<Reader> NeighboursAsync(Reader user)
                {
                    await Task.Yield();
                    yield return user;
                }
            """), Key);

    [Fact]
    public Task Loop_over_scored_pairs_checks_the_profile_of_each_pair() =>
        Verify.VerifyAsync(InClass("""
                public string Prompts(Reader user)
                {
                    var text = "";
                    foreach (var {|PERSONA001:pair|} in FindNearestNeighbours(user, 5))
                        text += pair.Profile.Summary;
                    return text;
                }

                private List<(Reader Profile, double Similarity)> FindNearestNeighbours(Reader r, int k) => new();
            """), InClass("""
                public string Prompts(Reader user)
                {
                    var text = "";
                    foreach (var pair in FindNearestNeighbours(user, 5))
                    {
                        if (!ReaderGuard.TrySubstitute(user, pair.Profile, out _))
                            continue;
                        text += pair.Profile.Summary;
                    }
                    return text;
                }

                private List<(Reader Profile, double Similarity)> FindNearestNeighbours(Reader r, int k) => new();
            """), Key);

    [Fact]
    public Task Loop_over_search_hits_checks_the_record_of_each_hit() =>
        Verify.VerifyAsync(InClass("""
                public async IAsyncEnumerable<string> Prompts(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var {|PERSONA001:hit|} in FindNearestAsync(embedding))
                        yield return hit.Record.Summary;
                }

                private static async IAsyncEnumerable<VectorSearchResult<Reader>> FindNearestAsync(ReadOnlyMemory<float> embedding)
                {
                    await Task.Yield();
                    yield break;
                }
            """, "using System;\n") + SearchHit, InClass("""
                public async IAsyncEnumerable<string> Prompts(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in FindNearestAsync(embedding))
                    {
                        if (!ReaderGuard.TrySubstitute(user, hit.Record, out _))
                            continue;
                        yield return hit.Record.Summary;
                    }
                }

                private static async IAsyncEnumerable<VectorSearchResult<Reader>> FindNearestAsync(ReadOnlyMemory<float> embedding)
                {
                    await Task.Yield();
                    yield break;
                }
            """, "using System;\n") + SearchHit, Key);

    // A Microsoft.Extensions.VectorData search over profiles is a source with no configuration (the real package).
    [Fact]
    public Task Loop_over_a_vector_store_search_checks_the_record_of_each_hit() =>
        Verify.VerifyWithVectorDataAsync(InClass("""
                private readonly VectorStoreCollection<string, Reader> readers = null!;

                public async IAsyncEnumerable<string> Prompts(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var {|PERSONA001:hit|} in readers.SearchAsync(embedding, top: 3))
                        yield return hit.Record.Summary;
                }
            """, "using System;\nusing Microsoft.Extensions.VectorData;\n"), InClass("""
                private readonly VectorStoreCollection<string, Reader> readers = null!;

                public async IAsyncEnumerable<string> Prompts(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in readers.SearchAsync(embedding, top: 3))
                    {
                        if (!ReaderGuard.TrySubstitute(user, hit.Record, out _))
                            continue;
                        yield return hit.Record.Summary;
                    }
                }
            """, "using System;\nusing Microsoft.Extensions.VectorData;\n"), Key);

    /// <summary>A vector store's search hit, as Microsoft.Extensions.VectorData shapes it (a record beside a nullable score).</summary>
    internal const string SearchHit = """

        public sealed class VectorSearchResult<TRecord>
        {
            public TRecord Record { get; } = default!;
            public double? Score { get; }
        }
        """;

    [Fact]
    public Task Coalescing_assignment_to_a_local_keeps_the_substitute_only_when_safe() =>
        Verify.VerifyAsync(InClass("""
                public IEnumerable<Article> Recommend(Reader user)
                {
                    var twin = index.Own(user.Id);
                    twin ??= {|PERSONA001:index.FindNearest(user)|};
                    return twin is null ? Enumerable.Empty<Article>() : Render.Recommend(twin);
                }
            """), InClass("""
                public IEnumerable<Article> Recommend(Reader user)
                {
                    var twin = index.Own(user.Id);
                    twin ??= index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : null;
                    return twin is null ? Enumerable.Empty<Article>() : Render.Recommend(twin);
                }
            """), Key);

    [Fact]
    public Task Coalescing_assignment_to_a_field_keeps_the_substitute_only_when_safe() =>
        Verify.VerifyAsync(InClass("""
                public void Remember(Reader user)
                {
                    cached ??= {|PERSONA001:index.FindNearest(user)|};
                }
            """), InClass("""
                public void Remember(Reader user)
                {
                    cached ??= index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : null;
                }
            """), Key);

    /// <summary>A lookup tested by a pattern that declares its variable: the check joins that test, and the code's own
    /// answer for no substitute serves an unsafe one. Pulled into a local instead, the pattern tested a local that could
    /// no longer be null, and a second <c>dotnet format</c> run added the guard again (probe 11b, repro 01).</summary>
    [Theory]
    [InlineData(
        "if ({|PERSONA001:index.FindNearest(user)|} is not { } twin) return Render.Prompt(user); return Render.Prompt(twin);",
        "if (index.FindNearest(user) is not { } twin || !ReaderGuard.TrySubstitute(user, twin, out _)) return Render.Prompt(user); return Render.Prompt(twin);")]
    [InlineData(
        "if ({|PERSONA001:index.FindNearest(user)|} is { } twin) return Render.Prompt(twin); return \"\";",
        "if (index.FindNearest(user) is { } twin && ReaderGuard.TrySubstitute(user, twin, out _)) return Render.Prompt(twin); return \"\";")]
    [InlineData(
        "return {|PERSONA001:index.FindNearest(user)|} is Reader twin ? Render.Prompt(twin) : Render.Prompt(user);",
        "return index.FindNearest(user) is Reader twin && ReaderGuard.TrySubstitute(user, twin, out _) ? Render.Prompt(twin) : Render.Prompt(user);")]
    [InlineData(
        "if (user.Summary.Length == 0 || {|PERSONA001:index.FindNearest(user)|} is not { } twin) return \"\"; return Render.Prompt(twin);",
        "if (user.Summary.Length == 0 || index.FindNearest(user) is not { } twin || !ReaderGuard.TrySubstitute(user, twin, out _)) return \"\"; return Render.Prompt(twin);")]
    public Task A_lookup_tested_by_a_declaring_pattern_gets_the_check_joined(string before, string after) =>
        Verify.VerifyAsync(InClass($$"""
                public string Prompt(Reader user)
                {
                    {{before}}
                }
            """), InClass($$"""
                public string Prompt(Reader user)
                {
                    {{after}}
                }
            """), Key);

    [Fact]
    public Task An_awaited_lookup_tested_by_a_declaring_pattern_gets_the_check_joined() =>
        Verify.VerifyAsync(InClass("""
                public async Task<Reader?> Pick(Reader user)
                {
                    if ({|PERSONA001:await index.FindNearestAsync(user).ConfigureAwait(false)|} is not { } twin)
                        return null;
                    return twin;
                }
            """), InClass("""
                public async Task<Reader?> Pick(Reader user)
                {
                    if (await index.FindNearestAsync(user).ConfigureAwait(false) is not { } twin || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return null;
                    return twin;
                }
            """), Key);

    /// <summary>The code's own null exit written as a block that does more before it leaves: the check joins its condition.
    /// A guard in front made the block dead, and a <c>Try…</c> method said "found" for a missing substitute (probe 11b,
    /// repro 03).</summary>
    [Fact]
    public Task A_block_null_exit_gets_the_check_joined() =>
        Verify.VerifyAsync(InClass("""
                public bool TryPrompt(Reader user, out string prompt)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null)
                    {
                        prompt = Render.Prompt(user);
                        return false;
                    }
                    prompt = Render.Prompt(twin);
                    return true;
                }
            """), InClass("""
                public bool TryPrompt(Reader user, out string prompt)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                    {
                        prompt = Render.Prompt(user);
                        return false;
                    }
                    prompt = Render.Prompt(twin);
                    return true;
                }
            """), Key);

    /// <summary>A block that names the substitute before it leaves is not joined by the check: it stays the code's exit
    /// for a missing substitute, and the guard goes after it.</summary>
    [Fact]
    public Task A_block_exit_that_reads_the_substitute_gets_the_guard_after_it() =>
        Verify.VerifyAsync(InClass("""
                public string Prompt(Reader user, List<string> log)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null)
                    {
                        log.Add(twin?.Id ?? "none");
                        return Render.Prompt(user);
                    }
                    return Render.Prompt(twin);
                }
            """), InClass("""
                public string Prompt(Reader user, List<string> log)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null)
                    {
                        log.Add(twin?.Id ?? "none");
                        return Render.Prompt(user);
                    }

                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = user;
                    return Render.Prompt(twin);
                }
            """), Key);

    /// <summary>The code's own answer for a missing substitute in a <c>?:</c> on its presence, a <c>switch</c> with
    /// <c>case null:</c>, or a <c>switch</c> on the lookup whose <c>default:</c> null reaches: an unsafe substitute is made
    /// missing so that answer serves it too. Leaving with an empty list instead gave a user with no neighbour nothing
    /// (probe 11b, repro 04).</summary>
    [Theory]
    [InlineData(
        "var twin = {|PERSONA001:index.FindNearest(user)|};\n        return twin is not null ? twin.Summary : user.Summary;",
        "var twin = index.FindNearest(user);\n        if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))\n            twin = null;\n        return twin is not null ? twin.Summary : user.Summary;")]
    [InlineData(
        "var twin = {|PERSONA001:index.FindNearest(user)|};\n        switch (twin)\n        {\n            case null:\n                return user.Summary;\n            default:\n                return twin.Summary;\n        }",
        "var twin = index.FindNearest(user);\n        if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))\n            twin = null;\n        switch (twin)\n        {\n            case null:\n                return user.Summary;\n            default:\n                return twin.Summary;\n        }")]
    [InlineData(
        "var twin = {|PERSONA001:index.FindNearest(user)|};\n        if (twin != null)\n        {\n            return twin.Summary;\n        }\n        return twin?.Summary ?? user.Summary;",
        "var twin = index.FindNearest(user);\n        if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))\n            twin = null;\n        if (twin != null)\n        {\n            return twin.Summary;\n        }\n        return twin?.Summary ?? user.Summary;")]
    [InlineData(
        "var twin = {|PERSONA001:index.FindNearest(user)|};\n        return twin switch\n        {\n            null => user.Summary,\n            { Id: \"x\" } => \"x: \" + twin.Summary,\n            _ => twin.Summary,\n        };",
        "var twin = index.FindNearest(user);\n        if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))\n            twin = null;\n        return twin switch\n        {\n            null => user.Summary,\n            { Id: \"x\" } => \"x: \" + twin.Summary,\n            _ => twin.Summary,\n        };")]
    [InlineData(
        "var twin = {|PERSONA001:index.FindNearest(user)|};\n        return twin is null ? user.Summary : twin.Summary;",
        "var twin = index.FindNearest(user);\n        if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _))\n            twin = null;\n        return twin is null ? user.Summary : twin.Summary;")]
    public Task The_code_s_own_answer_for_a_missing_substitute_serves_an_unsafe_one(string before, string after) =>
        Verify.VerifyAsync(InClass($$"""
                public string Summary(Reader user)
                {
                    {{before}}
                }
            """), InClass($$"""
                public string Summary(Reader user)
                {
                    {{after}}
                }
            """), Key);

    [Fact]
    public Task A_switch_on_the_lookup_with_a_default_null_reaches_makes_an_unsafe_one_missing() =>
        Verify.VerifyAsync(InClass("""
                public string Summary(Reader user)
                {
                    switch ({|PERSONA001:index.FindNearest(user)|})
                    {
                        case { Summary.Length: > 3 } twin:
                            return twin.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """), InClass("""
                public string Summary(Reader user)
                {
                    var substitute = index.FindNearest(user);
                    if (substitute is not null && !ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = null;
                    switch (substitute)
                    {
                        case { Summary.Length: > 3 } twin:
                            return twin.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """), Key);

    /// <summary><c>?? throw</c> is the code's answer for no substitute, not for an unsafe one: an unsafe neighbour is an
    /// ordinary outcome, and it used to throw "no neighbour" (probe 11b, repro 09). The throw stays for the missing case.</summary>
    [Fact]
    public Task A_throw_for_a_missing_substitute_stays_and_an_unsafe_one_gets_the_guard() =>
        Verify.VerifyAsync(InClass("""
                public Reader Donor(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|} ?? throw new System.InvalidOperationException("no neighbour");
                    return twin;
                }

                public string Prompt(Reader user) =>
                    Render.Prompt({|PERSONA001:index.FindNearest(user)|} ?? throw new System.InvalidOperationException("no neighbour"));
            """), InClass("""
                public Reader Donor(Reader user)
                {
                    var twin = index.FindNearest(user) ?? throw new System.InvalidOperationException("no neighbour");
                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        return user;
                    return twin;
                }

                public string Prompt(Reader user)
                {
                    var substitute = index.FindNearest(user) ?? throw new System.InvalidOperationException("no neighbour");
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = user;
                    return Render.Prompt(substitute);
                }
            """), Key, iterations: 2);

    /// <summary>A raw bar PERSONA003's fix leaves as it is (the last read of a primary constructor's parameter, which the
    /// check would leave unread: a new compiler warning) settles nothing: the guard is offered rather than both reports
    /// being left (probe 11b, repro 05).</summary>
    [Fact]
    public Task A_bar_the_threshold_fix_leaves_does_not_keep_the_guard_away() =>
        Verify.VerifyAsync("""
            using Shop;

            public sealed class Options { public double Bar { get; set; } }

            public sealed class Targeting(IReaderIndex index, Options options)
            {
                public string Blurb(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin != null && ReaderGuard.Similarity(user, twin) > options.Bar)
                        return twin.Summary;
                    return user.Summary;
                }
            }
            """, """
            using Shop;

            public sealed class Options { public double Bar { get; set; } }

            public sealed class Targeting(IReaderIndex index, Options options)
            {
                public string Blurb(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin != null && ReaderGuard.TrySubstitute(user, twin, out _) && ReaderGuard.Similarity(user, twin) > options.Bar)
                        return twin.Summary;
                    return user.Summary;
                }
            }
            """, Key);

    /// <summary>A discarded check on the same substitute (PERSONA004): its fix branches on that call, which settles this
    /// report too; a guard as well checked the pair twice in one rule order (probe 11b, repros 13 and 18).</summary>
    [Theory]
    [InlineData("""
                public List<Reader> Vet(Reader user, List<string> log)
                {
                    var kept = new List<Reader>();
                    foreach (var {|PERSONA001:c|} in index.NearestNeighbours(user, 20))
                    {
                        try
                        {
                            ReaderGuard.Classify(user, c);
                            kept.Add(c);
                        }
                        finally
                        {
                            log.Add(c.Id);
                        }
                    }
                    return kept;
                }
        """)]
    [InlineData("""
                public string Summary(Reader user)
                {
                    var n = {|PERSONA001:index.FindNearest(user)|};
                    if (n is not null)
                        ReaderGuard.Classify(user, n);
                    return n?.Summary ?? user.Summary;
                }
        """)]
    public Task No_guard_where_a_discarded_check_on_the_substitute_gets_the_branch(string member) =>
        Verify.VerifyNotOfferedAsync(InClass(member), Key);

    /// <summary>One exit for two missing lookups (<c>if (a is null || b is null) return user;</c>): the second lookup's
    /// check joins it right after its own null test, so a missing <c>b</c> still leaves with the code's answer (probe 14b,
    /// repro 03: a guard of its own left with the other target).</summary>
    [Fact]
    public Task A_shared_null_exit_takes_the_check_of_the_lookup_it_tests_second() =>
        Verify.VerifyAsync(InClass("""
                public Reader Richer(Reader user, Reader other)
                {
                    var a = index.FindNearest(user);
                    var b = {|PERSONA001:index.FindNearest(other)|};
                    if (a is null || b is null) return user;
                    return ReaderGuard.TrySubstitute(user, a, out _) && a.Authors.Count > b.Authors.Count ? a : b;
                }
            """), InClass("""
                public Reader Richer(Reader user, Reader other)
                {
                    var a = index.FindNearest(user);
                    var b = index.FindNearest(other);
                    if (a is null || b is null || !ReaderGuard.TrySubstitute(other, b, out _)) return user;
                    return ReaderGuard.TrySubstitute(user, a, out _) && a.Authors.Count > b.Authors.Count ? a : b;
                }
            """), Key);

    /// <summary>Outside nullable annotations a result may already be null: an unsafe substitute leaves with null, not
    /// the user's own profile (probe 14b, repro 04).</summary>
    [Fact]
    public Task A_result_outside_nullable_annotations_gets_null_for_an_unsafe_substitute() =>
        Verify.VerifyAsync(InClass("""
                public Reader Borrow(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    return twin;
                }
            """, "#nullable disable\n"), InClass("""
                public Reader Borrow(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        return null;
                    return twin;
                }
            """, "#nullable disable\n"), Key);

    /// <summary>Other locals declared between the lookup and the code's own null check leave it the check to join:
    /// both lookups of a shared exit are joined there, and a later null exit is not left dead behind a guard (probe
    /// 15b, repros 02 and 14).</summary>
    [Fact]
    public Task A_null_check_after_other_declarations_is_joined() =>
        Verify.VerifyAsync(InClass("""
                public string Pair(Reader p1, Reader p2)
                {
                    var a = {|PERSONA001:index.FindNearest(p1)|};
                    var b = {|PERSONA001:index.FindNearest(p2)|};
                    if (a is null || b is null) return "No partners.";
                    return a.Summary + b.Summary;
                }

                public Reader? Coach(Reader p)
                {
                    var n = {|PERSONA001:index.FindNearest(p)|};
                    var label = p.Id.ToUpperInvariant();
                    if (n is null) return null;
                    System.Console.WriteLine(label);
                    return n;
                }
            """), InClass("""
                public string Pair(Reader p1, Reader p2)
                {
                    var a = index.FindNearest(p1);
                    var b = index.FindNearest(p2);
                    if (a is null || !ReaderGuard.TrySubstitute(p1, a, out _) || b is null || !ReaderGuard.TrySubstitute(p2, b, out _)) return "No partners.";
                    return a.Summary + b.Summary;
                }

                public Reader? Coach(Reader p)
                {
                    var n = index.FindNearest(p);
                    var label = p.Id.ToUpperInvariant();
                    if (n is null || !ReaderGuard.TrySubstitute(p, n, out _)) return null;
                    System.Console.WriteLine(label);
                    return n;
                }
            """), Key, iterations: 3);
}
