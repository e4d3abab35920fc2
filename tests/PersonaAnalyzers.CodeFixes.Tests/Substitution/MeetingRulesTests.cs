using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Check = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;
using Discard = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.DiscardedCheckAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.DiscardedCheckCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>Where two rules report the same code, the code <c>dotnet format</c> writes must not depend on which of them
/// it fixes first (probe 12b): each test gives the code one rule's fix leaves and checks that the other's fix takes it
/// to the same end as the other order does.</summary>
public class MeetingRulesTests
{
    /// <summary>A discarded check before a statement that asks the check of the same pair anywhere in it — a <c>when</c>
    /// clause, a <c>?:</c> inside an interpolation, what PERSONA003's fix makes of a bar there: the discarded call goes,
    /// as it does when PERSONA004 is fixed first (the bar becomes the check and the call goes). An early leave in front
    /// would change what a non-VIP gets and check the pair twice (probe 12b, repros 06, 11).</summary>
    [Theory]
    [InlineData("""
        return me.Id switch
                {
                    "vip" when ReaderGuard.TrySubstitute(me, other, out _) => other.Summary,
                    _ => me.Summary,
                };
        """)]
    [InlineData("""return $"Because {(ReaderGuard.TrySubstitute(me, other, out _) ? other.Summary : me.Summary)} liked it";""")]
    public Task Discarded_check_before_a_statement_that_asks_the_check_anywhere_in_it_is_removed(string decided) =>
        Discard.VerifyAsync(InClass($$"""
                public string Line(Reader me, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Classify(me, other)|};
                    {{decided}}
                }
            """), InClass($$"""
                public string Line(Reader me, Reader other)
                {
                    {{decided}}
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>The same with PERSONA004 fixed first: the bar in the <c>when</c> clause becomes the check and the
    /// discarded call goes.</summary>
    [Fact]
    public Task Discarded_check_before_a_bar_in_a_when_clause_becomes_the_check_there() =>
        Discard.VerifyAsync(InClass("""
                public string Line(Reader me, Reader other)
                {
                    {|PERSONA004:ReaderGuard.Classify(me, other)|};
                    return me.Id switch
                    {
                        "vip" when ReaderGuard.Similarity(me, other) > 0.85 => other.Summary,
                        _ => me.Summary,
                    };
                }
            """), InClass("""
                public string Line(Reader me, Reader other)
                {
                    return me.Id switch
                    {
                        "vip" when ReaderGuard.TrySubstitute(me, other, out _) => other.Summary,
                        _ => me.Summary,
                    };
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>After the code's own null exit: the check asked later decides, so the exit is left as it is and the
    /// discarded call goes — not joined to the exit as well, which would check the pair twice and leave the later
    /// check's other way dead (probe 12b, repro 07).</summary>
    [Fact]
    public Task Discarded_check_after_a_null_exit_before_a_later_check_is_removed_and_the_exit_kept() =>
        Discard.VerifyAsync(InClass("""
                public string Line(Reader me)
                {
                    var twin = index.FindNearest(me);
                    if (twin is null) return $"Picks for {me.Summary}";
                    {|PERSONA004:ReaderGuard.Assess(me, twin)|};
                    return $"Picks like {(ReaderGuard.TrySubstitute(me, twin, out _) ? twin.Summary : me.Summary)}";
                }
            """), InClass("""
                public string Line(Reader me)
                {
                    var twin = index.FindNearest(me);
                    if (twin is null) return $"Picks for {me.Summary}";
                    return $"Picks like {(ReaderGuard.TrySubstitute(me, twin, out _) ? twin.Summary : me.Summary)}";
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>A best-so-far loop over substitutes: PERSONA002's fix makes the loop the guard's pick,
    /// <c>Reader? best = ReaderGuard.SafestSubstitute(user, index.NearestNeighbours(user, 20));</c>. A PERSONA001 guard at
    /// the top of the loop first would leave it a pick among the safe ones that the pick fix no longer rewrites (probe
    /// 12b, repro 09).</summary>
    [Fact]
    public Task No_band_check_in_a_best_so_far_loop_the_pick_fix_rewrites() =>
        Check.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user)
                {
                    Reader? best = null;
                    var bestScore = double.MinValue;
                    foreach (var {|PERSONA001:c|} in index.NearestNeighbours(user, 20))
                    {
                        var s = ReaderGuard.Similarity(user, c);
                        if (s > bestScore)
                        {
                            bestScore = s;
                            best = c;
                        }
                    }
                    return best?.Summary ?? user.Summary;
                }
            """), "PERSONA001.Guard");

    /// <summary>A bar that filters the population of a pick PERSONA002's fix rewrites: that fix makes it the guard's
    /// shortlist, <c>SafestSubstitute(me, pool.Where(c =&gt; Similarity(me, c) &lt; 0.97))</c>, which PERSONA003 does not
    /// report; the check at the bar first would leave the guard's pick vetting what it already vetted (probe 12b,
    /// repro 02).</summary>
    [Fact]
    public Task No_band_check_for_a_bar_on_the_population_of_a_pick_the_pick_fix_rewrites() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public Reader? Pick(Reader me, List<Reader> pool) =>
                    pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(me, c) < 0.97|}).MaxBy(c => ReaderGuard.Similarity(me, c));
            """), "PERSONA003.UseBandCheck");

    /// <summary>The same with the filtered population kept in a local first: the pick reads the local.</summary>
    [Fact]
    public Task No_band_check_for_a_bar_on_a_shortlist_local_a_pick_the_pick_fix_rewrites_reads() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public Reader? Pick(Reader me, List<Reader> pool)
                {
                    var shortlist = pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(me, c) < 0.97|}).ToList();
                    return shortlist.MaxBy(c => ReaderGuard.Similarity(me, c));
                }
            """), "PERSONA003.UseBandCheck");

    /// <summary>A pick PERSONA002's fix leaves as it is (a named score function) keeps the bar's own fix.</summary>
    [Fact]
    public Task Bar_on_the_population_of_a_pick_the_pick_fix_leaves_becomes_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public Reader Pick(Reader me, List<Reader> pool)
                {
                    double Score(Reader c) => ReaderGuard.Similarity(me, c);
                    return pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(me, c) < 0.97|}).OrderByDescending(Score).First();
                }
            """), InClass("""
                public Reader Pick(Reader me, List<Reader> pool)
                {
                    double Score(Reader c) => ReaderGuard.Similarity(me, c);
                    return pool.Where(c => ReaderGuard.TrySubstitute(me, c, out _)).OrderByDescending(Score).First();
                }
            """), "PERSONA003.UseBandCheck");

    /// <summary>A discarded check of the guard's own pick for the same target: the guard has found it safe already, and
    /// the call goes — not joined to the null exit as a second check (probe 12b, repro 10).</summary>
    [Fact]
    public Task Discarded_check_of_the_guards_pick_for_the_same_target_is_removed() =>
        Discard.VerifyAsync(InClass("""
                public string Line(Reader me, List<Reader> pool)
                {
                    var best = ReaderGuard.SafestSubstitute(me, pool);
                    if (best is null) return me.Summary;
                    {|PERSONA004:ReaderGuard.Classify(me, best)|};
                    return best.Summary;
                }
            """), InClass("""
                public string Line(Reader me, List<Reader> pool)
                {
                    var best = ReaderGuard.SafestSubstitute(me, pool);
                    if (best is null) return me.Summary;
                    return best.Summary;
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>The same with PERSONA004 fixed first: the pick becomes the guard's (PERSONA002's fix) and the discarded
    /// call goes, in one step.</summary>
    [Fact]
    public Task Discarded_check_of_a_pick_the_pick_fix_rewrites_goes_with_that_fix() =>
        Discard.VerifyAsync(InClass("""
                public string Line(Reader me, List<Reader> pool)
                {
                    var best = pool.MaxBy(c => ReaderGuard.Similarity(me, c));
                    if (best is null) return me.Summary;
                    {|PERSONA004:ReaderGuard.Classify(me, best)|};
                    return best.Summary;
                }
            """), InClass("""
                public string Line(Reader me, List<Reader> pool)
                {
                    var best = ReaderGuard.SafestSubstitute(me, pool);
                    if (best is null) return me.Summary;
                    return best.Summary;
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>The guard's pick for another profile is no check for this one: the call is branched on as anywhere.</summary>
    [Fact]
    public Task Discarded_check_of_the_guards_pick_for_another_target_joins_the_null_exit() =>
        Discard.VerifyAsync(InClass("""
                public string Line(Reader me, Reader partner, List<Reader> pool)
                {
                    var best = ReaderGuard.SafestSubstitute(partner, pool);
                    if (best is null) return me.Summary;
                    {|PERSONA004:ReaderGuard.Classify(me, best)|};
                    return best.Summary;
                }
            """), InClass("""
                public string Line(Reader me, Reader partner, List<Reader> pool)
                {
                    var best = ReaderGuard.SafestSubstitute(partner, pool);
                    if (best is null || !ReaderGuard.TrySubstitute(me, best, out _)) return me.Summary;
                    return best.Summary;
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>A discarded <c>SafestSubstitute</c> whose same call a later statement makes — or will make once
    /// PERSONA002's fix rewrites the pick there, in the same step — goes (probe 12b, repro 18).</summary>
    [Theory]
    [InlineData("ReaderGuard.SafestSubstitute(me, pool) ?? me")]
    [InlineData("pool.OrderByDescending(c => ReaderGuard.Similarity(me, c)).First()")]
    public Task Discarded_safest_substitute_whose_pick_a_later_statement_takes_is_removed(string pick) =>
        Discard.VerifyAsync(InClass($$"""
                public string Line(Reader me, List<Reader> pool)
                {
                    {|PERSONA004:ReaderGuard.SafestSubstitute(me, pool)|};
                    var top = {{pick}};
                    return top.Summary;
                }
            """), InClass("""
                public string Line(Reader me, List<Reader> pool)
                {
                    var top = ReaderGuard.SafestSubstitute(me, pool) ?? me;
                    return top.Summary;
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>Nothing later takes the guard's pick — or a later pick is over another pool: what the thrown-away pick
    /// should have decided is not to be guessed.</summary>
    [Theory]
    [InlineData("pool[0]")]
    [InlineData("others.OrderByDescending(c => ReaderGuard.Similarity(me, c)).First()")]
    public Task Discarded_safest_substitute_with_no_later_pick_of_it_gets_no_fix(string taken) =>
        Discard.VerifyNotOfferedAsync(InClass($$"""
                public string Line(Reader me, List<Reader> pool, List<Reader> others)
                {
                    {|PERSONA004:ReaderGuard.SafestSubstitute(me, pool)|};
                    var top = {{taken}};
                    return top.Summary;
                }
            """), "PERSONA004.BranchOnCheck");

    /// <summary>A bar in a predicate the statement hands over by name — a delegate local, a local function — decides on
    /// the collection as one written in place does: PERSONA003's fix turns it into the check, and a second filter in
    /// front (fix 3) would check each candidate twice (probe 12b, repro 08).</summary>
    [Theory]
    [InlineData("System.Func<Reader, bool> close = c => ReaderGuard.Similarity(me, c) >= 0.7;", "close")]
    [InlineData("bool Close(Reader c) => ReaderGuard.Similarity(me, c) >= 0.7;", "Close")]
    public Task No_filter_in_front_of_a_predicate_with_a_bar_handed_over_by_name(string predicate, string name) =>
        Check.VerifyNotOfferedAsync(InClass($$"""
                public List<string> Names(Reader me)
                {
                    {{predicate}}
                    return {|PERSONA001:index.NearestNeighbours(me, 10)|}.Where({{name}}).Select(c => c.Summary).ToList();
                }
            """), "PERSONA001.Guard");
}
