using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA003 on a bar that leaves a loop over candidates with <c>break</c> (probe 11b, repro 14). The band
/// check is no bar: over a most-similar-first list <c>if (!check) break;</c> would stop at the near-twin at the head and
/// keep no one. Where the bar only stops the loop, the check skips the candidate with <c>continue</c> instead (a
/// <c>Where</c> written as a loop); anything else gets no fix.</summary>
public class BreakOnThresholdTests
{
    private const string Key = "PERSONA003.UseBandCheck";

    [Fact]
    public Task Break_on_a_ranked_neighbour_becomes_continue_on_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        // similarity only falls from here: stop
                        if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|})
                            break;
                        shows.Add(n.Summary);
                    }
                    return shows;
                }
            """), InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        // similarity only falls from here: stop
                        if (!ReaderGuard.TrySubstitute(me, n, out _))
                            continue;
                        shows.Add(n.Summary);
                    }
                    return shows;
                }
            """), Key);

    [Fact]
    public Task Break_past_a_score_local_and_in_an_else_becomes_continue() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        var s = ReaderGuard.Similarity(me, n);
                        if ({|PERSONA003:s is < 0.6|})
                        {
                            break;
                        }
                        shows.Add(n.Summary);
                    }
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if ({|PERSONA003:ReaderGuard.Similarity(me, n) >= 0.6|})
                            shows.Add(n.Summary);
                        else
                            break;
                    }
                    return shows;
                }
            """), InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if (!ReaderGuard.TrySubstitute(me, n, out _))
                        {
                            continue;
                        }
                        shows.Add(n.Summary);
                    }
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if (ReaderGuard.TrySubstitute(me, n, out _))
                            shows.Add(n.Summary);
                        else
                            continue;
                    }
                    return shows;
                }
            """), Key, iterations: 2);

    // The break does more than stop (a log line), something before the bar runs for every candidate (a counter), the
    // bar is one of several reasons to stop, or the loop is not a foreach (continue would skip the index's step, or spin
    // where nothing else changes): the check cannot take the bar's place, so no fix.
    [Theory]
    [InlineData("foreach (var n in ranked) { if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}) { log.Add(\"stop\"); break; } log.Add(n.Summary); }")]
    [InlineData("foreach (var n in ranked) { log.Add(n.Id); if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}) break; log.Add(n.Summary); }")]
    [InlineData("foreach (var n in ranked) { if (log.Count > 5 || {|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}) break; log.Add(n.Summary); }")]
    [InlineData("var i = 0; while (i < ranked.Count) { var n = ranked[i]; if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}) break; log.Add(n.Summary); i++; }")]
    [InlineData("var other = ranked[0]; while (log.Count < 5) { if ({|PERSONA003:ReaderGuard.Similarity(me, other) < 0.6|}) break; log.Add(other.Summary); }")]
    public Task Break_that_does_more_than_stop_gets_no_fix(string loop) =>
        Threshold.VerifyNotOfferedAsync(InClass($$"""
                public void Shows(Reader me, IReadOnlyList<Reader> ranked, List<string> log)
                {
                    {{loop}}
                }
            """), Key);
    /// <summary>A <c>return</c> (or <c>yield break</c>) that does what the <c>break</c> would: the loop is followed by
    /// the same <c>return</c>, or ends a body that returns nothing.</summary>
    [Fact]
    public Task Return_that_only_stops_the_loop_becomes_continue_on_the_check() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|})
                            return shows;
                        shows.Add(n.Summary);
                    }
                    return shows;
                }

                public void Fill(Reader me, List<string> shows)
                {
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|})
                            return;
                        shows.Add(n.Summary);
                    }
                }

                public IEnumerable<string> Stream(Reader me)
                {
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|})
                            yield break;
                        yield return n.Summary;
                    }
                }
            """), InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if (!ReaderGuard.TrySubstitute(me, n, out _))
                            continue;
                        shows.Add(n.Summary);
                    }
                    return shows;
                }

                public void Fill(Reader me, List<string> shows)
                {
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if (!ReaderGuard.TrySubstitute(me, n, out _))
                            continue;
                        shows.Add(n.Summary);
                    }
                }

                public IEnumerable<string> Stream(Reader me)
                {
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if (!ReaderGuard.TrySubstitute(me, n, out _))
                            continue;
                        yield return n.Summary;
                    }
                }
            """), Key, iterations: 3);

    /// <summary>A bar kept in a bool local first: the local then holds the check's answer, and the <c>break</c> becomes
    /// <c>continue</c> as above.</summary>
    [Fact]
    public Task Break_on_a_bool_local_holding_the_bar_becomes_continue() =>
        Threshold.VerifyAsync(InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        var tooFar = {|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|};
                        if (tooFar)
                            break;
                        shows.Add(n.Summary);
                    }
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        var closeEnough = {|PERSONA003:ReaderGuard.Similarity(me, n) >= 0.6|};
                        if (!closeEnough) break;
                        shows.Add(n.Summary);
                    }
                    return shows;
                }
            """), InClass("""
                public List<string> Shows(Reader me)
                {
                    var shows = new List<string>();
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        var tooFar = !ReaderGuard.TrySubstitute(me, n, out _);
                        if (tooFar)
                            continue;
                        shows.Add(n.Summary);
                    }
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        var closeEnough = ReaderGuard.TrySubstitute(me, n, out _);
                        if (!closeEnough) continue;
                        shows.Add(n.Summary);
                    }
                    return shows;
                }
            """), Key, iterations: 2);

    /// <summary>Leaving the loop on the admitting way (take the first close one) is no stopping bar: the check takes
    /// the bar's place.</summary>
    [Fact]
    public Task Break_after_taking_the_candidate_keeps_the_break() =>
        Threshold.VerifyAsync(InClass("""
                public Reader Pick(Reader me)
                {
                    var pick = me;
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if ({|PERSONA003:ReaderGuard.Similarity(me, n) >= 0.6|})
                        {
                            pick = n;
                            break;
                        }
                    }
                    return pick;
                }
            """), InClass("""
                public Reader Pick(Reader me)
                {
                    var pick = me;
                    foreach (var n in index.NearestNeighbours(me, 10))
                    {
                        if (ReaderGuard.TrySubstitute(me, n, out _))
                        {
                            pick = n;
                            break;
                        }
                    }
                    return pick;
                }
            """), Key);

    // A return that does more than the break would (another value, a log line first), or leaves a loop that is no
    // foreach, or a bool local read again: no fix.
    [Theory]
    [InlineData("foreach (var n in ranked) { if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}) return 0; log.Add(n.Summary); } return log.Count;")]
    [InlineData("foreach (var n in ranked) { if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}) { log.Add(\"stop\"); return log.Count; } log.Add(n.Summary); } return log.Count;")]
    [InlineData("var i = 0; while (i < ranked.Count) { var n = ranked[i]; if ({|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}) return log.Count; log.Add(n.Summary); i++; } return log.Count;")]
    [InlineData("foreach (var n in ranked) { var tooFar = {|PERSONA003:ReaderGuard.Similarity(me, n) < 0.6|}; if (tooFar) break; log.Add(n.Summary + tooFar); } return log.Count;")]
    public Task Return_that_does_more_than_stop_gets_no_fix(string loop) =>
        Threshold.VerifyNotOfferedAsync(InClass($$"""
                public int Shows(Reader me, IReadOnlyList<Reader> ranked, List<string> log)
                {
                    {{loop}}
                }
            """), Key);

    /// <summary>A <c>break</c> that leaves a <c>switch</c> section, not a loop, is an early exit like a <c>return</c>.</summary>
    [Fact]
    public Task Break_out_of_a_switch_section_stays() =>
        Threshold.VerifyAsync(InClass("""
                public string Pick(Reader me, Reader other, string tier)
                {
                    switch (tier)
                    {
                        case "gold":
                            if ({|PERSONA003:ReaderGuard.Similarity(me, other) >= 0.6|})
                                return other.Summary;
                            else
                                break;
                    }
                    return me.Summary;
                }
            """), InClass("""
                public string Pick(Reader me, Reader other, string tier)
                {
                    switch (tier)
                    {
                        case "gold":
                            if (ReaderGuard.TrySubstitute(me, other, out _))
                                return other.Summary;
                            else
                                break;
                    }
                    return me.Summary;
                }
            """), Key);
}
