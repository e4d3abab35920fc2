using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
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
}
