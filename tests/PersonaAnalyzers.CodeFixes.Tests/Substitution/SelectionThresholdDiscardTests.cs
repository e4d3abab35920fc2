using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Selection = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.HighestSimilaritySelectionAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.HighestSimilaritySelectionCodeFixProvider>;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;
using Discard = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.DiscardedCheckAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.DiscardedCheckCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA002 (SafestSubstitute for the argmax), PERSONA003 (band check for the threshold), PERSONA004
/// (branch on the discarded check).</summary>
public class SelectionThresholdDiscardTests
{
    // An ordering of scored pairs projected back to the profiles (a query's let, a tuple or anonymous pair): reported,
    // but the selection is not rewritten — which collection SafestSubstitute should be given is the projection's source,
    // and the rewrite of the whole chain is not offered yet.
    [Theory]
    [InlineData("(from c in pool let sim = ReaderGuard.Similarity(user, c) orderby sim descending select c).FirstOrDefault()")]
    [InlineData("pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).OrderByDescending(t => t.sim).Select(t => t.c).First()")]
    public Task An_ordering_of_scored_pairs_projected_back_is_not_rewritten(string selection) =>
        Selection.VerifyNotOfferedAsync(InClass($$"""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    return {|PERSONA002:{{selection}}|};
                }
            """), "PERSONA002.UseSafestSubstitute");

    /// <summary>A query's <c>let</c> score is followed as a score local is (probe 12b, repro 15), and dropped once
    /// nothing reads it.</summary>
    [Fact]
    public Task A_threshold_on_a_query_let_score_becomes_the_band_check() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Close(List<Reader> pool, Reader user)
                {
                    return (from c in pool let sim = ReaderGuard.Similarity(user, c) where {|PERSONA003:sim >= 0.85|} select c.Summary).ToList();
                }

                public List<string> Ranked(List<Reader> pool, Reader user)
                {
                    return (from c in pool let sim = ReaderGuard.Similarity(user, c) where {|PERSONA003:sim >= 0.6|} orderby sim select c.Summary).ToList();
                }
            """), InClass("""
                public List<string> Close(List<Reader> pool, Reader user)
                {
                    return (from c in pool where ReaderGuard.TrySubstitute(user, c, out _) select c.Summary).ToList();
                }

