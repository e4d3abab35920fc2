using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001 on a lookup retried while it is missing (probe 12b, repro 14): a guard inside the loop would look
/// again for an unsafe substitute as well; after the loop, an unsafe one is made missing, as the loop leaves a missing
/// one, where every later read allows for that.</summary>
public class RetryLoopTests
{
    private const string Key = "PERSONA001.Guard";

    [Fact]
    public Task A_retried_lookup_is_made_missing_after_the_loop() =>
        Verify.VerifyAsync(InClass("""
                public string Tone(Reader user)
                {
                    var attempts = 0;
                    Reader? n = null;
                    while (n == null && attempts++ < 3)
                        n = {|PERSONA001:index.FindNearest(user)|};
                    return n != null ? n.Summary : user.Summary;
                }
            """), InClass("""
                public string Tone(Reader user)
                {
                    var attempts = 0;
                    Reader? n = null;
                    while (n == null && attempts++ < 3)
                        n = index.FindNearest(user);
                    if (n is not null && !ReaderGuard.TrySubstitute(user, n, out _))
                        n = null;
                    return n != null ? n.Summary : user.Summary;
                }
            """), Key);

    /// <summary>A later read that does not allow for a missing one keeps the guard where it was.</summary>
    [Fact]
    public Task A_retried_lookup_read_without_a_presence_test_keeps_the_guard_in_the_loop() =>
        Verify.VerifyAsync(InClass("""
                public string Tone(Reader user)
                {
                    var attempts = 0;
                    Reader? n = null;
                    while (n == null && attempts++ < 3)
                        n = {|PERSONA001:index.FindNearest(user)|};
                    return n!.Summary;
                }
            """), InClass("""
                public string Tone(Reader user)
                {
                    var attempts = 0;
                    Reader? n = null;
                    while (n == null && attempts++ < 3)
                    {
                        var substitute = index.FindNearest(user);
                        if (substitute is null || !ReaderGuard.TrySubstitute(user, substitute, out _))
                            continue;
                        n = substitute;
                    }
                    return n!.Summary;
                }
            """), Key);
}
