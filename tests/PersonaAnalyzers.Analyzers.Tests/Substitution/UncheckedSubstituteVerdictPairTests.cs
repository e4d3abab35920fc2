using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>A substitute paired with its own check's answer in a tuple or an anonymous object — the pair is followed
/// (PERSONA001.md: "tuples and anonymous objects are followed"): the answer decides only where it is read as a gate,
/// the substitute is judged where the pair's profile is used (probe 13c, repro 01).</summary>
public class UncheckedSubstituteVerdictPairTests
{
    private const string Signature = "public IEnumerable<string> Run(Reader user)";

    [Theory]
    // The answer never read: the pair is only a badge.
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Select(p => p.n.Summary)")]
    // The filter keeps the unsafe ones.
    [InlineData(".Select(n => (n, ok: ReaderGuard.TrySubstitute(user, n, out _))).Where(p => !p.ok).Select(p => p.n.Summary)")]
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Where(p => !p.verdict.IsSafe).Select(p => p.n.Summary)")]
    // A band test that lets near-twins through.
    [InlineData(".Select(n => new { n, band = ReaderGuard.Classify(user, n) }).Where(x => x.band != SimilarityBand.Distant).Select(x => x.n.Summary)")]
    // A pair with a score and no answer at all.
    [InlineData(".Select(n => (n, score: ReaderGuard.Similarity(user, n))).Select(p => p.n.Summary)")]
    [InlineData(".Select(n => new { Profile = n, Score = 1.0 }).Select(p => Render.Prompt(p.Profile))")]
    public Task A_pair_whose_answer_does_not_gate_the_profile_is_reported(string chain) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {|PERSONA001:index.NearestNeighbours(user, 5)|}{{chain}}.ToList();
            """, Signature));

    [Theory]
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Where(p => p.verdict.IsSafe).Select(p => p.n.Summary)")]
    [InlineData(".Select(n => (n, ok: ReaderGuard.TrySubstitute(user, n, out _))).Where(p => p.ok).Select(p => p.n.Summary)")]
    [InlineData(".Select(n => new { n, band = ReaderGuard.Classify(user, n) }).Where(x => x.band == SimilarityBand.Moderate).Select(x => x.n.Summary)")]
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Where(p => p.verdict.IsSafe && p.n.Purchases.Count > 0).Select(p => p.n.Summary)")]
    // A check of the pair's profile in the filter, the pair carrying only a score.
    [InlineData(".Select(n => (n, score: 1.0)).Where(p => ReaderGuard.Assess(user, p.n).IsSafe).Select(p => p.n.Summary)")]
    [InlineData(".Select(n => new { Profile = n, Score = 1.0 }).Where(p => ReaderGuard.Assess(user, p.Profile).IsSafe).Select(p => p.Profile.Summary)")]
    // Only the key read from the pairs.
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Select(p => p.n.Id)")]
    public Task A_pair_filtered_on_the_safe_answer_is_checked(string chain) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return index.NearestNeighbours(user, 5){{chain}}.ToList();
            """, Signature));

    [Fact]
    public Task A_pair_local_whose_answer_is_never_read_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null) return null;
                    var pair = (Twin: twin, Verdict: ReaderGuard.Assess(user, twin));
                    return pair.Twin.Summary;
            """));

    [Theory]
    [InlineData("if (!pair.Verdict.IsSafe) return null; return pair.Twin.Summary;")]
    [InlineData("return pair.Verdict.IsSafe ? pair.Twin.Summary : null;")]
    // The answer travels with the use, as a verdict local's does.
    [InlineData("return Render.Blend(user, pair.Twin, pair.Verdict.Confidence);")]
    public Task A_pair_local_whose_answer_decides_is_checked(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var twin = index.FindNearest(user);
                    if (twin is null) return null;
                    var pair = (Twin: twin, Verdict: ReaderGuard.Assess(user, twin));
                    {{rest}}
            """));

    [Theory]
    [InlineData("foreach ({|PERSONA001:var (n, verdict)|} in pairs) return n.Summary;")]
    [InlineData("foreach ({|PERSONA001:var (n, verdict)|} in pairs) { if (verdict.Band == SimilarityBand.Distant) continue; return n.Summary; }")]
    [InlineData("foreach (var {|PERSONA001:p|} in pairs) { Console.WriteLine(p.verdict.Reason); return p.n.Summary; }")]
    public Task Pairs_taken_apart_in_a_loop_without_the_answer_deciding_are_reported(string loop) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var pairs = index.NearestNeighbours(user, 5).Select(n => (n, verdict: ReaderGuard.Assess(user, n)));
                    {{loop}}
                    return null;
            """));

    [Theory]
    [InlineData("foreach (var (n, verdict) in pairs) { if (!verdict.IsSafe) continue; return n.Summary; }")]
    [InlineData("foreach (var p in pairs) { if (!p.verdict.IsSafe) continue; return p.n.Summary; }")]
    [InlineData("foreach (var p in pairs) if (p.verdict.IsSafe) return p.n.Summary;")]
    [InlineData("return pairs.FirstOrDefault(p => p.verdict.IsSafe).n?.Summary;")]
    [InlineData("return pairs.Select(p => p.verdict.IsSafe ? p.n.Summary : null).ToList();")]
    public Task Pairs_taken_apart_in_a_loop_with_the_answer_deciding_are_checked(string loop) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var pairs = index.NearestNeighbours(user, 5).Select(n => (n, verdict: ReaderGuard.Assess(user, n)));
                    {{loop}}
                    return null;
            """));

    /// <summary>A query's <c>let</c> of a check's answer pairs it with the range variable as <c>Select(n =&gt; new { n,
    /// band = … })</c> does, and is followed the same way (probe 15a, repro 02).</summary>
    [Theory]
    [InlineData("let v = ReaderGuard.Assess(user, n) select n.Summary")]
    [InlineData("let band = ReaderGuard.Classify(user, n) where band != SimilarityBand.Distant select n.Summary")]
    [InlineData("let band = ReaderGuard.Classify(user, n) where band == SimilarityBand.NearMatch select n.Summary")]
    public Task A_query_let_whose_answer_does_not_gate_is_reported(string query) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return (from n in {|PERSONA001:index.NearestNeighbours(user, 5)|} {{query}}).ToList();
            """, Signature));

    [Theory]
    [InlineData("let band = ReaderGuard.Classify(user, n) where band == SimilarityBand.Moderate select n.Summary")]
    [InlineData("let v = ReaderGuard.Assess(user, n) where v.IsSafe select n.Summary")]
    [InlineData("let ok = ReaderGuard.TrySubstitute(user, n, out _) where ok select n.Summary")]
    [InlineData("let v = ReaderGuard.Assess(user, n) select n.Id")]
    public Task A_query_let_whose_answer_gates_is_checked(string query) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return (from n in index.NearestNeighbours(user, 5) {{query}}).ToList();
            """, Signature));
}