                public List<string> Ranked(List<Reader> pool, Reader user)
                {
                    return (from c in pool let sim = ReaderGuard.Similarity(user, c) where ReaderGuard.TrySubstitute(user, c, out _) orderby sim select c.Summary).ToList();
                }
            """), "PERSONA003.UseBandCheck", iterations: 2);

    /// <summary>The same after a <c>join</c>, whose range variables the <c>let</c> keeps one anonymous type further in
    /// (probe 13b, repro 03: the bar was not even reported).</summary>
    [Fact]
    public Task A_threshold_on_a_let_score_after_a_join_becomes_the_band_check() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Close(List<Reader> pool, Reader user, List<Article> articles)
                {
                    return (from c in pool
                            join o in articles on c.Summary equals o.Title
                            let sim = ReaderGuard.Similarity(user, c)
                            where {|PERSONA003:sim >= 0.7|}
                            select o.Title).ToList();
                }
            """), InClass("""
                public List<string> Close(List<Reader> pool, Reader user, List<Article> articles)
                {
                    return (from c in pool
                            join o in articles on c.Summary equals o.Title
                            where ReaderGuard.TrySubstitute(user, c, out _)
                            select o.Title).ToList();
                }
            """), "PERSONA003.UseBandCheck");

    [Fact]
    public Task A_threshold_on_a_score_projected_into_a_tuple_becomes_the_band_check_of_the_profile_beside_it() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Close(List<Reader> pool, Reader user)
                {
                    return pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).Where(t => {|PERSONA003:t.sim >= 0.85|}).Select(t => t.c.Summary).ToList();
                }
            """), InClass("""
                public List<string> Close(List<Reader> pool, Reader user)
                {
                    return pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).Where(t => ReaderGuard.TrySubstitute(user, t.c, out _)).Select(t => t.c.Summary).ToList();
                }
            """), "PERSONA003.UseBandCheck");

    // The check's call sits in the pool's lambda: branching on it means keeping the task's result, not rewriting the
    // call, so no fix is offered.
    [Fact]
    public Task A_check_run_on_the_thread_pool_is_not_rewritten() =>
        Discard.VerifyNotOfferedAsync(InClass("""
                public async Task<string> Prompt(Reader user)
                {
                    var twin = index.Lookalike(user);
                    {|PERSONA004:await Task.Run(() => ReaderGuard.Assess(user, twin))|};
                    return $"Write like: {twin.Summary}";
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Query_syntax_ordering_then_First_becomes_SafestSubstitute_or_the_target() =>
        Selection.VerifyAsync(InClass("""
                public Reader Nearest(List<Reader> pool, Reader user)
                {
                    return {|PERSONA002:(from c in pool
                            orderby ReaderGuard.Similarity(user, c) descending
                            select c).First()|};
                }
            """), InClass("""
                public Reader Nearest(List<Reader> pool, Reader user)
                {
                    return ReaderGuard.SafestSubstitute(user, pool) ?? user;
                }
            """), "PERSONA002.UseSafestSubstitute");

    // The tie-breaker goes with the ordering: SafestSubstitute ranks by expected harm.
    [Fact]
    public Task MaxBy_a_composite_key_led_by_similarity_becomes_SafestSubstitute() =>
        Selection.VerifyAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    return {|PERSONA002:pool.MaxBy(c => (ReaderGuard.Similarity(user, c), c.Summary.Length))|};
                }
            """), InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    return ReaderGuard.SafestSubstitute(user, pool);
                }
            """), "PERSONA002.UseSafestSubstitute");

    // The key is a named function: the profile it scores against lies outside the selection, where a Fix All cannot
    // find it again once earlier fixes have moved the text, so no fix is offered (the diagnostic says what to write).
    [Fact]
    public Task MaxBy_a_named_key_is_not_rewritten() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    double Score(Reader c) => ReaderGuard.Similarity(user, c);
                    return {|PERSONA002:pool.OrderByDescending(Score).First()|};
                }
            """), "PERSONA002.UseSafestSubstitute");

    [Fact]
    public Task MaxBy_similarity_becomes_SafestSubstitute() =>
        Selection.VerifyAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    return {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|};
                }
            """), InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    return ReaderGuard.SafestSubstitute(user, pool);
                }
            """), "PERSONA002.UseSafestSubstitute");

    /// <summary>The <c>!</c> said the pool is never empty; SafestSubstitute gives null whenever no candidate is safe, so
    /// the target stands in rather than the <c>!</c> being kept to throw (probe 9c, repro 01).</summary>
    [Fact]
    public Task MaxBy_with_a_null_forgiving_operator_falls_back_to_the_target() =>
        Selection.VerifyAsync(InClass("""
                public string Prompt(List<Reader> pool, Reader user)
                {
                    return {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|}!.Summary;
                }
            """), InClass("""
                public string Prompt(List<Reader> pool, Reader user)
                {
                    return (ReaderGuard.SafestSubstitute(user, pool) ?? user).Summary;
                }
            """), "PERSONA002.UseSafestSubstitute");

    /// <summary>The target may be an enclosing lambda's parameter — one pick per user (probe 9c, repro 07); the selector's
    /// own parameter is the candidate and never the target.</summary>
    [Fact]
    public Task MaxBy_inside_a_lambda_over_the_users_becomes_SafestSubstitute() =>
        Selection.VerifyAsync(InClass("""
                public List<Reader?> Donors(List<Reader> users, List<Reader> pool) =>
                    users.Select(u => {|PERSONA002:pool.MaxBy(p => ReaderGuard.Similarity(u, p))|}).ToList();
            """), InClass("""
                public List<Reader?> Donors(List<Reader> users, List<Reader> pool) =>
                    users.Select(u => ReaderGuard.SafestSubstitute(u, pool)).ToList();
            """), "PERSONA002.UseSafestSubstitute");

    /// <summary><c>[0]</c> and <c>ElementAt(0)</c> of the ordering in the same expression pick as <c>First()</c> does
    /// (probe 9c, repro 08).</summary>
    [Fact]
    public Task Ordering_picked_by_index_zero_becomes_SafestSubstitute() =>
        Selection.VerifyAsync(InClass("""
                public Reader ByIndex(List<Reader> pool, Reader user) =>
                    {|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).ToList()[0]|};
                public Reader ByElementAt(List<Reader> pool, Reader user) =>
                    {|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).ElementAt(0)|};
                public Reader? ByElementAtOrDefault(List<Reader> pool, Reader user) =>
                    {|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).ElementAtOrDefault(0)|};
            """), InClass("""
                public Reader ByIndex(List<Reader> pool, Reader user) =>
                    ReaderGuard.SafestSubstitute(user, pool) ?? user;
                public Reader ByElementAt(List<Reader> pool, Reader user) =>
                    ReaderGuard.SafestSubstitute(user, pool) ?? user;
                public Reader? ByElementAtOrDefault(List<Reader> pool, Reader user) =>
                    ReaderGuard.SafestSubstitute(user, pool);
            """), "PERSONA002.UseSafestSubstitute", iterations: 3);

    /// <summary>A discarded check followed by a raw bar on the same pair: the bar becomes the check (what PERSONA003's fix
    /// writes) and the discarded call goes — the same code whichever rule a <c>dotnet format</c> run fixes first, in one
    /// run (probe 9c, repro 15; probe 9d, repro 05).</summary>
    [Fact]
    public Task Discarded_check_followed_by_a_raw_bar_on_the_same_pair_becomes_the_check_at_the_bar() =>
        Discard.VerifyAsync(InClass("""
                public static Reader Source(Reader me, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Classify(me, other)|};
                    if (ReaderGuard.Similarity(me, other) > 0.9)
                        return other;
                    return me;
                }
            """), InClass("""
                public static Reader Source(Reader me, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(me, other, out _))
                        return other;
                    return me;
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>The same call under the code's own presence test: the test only kept the call from a missing
    /// substitute, and goes with it (probe 14b, repro 02: the call became a nested branch that checked the pair twice
    /// and left an unsafe one with an empty list).</summary>
    [Theory]
    [InlineData("if (other is not null) {|PERSONA004:ReaderGuard.Classify(me, other)|};")]
    [InlineData("if (other != null) { {|PERSONA004:ReaderGuard.Classify(me, other)|}; }")]
    public Task Discarded_check_under_a_presence_test_followed_by_a_raw_bar_goes_with_its_test(string discarded) =>
        Discard.VerifyAsync(InClass($$"""
                public static IReadOnlyList<string> Source(Reader me, Reader? other)
                {
                    {{discarded}}
                    if (other != null && ReaderGuard.Similarity(me, other) > 0.9)
                        return new[] { other.Summary };
                    return new[] { me.Summary };
                }
            """), InClass("""
                public static IReadOnlyList<string> Source(Reader me, Reader? other)
                {
                    if (other != null && ReaderGuard.TrySubstitute(me, other, out _))
                        return new[] { other.Summary };
                    return new[] { me.Summary };
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task OrderByDescending_First_falls_back_to_the_target() =>
        Selection.VerifyAsync(InClass("""
                public string Prompt(IReadOnlyList<Reader> pool, Reader user)
                {
                    var best = {|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).First()|};
                    return best.Summary;
                }
            """), InClass("""
                public string Prompt(IReadOnlyList<Reader> pool, Reader user)
                {
                    var best = ReaderGuard.SafestSubstitute(user, pool) ?? user;
                    return best.Summary;
                }
            """), "PERSONA002.UseSafestSubstitute");

    [Fact]
    public Task OrderBy_Last_falls_back_to_the_target() =>
        Selection.VerifyAsync(InClass("""
                public string Prompt(IReadOnlyList<Reader> pool, Reader user)
                {
                    var best = {|PERSONA002:pool.OrderBy(c => ReaderGuard.Similarity(user, c)).Last()|};
                    return best.Summary;
                }
            """), InClass("""
                public string Prompt(IReadOnlyList<Reader> pool, Reader user)
                {
                    var best = ReaderGuard.SafestSubstitute(user, pool) ?? user;
                    return best.Summary;
                }
            """), "PERSONA002.UseSafestSubstitute");

    [Fact]
    public Task Aggregate_best_so_far_falls_back_to_the_target() =>
        Selection.VerifyAsync(InClass("""
                public string Prompt(List<Reader> pool, Reader user) =>
                    {|PERSONA002:pool.Aggregate((best, c) => ReaderGuard.Similarity(user, c) > ReaderGuard.Similarity(user, best) ? c : best)|}.Summary;
            """), InClass("""
                public string Prompt(List<Reader> pool, Reader user) =>
                    (ReaderGuard.SafestSubstitute(user, pool) ?? user).Summary;
            """), "PERSONA002.UseSafestSubstitute");

    [Fact]
    public Task Safest_substitute_is_not_offered_for_a_seeded_aggregate() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool, Reader fallback) =>
                    {|PERSONA002:pool.Aggregate(fallback, (best, c) => ReaderGuard.Similarity(user, c) > ReaderGuard.Similarity(user, best) ? c : best)|};
            """), "PERSONA002.UseSafestSubstitute");

    /// <summary>A fold that also asks something else picks among the candidates that pass it: SafestSubstitute over the
    /// whole pool would drop that condition.</summary>
    [Fact]
    public Task Safest_substitute_is_not_offered_for_a_fold_with_more_conditions() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool) =>
                    {|PERSONA002:pool.Aggregate((best, c) => ReaderGuard.Similarity(user, c) > ReaderGuard.Similarity(user, best) && c.Summary.Length > 0 ? c : best)|};
            """), "PERSONA002.UseSafestSubstitute");

    [Fact]
    public Task Fix_all_rewrites_every_selection() =>
        Selection.VerifyAsync(InClass("""
                public (Reader?, Reader?) Both(List<Reader> pool, Reader user, Reader partner) =>
                    ({|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|}, {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(partner, c))|});
            """), InClass("""
                public (Reader?, Reader?) Both(List<Reader> pool, Reader user, Reader partner) =>
                    (ReaderGuard.SafestSubstitute(user, pool), ReaderGuard.SafestSubstitute(partner, pool));
            """), "PERSONA002.UseSafestSubstitute", iterations: 2);

    /// <summary>A bar on a <c>MaxBy</c> pick: PERSONA002's fix puts the guard's pick in its place, past which the bar is
    /// not reported; a check at the bar as well would vet the guard's pick twice, and which rule <c>dotnet format</c> fixed
    /// first would decide the code (probe 9d, repro 03).</summary>
    [Theory]
    [InlineData("pool.MaxBy(c => ReaderGuard.Similarity(user, c))")]
    [InlineData("pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).FirstOrDefault()")]
    public Task Threshold_on_a_highest_similarity_pick_leaves_it_to_the_pick_fix(string pick) =>
        Threshold.VerifyNotOfferedAsync(InClass($$"""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    var best = {{pick}};
                    if (best is null || {|PERSONA003:ReaderGuard.Similarity(user, best) < 0.6|})
                        return user;
                    return best;
                }
            """), "PERSONA003.UseBandCheck");

    /// <summary>A bar on an unseeded <c>Aggregate</c> pick, as on a <c>MaxBy</c> one: PERSONA002's fix writes
    /// <c>SafestSubstitute(user, pool) ?? user</c>, past which the bar is not reported (probe 11b, repro 19).</summary>
    [Fact]
    public Task Threshold_on_an_aggregate_pick_leaves_it_to_the_pick_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Summary(Reader user, List<Reader> pool)
                {
                    var best = pool.Aggregate((a, b) => ReaderGuard.Similarity(user, a) >= ReaderGuard.Similarity(user, b) ? a : b);
                    if ({|PERSONA003:ReaderGuard.Similarity(user, best) < 0.75|})
                        return user.Summary;
                    return best.Summary;
                }
            """), "PERSONA003.UseBandCheck");

    [Fact]
    public Task Aggregate_pick_with_a_bar_after_it_becomes_SafestSubstitute_and_the_bar_stays() =>
        Selection.VerifyAsync(InClass("""
                public string Summary(Reader user, List<Reader> pool)
                {
                    var best = {|PERSONA002:pool.Aggregate((a, b) => ReaderGuard.Similarity(user, a) >= ReaderGuard.Similarity(user, b) ? a : b)|};
                    if (ReaderGuard.Similarity(user, best) < 0.75)
                        return user.Summary;
                    return best.Summary;
                }
            """), InClass("""
                public string Summary(Reader user, List<Reader> pool)
                {
                    var best = ReaderGuard.SafestSubstitute(user, pool) ?? user;
                    if (ReaderGuard.Similarity(user, best) < 0.75)
                        return user.Summary;
                    return best.Summary;
                }
            """), "PERSONA002.UseSafestSubstitute");

    /// <summary>A pick PERSONA002's fix does not rewrite (a named score function) keeps the bar's own fix.</summary>
    [Fact]
    public Task Threshold_on_a_pick_the_pick_fix_leaves_becomes_the_band_check() =>
        Threshold.VerifyAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    double Score(Reader c) => ReaderGuard.Similarity(user, c);
                    var best = pool.OrderByDescending(Score).First();
                    if ({|PERSONA003:ReaderGuard.Similarity(user, best) < 0.6|})
                        return user;
                    return best;
                }
            """), InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    double Score(Reader c) => ReaderGuard.Similarity(user, c);
                    var best = pool.OrderByDescending(Score).First();
                    if (!ReaderGuard.TrySubstitute(user, best, out _))
                        return user;
                    return best;
                }
            """), "PERSONA003.UseBandCheck");

    [Fact]
    public Task Threshold_in_an_if_becomes_the_band_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(user, other) >= 0.9|})
                        return Render.Prompt(other);
                    return null;
                }
            """), InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(user, other, out _))
                        return Render.Prompt(other);
                    return null;
                }
            """), "PERSONA003.UseBandCheck");

    [Fact]
    public Task Rejecting_threshold_through_a_local_becomes_the_negated_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    if ({|PERSONA003:similarity < 0.8|})
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
            """), "PERSONA003.UseBandCheck");

    [Fact]
    public Task Threshold_in_a_Where_predicate() =>
        Threshold.VerifyAsync(InClass("""
                public List<Reader> Admit(List<Reader> pool, Reader user) =>
                    pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(user, c) >= 0.9|}).ToList();
            """), InClass("""
                public List<Reader> Admit(List<Reader> pool, Reader user) =>
                    pool.Where(c => ReaderGuard.TrySubstitute(user, c, out _)).ToList();
            """), "PERSONA003.UseBandCheck");

    [Fact]
    public Task Threshold_in_a_local_function_predicate() =>
        Threshold.VerifyAsync(InClass("""
                public List<Reader> Admit(List<Reader> pool, Reader user)
                {
                    bool Close(Reader c) => {|PERSONA003:ReaderGuard.Similarity(user, c) >= 0.9|};
                    return pool.Where(Close).ToList();
                }
            """), InClass("""
                public List<Reader> Admit(List<Reader> pool, Reader user)
                {
                    bool Close(Reader c) => ReaderGuard.TrySubstitute(user, c, out _);
                    return pool.Where(Close).ToList();
                }
            """), "PERSONA003.UseBandCheck");

    /// <summary>The local already holds a checked substitute or the user's own profile (what the PERSONA001 fix makes of
    /// <c>?? seed</c>): the discarded check is only noise and goes, where a branch would check twice (probe 9c, repro 06).</summary>
    [Fact]
    public Task Discarded_check_of_a_local_kept_only_when_it_passed_is_removed() =>
        Discard.VerifyAsync(InClass("""
                public string Brief(Reader seed)
                {
                    var twin = index.FindNearest(seed) is { } substitute && ReaderGuard.TrySubstitute(seed, substitute, out _) ? substitute : seed;
                    {|PERSONA004:ReaderGuard.Classify(seed, twin)|};
                    return Render.Prompt(twin);
                }
            """), InClass("""
                public string Brief(Reader seed)
                {
                    var twin = index.FindNearest(seed) is { } substitute && ReaderGuard.TrySubstitute(seed, substitute, out _) ? substitute : seed;
                    return Render.Prompt(twin);
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>The branch right after decides on the same pair (what PERSONA003's fix makes of a raw bar there): the
    /// discarded check goes (probe 9c, repro 15).</summary>
    [Fact]
    public Task Discarded_check_followed_by_a_branch_on_the_same_pair_is_removed() =>
        Discard.VerifyAsync(InClass("""
                public static Reader Source(Reader me, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Classify(me, other)|};
                    if (ReaderGuard.TrySubstitute(me, other, out _))
                        return other;
                    return me;
                }
            """), InClass("""
                public static Reader Source(Reader me, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(me, other, out _))
                        return other;
                    return me;
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>The return right after decides on the same pair in a conditional (what PERSONA003's fix makes of a bar on
    /// a score local there): the discarded check goes, as PERSONA004's fix does when it runs first (probe 11b, repro 17).</summary>
    [Fact]
    public Task Discarded_check_followed_by_a_conditional_on_the_same_pair_is_removed() =>
        Discard.VerifyAsync(InClass("""
                public static Reader Choose(Reader me, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Assess(me, other)|};
                    return ReaderGuard.TrySubstitute(me, other, out _) ? other : me;
                }

                public static string Named(Reader me, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Classify(me, other)|};
                    var pick = ReaderGuard.TrySubstitute(me, other, out _) ? other : me;
                    return pick.Summary;
                }
            """), InClass("""
                public static Reader Choose(Reader me, Reader other)
                {
                    return ReaderGuard.TrySubstitute(me, other, out _) ? other : me;
                }

                public static string Named(Reader me, Reader other)
                {
                    var pick = ReaderGuard.TrySubstitute(me, other, out _) ? other : me;
                    return pick.Summary;
                }
            """), "PERSONA004.BranchOnCheck", iterations: 2);

    [Fact]
    public Task Discarded_check_followed_by_a_bar_on_a_score_local_in_a_conditional_becomes_the_check() =>
        Discard.VerifyAsync(InClass("""
                public static Reader Choose(Reader me, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Assess(me, other)|};
                    var s = ReaderGuard.Similarity(me, other);
                    return s >= 0.8 ? other : me;
                }
            """), InClass("""
                public static Reader Choose(Reader me, Reader other)
                {
                    return ReaderGuard.TrySubstitute(me, other, out _) ? other : me;
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Discarded_Classify_becomes_a_branch() =>
        Discard.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Classify(user, other)|};
                    return Render.Recommend(other);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user, Reader other)
                {
                    if (!ReaderGuard.TrySubstitute(user, other, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(other);
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Discarded_check_before_a_prompt_puts_the_users_own_profile_in_the_local() =>
        Discard.VerifyAsync(InClass("""
                public string Prompt(Reader user)
                {
                    var twin = index.Lookalike(user);
                    _ = {|PERSONA004:ReaderGuard.Classify(user, twin)|};
                    return $"Write like: {twin.Summary}";
                }
            """), InClass("""
                public string Prompt(Reader user)
                {
                    var twin = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = user;
                    return $"Write like: {twin.Summary}";
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Discarded_check_of_a_parameter_before_a_prompt_is_not_rewritten() =>
        Discard.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, Reader twin)
                {
                    {|PERSONA004:ReaderGuard.Classify(user, twin)|};
                    return $"Write like: {twin.Summary}";
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Discarded_TrySubstitute_in_a_loop_skips_the_item() =>
        Discard.VerifyAsync(InClass("""
                public void Warm(Reader user, IEnumerable<Reader> others)
                {
                    foreach (var other in others)
                    {
                        _ = {|PERSONA004:ReaderGuard.TrySubstitute(user, other, out _)|};
                        cached = other;
                    }
                }
            """), InClass("""
                public void Warm(Reader user, IEnumerable<Reader> others)
                {
                    foreach (var other in others)
                    {
                        if (!ReaderGuard.TrySubstitute(user, other, out _))
                            continue;
                        cached = other;
                    }
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Discarded_check_after_an_existing_branch_is_removed() =>
        Discard.VerifyAsync(InClass("""
                public void Warm(Reader user, IEnumerable<Reader> others)
                {
                    foreach (var other in others)
                    {
                        if (other is null || !ReaderGuard.TrySubstitute(user, other, out _))
                            continue;
                        {|PERSONA004:ReaderGuard.Classify(user, other)|};
                        cached = other;
                    }
                }
            """), InClass("""
                public void Warm(Reader user, IEnumerable<Reader> others)
                {
                    foreach (var other in others)
                    {
                        if (other is null || !ReaderGuard.TrySubstitute(user, other, out _))
                            continue;
                        cached = other;
                    }
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Discarded_check_with_no_neutral_fallback_is_not_rewritten() =>
        Discard.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Assess(user, other)|};
                    return other.Summary;
                }
            """), "PERSONA004.BranchOnCheck");

    [Fact]
    public Task Kernel_threshold_names_no_profiles_so_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string? Prompt(Reader user, Reader other)
                {
                    if ({|PERSONA003:PersonaAnalyzers.SimilarityKernels.Cosine(user.Topics.AsSpan(), other.Topics.AsSpan()) > 0.95|})
                        return other.Summary;
                    return null;
                }
            """, "using System;\n"), "PERSONA003.UseBandCheck");

    [Fact]
    public Task Safest_substitute_is_not_offered_for_a_pick_from_a_scored_projection() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool) => {|PERSONA002:pool.Select(c => (c, s: ReaderGuard.Similarity(user, c))).MaxBy(t => t.s)|}.c;
            """), "PERSONA002.UseSafestSubstitute");

    [Fact]
    public Task Safest_substitute_is_not_offered_for_a_pick_from_a_query() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                // A database table: SafestSubstitute over it would read every row.
                public Reader? Pick(Reader user, IQueryable<Reader> table) =>
                    {|PERSONA002:table.OrderByDescending(c => ReaderGuard.Similarity(user, c)).FirstOrDefault()|};
            """), "PERSONA002.UseSafestSubstitute");

    [Fact]
    public Task Discarded_TrySubstitute_with_an_unread_out_verdict_branches_on_it() =>
        Discard.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user, Reader other)
                {
                    {|PERSONA004:ReaderGuard.TrySubstitute(user, other, out var verdict)|};
                    return Render.Recommend(other);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user, Reader other)
                {
                    if (!ReaderGuard.TrySubstitute(user, other, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(other);
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>The code's own null exit right before the discarded call: the check joins it, so its answer for a missing
    /// substitute serves an unsafe one too (probe 9d, repro 01 — an own-profile stand-in used to go after the exit). A
    /// <c>throw</c> is not that answer: an unsafe substitute is an ordinary outcome, and gets the usual branch.</summary>
    [Theory]
    [InlineData(
        "if (twin is null)\n            return \"generic\";\n        {|PERSONA004:ReaderGuard.Classify(user, twin)|};",
        "if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))\n            return \"generic\";")]
    [InlineData(
        "if (twin == null || twin.Summary.Length == 0)\n        {\n            log.Add(\"none\");\n            return \"generic\";\n        }\n        {|PERSONA004:ReaderGuard.Assess(user, twin)|};",
        "if (twin == null || twin.Summary.Length == 0 || !ReaderGuard.TrySubstitute(user, twin, out _))\n        {\n            log.Add(\"none\");\n            return \"generic\";\n        }")]
    [InlineData(
        "if (twin is null)\n            throw new System.InvalidOperationException(\"no neighbour\");\n        {|PERSONA004:ReaderGuard.Classify(user, twin)|};",
        "if (twin is null)\n            throw new System.InvalidOperationException(\"no neighbour\");\n        if (!ReaderGuard.TrySubstitute(user, twin, out _))\n            twin = user;")]
    public Task A_discarded_check_after_the_code_s_own_null_exit_joins_it(string before, string after) =>
        Discard.VerifyAsync(InClass($$"""
                public string Brief(Reader user, List<string> log)
                {
                    var twin = index.FindNearest(user);
                    {{before}}
                    return Render.Prompt(twin);
                }
            """), InClass($$"""
                public string Brief(Reader user, List<string> log)
                {
                    var twin = index.FindNearest(user);
                    {{after}}
                    return Render.Prompt(twin);
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>A <c>!</c> on the candidate asserts a presence nothing tested: the branch tests it in its place, as the
    /// PERSONA001 guard does (probe 12b, repro 17).</summary>
    [Fact]
    public Task Discarded_check_of_a_forgiven_candidate_becomes_a_branch_with_a_null_test() =>
        Discard.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Rerank(Reader me)
                {
                    var twin = index.FindNearest(me);
                    {|PERSONA004:ReaderGuard.Classify(me, twin!)|};
                    return Render.Recommend(twin!);
                }
            """), InClass("""
                public IReadOnlyList<Article> Rerank(Reader me)
                {
                    var twin = index.FindNearest(me);
                    if (twin is null || !ReaderGuard.TrySubstitute(me, twin, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(twin!);
                }
            """), "PERSONA004.BranchOnCheck");
}
