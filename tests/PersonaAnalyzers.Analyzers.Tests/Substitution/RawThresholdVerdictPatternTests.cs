using static PersonaAnalyzers.Analyzers.Tests.Substitution.RawThresholdPatternTests;
using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA003: the similarity a verdict (or an explanation) carries, read inside a pattern —
/// <c>Assess(user, twin) is { Similarity: &gt; 0.9 }</c> — is judged as <c>verdict.Similarity &gt; 0.9</c> is: a raw bar
/// instead of <c>IsSafe</c>, unless it only narrows what the check let through.</summary>
public class RawThresholdVerdictPatternTests
{
    // The same bars written as comparisons, reported today: the patterns below match them.
    [Fact]
    public Task A_bar_on_a_verdicts_similarity_is_reported_as_a_comparison_is() =>
        Verify.VerifyAsync(InClass("""
                public string Comparison(Reader user, Reader twin)
                {
                    var verdict = ReaderGuard.Assess(user, twin);
                    return {|PERSONA003:verdict.Similarity > 0.9|} ? twin.Summary : user.Summary;
                }
            """));

    [Fact]
    public Task A_bar_on_a_verdicts_similarity_in_a_pattern_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string InPlace(Reader user, Reader twin)
                {
                    if (ReaderGuard.Assess(user, twin) is { Similarity: {|PERSONA003:> 0.9|} })
                        return twin.Summary;
                    return user.Summary;
                }

                public string OnTheLocal(Reader user, Reader twin)
                {
                    var verdict = ReaderGuard.Assess(user, twin);
                    return verdict is { Similarity: {|PERSONA003:>= 0.85|} } ? twin.Summary : user.Summary;
                }

                public string FromTrySubstitute(Reader user, Reader twin)
                {
                    ReaderGuard.TrySubstitute(user, twin, out var verdict);
                    if (verdict is not { Similarity: {|PERSONA003:>= 0.8|} })
                        return user.Summary;
                    return twin.Summary;
                }

                // The check's unsafe answer: the bar decides about the very profiles the check turned down.
                public string Unsafe(Reader user, Reader twin) =>
                    ReaderGuard.Assess(user, twin) is { IsSafe: false, Similarity: {|PERSONA003:> 0.95|} } ? twin.Summary : user.Summary;

                public string Explained(Reader user, Reader twin) =>
                    ReaderGuard.Explain(user, twin) is { Overall: {|PERSONA003:> 0.75|} } ? twin.Summary : user.Summary;

                public string InASwitch(Reader user, Reader twin) => ReaderGuard.Assess(user, twin) switch
                {
                    { Similarity: {|PERSONA003:> 0.9|} } => twin.Summary,
                    _ => user.Summary,
                };
            """));

    [Fact]
    public Task A_bar_on_a_verdicts_similarity_in_a_pattern_that_only_narrows_or_logs_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Beside the check's safe answer in the same pattern: it only rejects more of what the check let through.
                public string Narrowed(Reader user, Reader twin) =>
                    ReaderGuard.Assess(user, twin) is { IsSafe: true, Similarity: < 0.95 } ? twin.Summary : user.Summary;

                public string NarrowedByAnd(Reader user, Reader twin)
                {
                    var verdict = ReaderGuard.Assess(user, twin);
                    return verdict.IsSafe && verdict is { Similarity: < 0.95 } ? twin.Summary : user.Summary;
                }

                // Past an early exit on the check.
                public string PastTheCheck(Reader user, Reader twin)
                {
                    var verdict = ReaderGuard.Assess(user, twin);
                    if (!verdict.IsSafe || verdict is { Similarity: > 0.95 })
                        return user.Summary;
                    return twin.Summary;
                }

                // Only logged.
                public string Logged(Reader user, Reader twin)
                {
                    if (ReaderGuard.Assess(user, twin) is { Similarity: > 0.9 })
                        Console.WriteLine("near-twin: " + twin.Id);
                    return user.Summary;
                }

                // Only a metric's label.
                public string Label(Reader user, Reader twin) =>
                    ReaderGuard.Explain(user, twin) is { Overall: > 0.75 } ? "close" : "far";
            """));
}
