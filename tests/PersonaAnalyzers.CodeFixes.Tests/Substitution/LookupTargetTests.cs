using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001: the profile a substitute was looked up for (the persona argument of the call it came from) is
/// the target of the band check, ahead of any other profile in scope — a field, a loop's collection, an awaited call.</summary>
public class LookupTargetTests
{
    private const string Key = "PERSONA001.Guard";

    [Fact]
    public Task Field_passed_to_the_lookup_is_the_target() =>
        Verify.VerifyAsync(InClass("""
                private readonly Reader viewer = new();

                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbour = {|PERSONA001:index.Lookalike(viewer)|};
                    return Render.Recommend(neighbour);
                }
            """), InClass("""
                private readonly Reader viewer = new();

                public IReadOnlyList<Article> Recommend(Reader user)
                {
                    var neighbour = index.Lookalike(viewer);
                    if (!ReaderGuard.TrySubstitute(viewer, neighbour, out _))
                        return System.Array.Empty<Article>();
                    return Render.Recommend(neighbour);
                }
            """), Key);

    [Fact]
    public Task Loop_over_neighbours_of_a_guest_checks_against_the_guest() =>
        Verify.VerifyAsync(InClass("""
                public List<Article> Blend(Reader user, Reader guest)
                {
                    var articles = new List<Article>();
                    foreach (var {|PERSONA001:neighbour|} in index.NearestNeighbours(guest, 5))
                        articles.AddRange(Render.Recommend(neighbour));
                    return articles;
                }
            """), InClass("""
                public List<Article> Blend(Reader user, Reader guest)
                {
                    var articles = new List<Article>();
                    foreach (var neighbour in index.NearestNeighbours(guest, 5))
                    {
                        if (!ReaderGuard.TrySubstitute(guest, neighbour, out _))
                            continue;
                        articles.AddRange(Render.Recommend(neighbour));
                    }
                    return articles;
                }
            """), Key);

    [Fact]
    public Task Element_of_a_local_list_of_neighbours_is_chosen_for_the_profile_they_were_found_for() =>
        Verify.VerifyAsync(InClass("""
                public string Headline(Reader user, Reader guest)
                {
                    var neighbours = index.NearestNeighbours(guest, 3);
                    return Render.Prompt({|PERSONA001:neighbours[0]|});
                }
            """), InClass("""
                public string Headline(Reader user, Reader guest)
                {
                    var neighbours = index.NearestNeighbours(guest, 3);
                    return Render.Prompt(ReaderGuard.SafestSubstitute(guest, neighbours) ?? guest);
                }
            """), Key);

    [Fact]
    public Task Awaited_lookup_for_a_member_chain() =>
        Verify.VerifyAsync(InClass("""
                public async Task<IReadOnlyList<Article>> RecommendAsync(Session session, Reader user)
                {
                    var nearest = {|PERSONA001:await index.FindNearestAsync(session.Viewer)|};
                    if (nearest is null)
                        return new List<Article>();
                    return Render.Recommend(nearest);
                }

                public sealed class Session { public Reader Viewer { get; } = new(); }
            """), InClass("""
                public async Task<IReadOnlyList<Article>> RecommendAsync(Session session, Reader user)
                {
                    var nearest = await index.FindNearestAsync(session.Viewer);
                    if (nearest is null || !ReaderGuard.TrySubstitute(session.Viewer, nearest, out _))
                        return new List<Article>();
                    return Render.Recommend(nearest);
                }

                public sealed class Session { public Reader Viewer { get; } = new(); }
            """), Key);

    [Fact]
    public Task Lookup_with_two_profiles_does_not_decide_the_target_alone() =>
        Verify.VerifyAsync(InClass("""
                public void Warm(Reader user, Reader guest)
                {
                    cached = {|PERSONA001:Mix(guest, user)|};
                }

                [ProfileSubstitute] private static Reader Mix(Reader a, Reader b) => a;
            """, "using PersonaAnalyzers;\n"), InClass("""
                public void Warm(Reader user, Reader guest)
                {
                    var substitute = Mix(guest, user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        return;
                    cached = substitute;
                }

                [ProfileSubstitute] private static Reader Mix(Reader a, Reader b) => a;
            """, "using PersonaAnalyzers;\n"), Key);

    [Fact]
    public Task Each_element_of_lookups_awaited_together_is_checked_against_its_own_lookups_profile() =>
        Verify.VerifyAsync(InClass("""
                public async Task<(string, string)> BriefAsync(Reader user, Reader guest)
                {
                    var twins = await Task.WhenAll(index.FindNearestAsync(user), index.FindNearestAsync(guest));
                    return ({|PERSONA001:twins[0]|}?.Summary ?? user.Summary, {|PERSONA001:twins[1]|}?.Summary ?? guest.Summary);
                }
            """), InClass("""
                public async Task<(string, string)> BriefAsync(Reader user, Reader guest)
                {
                    var twins = await Task.WhenAll(index.FindNearestAsync(user), index.FindNearestAsync(guest));
                    var substitute = twins[0];
                    if (substitute is not null && !ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = null;
                    var substitute2 = twins[1];
                    if (substitute2 is not null && !ReaderGuard.TrySubstitute(guest, substitute2, out _))
                        substitute2 = null;
                    return (substitute?.Summary ?? user.Summary, substitute2?.Summary ?? guest.Summary);
                }
            """), Key, iterations: 2);

    [Fact]
    public Task Element_of_lookups_for_different_profiles_awaited_together_gets_no_fix_where_its_lookup_cannot_be_told() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public async Task<string> BriefAsync(Reader user, Reader guest, int i)
                {
                    var twins = await Task.WhenAll(index.FindNearestAsync(user), index.FindNearestAsync(guest));
                    return {|PERSONA001:twins[i]|}?.Summary ?? user.Summary;
                }
            """), Key);
}
