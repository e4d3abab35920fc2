using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001's guard tests the substitute for null only where the compiler does not already know it is there:
/// not for a non-nullable result, an <c>IReadOnlyList&lt;Reader&gt;</c>'s indexer, the elements of a stream through
/// <c>WithCancellation(…).ConfigureAwait(false)</c>; a <c>!</c> on a value the guard tests for null goes.</summary>
public class NonNullableValueTests
{
    private const string Key = "PERSONA001.Guard";

    [Fact]
    public Task Local_from_a_non_nullable_result_gets_no_null_test() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var donor = {|PERSONA001:index.FallbackPersona|};
                    return Render.Recommend(donor);
                }
            """), InClass("""
                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var donor = index.FallbackPersona;
                    if (!ReaderGuard.TrySubstitute(user, donor, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(donor);
                }
            """), Key);

    [Fact]
    public Task Indexed_element_of_a_read_only_list_in_a_for_loop_gets_no_null_test() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Summaries(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 5);
                    var summaries = new List<string>();
                    for (int i = 0; i < neighbours.Count; i++)
                        summaries.Add({|PERSONA001:neighbours[i]|}.Summary);
                    return summaries;
                }
            """), InClass("""
                public List<string> Summaries(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 5);
                    var summaries = new List<string>();
                    for (int i = 0; i < neighbours.Count; i++)
                    {
                        var substitute = neighbours[i];
                        if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                            continue;
                        summaries.Add(substitute.Summary);
                    }
                    return summaries;
                }
            """), Key);

    [Fact]
    public Task Stream_element_through_configure_await_gets_no_null_test() =>
        Verify.VerifyAsync(InClass("""
                public async Task<List<string>> Summaries(Reader user, System.Threading.CancellationToken ct)
                {
                    var summaries = new List<string>();
                    await foreach (Reader {|PERSONA001:n|} in NeighboursAsync(user).WithCancellation(ct).ConfigureAwait(false))
                        summaries.Add(n.Summary);
                    return summaries;
                }

                private static async IAsyncEnumerable<Reader> NeighboursAsync(Reader user)
                {
                    await Task.Yield();
                    yield return user;
                }
            """, "using System.Runtime.CompilerServices;\n"), InClass("""
                public async Task<List<string>> Summaries(Reader user, System.Threading.CancellationToken ct)
                {
                    var summaries = new List<string>();
                    await foreach (Reader n in NeighboursAsync(user).WithCancellation(ct).ConfigureAwait(false))
                    {
                        if (!ReaderGuard.TrySubstitute(user, n, out _))
                            continue;
                        summaries.Add(n.Summary);
                    }
                    return summaries;
                }

                private static async IAsyncEnumerable<Reader> NeighboursAsync(Reader user)
                {
                    await Task.Yield();
                    yield return user;
                }
            """, "using System.Runtime.CompilerServices;\n"), Key);

    [Fact]
    public Task Null_forgiving_operator_goes_where_the_guard_tests_for_null() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader user)
                {
                    cached = {|PERSONA001:index.FindNearest(user)|}!;
                }
            """), InClass("""
                public void Warm(Reader user)
                {
                    var substitute = index.FindNearest(user);
                    if (substitute is null || !ReaderGuard.TrySubstitute(user, substitute, out _))
                        return;
                    cached = substitute;
                }
            """), Key);
}
