using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA003 on an upper bar — one that uses the candidate below it (<c>sim &lt; 0.97</c> keeping all but the
/// duplicate accounts) or turns the closest away (<c>sim &gt;= 0.9 ? user : other</c>) (probe 12b, repro 01). The check
/// goes where the candidate is used, whatever the operator: read from the operator alone, the fix wrote the check the
/// wrong way round and used the candidate exactly where the guard called it unsafe.</summary>
public class UpperBarTests
{
    private const string Key = "PERSONA003.UseBandCheck";

    [Fact]
    public Task Upper_bars_get_the_check_on_the_way_that_uses_the_candidate() =>
        Threshold.VerifyAsync(InClass("""
                public List<Reader> AllButDuplicates(Reader me, List<Reader> pool) =>
                    pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(me, c) < 0.97|}).ToList();

                public string Farther(Reader me, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(me, other) < 0.9|})
                        return other.Summary;
                    return me.Summary;
                }

                public string TurnsTheClosestAway(Reader me, Reader other) =>
                    {|PERSONA003:ReaderGuard.Similarity(me, other) >= 0.9|} ? me.Summary : other.Summary;
            """), InClass("""
                public List<Reader> AllButDuplicates(Reader me, List<Reader> pool) =>
                    pool.Where(c => ReaderGuard.TrySubstitute(me, c, out _)).ToList();

                public string Farther(Reader me, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(me, other, out _))
                        return other.Summary;
                    return me.Summary;
                }

                public string TurnsTheClosestAway(Reader me, Reader other) =>
                    !ReaderGuard.TrySubstitute(me, other, out _) ? me.Summary : other.Summary;
            """), Key, iterations: 3);

    /// <summary>A bar compared through <c>CompareTo</c>: the whole comparison becomes the check, on the way that uses the
    /// candidate as the analyzer read it from the sign, the side and the call's receiver.</summary>
    [Fact]
    public Task Bars_compared_through_CompareTo_become_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public string? Closer(Reader me, Reader other)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(me, other).CompareTo(0.9) > 0|})
                        return other.Summary;
                    return null;
                }

                public string? Rejecting(Reader me, Reader other)
                {
                    var sim = ReaderGuard.Similarity(me, other);
                    if ({|PERSONA003:sim.CompareTo(0.8) < 0|})
                        return null;
                    return other.Summary;
                }

                public string AllButDuplicates(Reader me, Reader other) =>
                    {|PERSONA003:0.97.CompareTo(ReaderGuard.Similarity(me, other)) > 0|} ? other.Summary : me.Summary;
            """), InClass("""
                public string? Closer(Reader me, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(me, other, out _))
                        return other.Summary;
                    return null;
                }

                public string? Rejecting(Reader me, Reader other)
                {
                    if (!ReaderGuard.TrySubstitute(me, other, out _))
                        return null;
                    return other.Summary;
                }

                public string AllButDuplicates(Reader me, Reader other) =>
                    ReaderGuard.TrySubstitute(me, other, out _) ? other.Summary : me.Summary;
            """), Key, iterations: 3);

    /// <summary>A bar in parentheses leaves none around the check (probe 13b, repro 06): <c>!(sim &gt;= 0.9)</c> becomes
    /// <c>!TrySubstitute(…)</c>, <c>(sim &gt; 0.8) is false</c> <c>TrySubstitute(…) is false</c>, and a negated rejecting
    /// bar, <c>!(sim &lt; 0.8)</c>, the bare check.</summary>
    [Fact]
    public Task A_bar_in_parentheses_leaves_no_redundant_parentheses() =>
        Threshold.VerifyAsync(InClass("""
                public string NotClose(Reader me, Reader other)
                {
                    if (!({|PERSONA003:ReaderGuard.Similarity(me, other) >= 0.9|}))
                        return me.Summary;
                    return other.Summary;
                }

                public string IsFalse(Reader me, Reader other) =>
                    ({|PERSONA003:ReaderGuard.Similarity(me, other) > 0.8|}) is false ? me.Summary : other.Summary;

                public string NotFar(Reader me, Reader other)
                {
                    if (!({|PERSONA003:ReaderGuard.Similarity(me, other) < 0.8|}))
                        return other.Summary;
                    return me.Summary;
                }
            """), InClass("""
                public string NotClose(Reader me, Reader other)
                {
                    if (!ReaderGuard.TrySubstitute(me, other, out _))
                        return me.Summary;
                    return other.Summary;
                }

                public string IsFalse(Reader me, Reader other) =>
                    ReaderGuard.TrySubstitute(me, other, out _) is false ? me.Summary : other.Summary;

                public string NotFar(Reader me, Reader other)
                {
                    if (ReaderGuard.TrySubstitute(me, other, out _))
                        return other.Summary;
                    return me.Summary;
                }
            """), Key, iterations: 3);

    [Fact]
    public Task Upper_bars_in_patterns_and_switches_get_the_check_on_the_way_that_uses_the_candidate() =>
        Threshold.VerifyAsync(InClass("""
                public string Pattern(Reader me, Reader other) =>
                    {|PERSONA003:ReaderGuard.Similarity(me, other) is < 0.9|} ? other.Summary : me.Summary;

                public string Switch(Reader me, Reader other) =>
                    ReaderGuard.Similarity(me, other) switch
                    {
                        {|PERSONA003:>= 0.9|} => me.Summary,
                        _ => other.Summary,
                    };
            """), InClass("""
                public string Pattern(Reader me, Reader other) =>
                    ReaderGuard.TrySubstitute(me, other, out _) ? other.Summary : me.Summary;

                public string Switch(Reader me, Reader other) =>
                    ReaderGuard.TrySubstitute(me, other, out _) ? other.Summary : me.Summary;
            """), Key, iterations: 2);
}
