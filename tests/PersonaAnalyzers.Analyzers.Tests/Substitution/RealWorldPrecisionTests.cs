using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001 over code written the way personalization code is written: the common safe shapes stay quiet,
/// the common unsafe ones are reported once, at the substitute.</summary>
public class RealWorldPrecisionTests
{
    [Fact]
    public Task Cold_start_recommender_with_guarded_fallback_is_clean() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;

            public sealed class ColdStartRecommender
            {
                private readonly IReaderIndex _index;
                private readonly Dictionary<string, Reader> _profiles = new();

                public ColdStartRecommender(IReaderIndex index) => _index = index;

                public async Task<IReadOnlyList<Article>> RecommendAsync(Reader user)
                {
                    if (_profiles.TryGetValue(user.Id, out var own))
                        return Render.Recommend(own).ToList();

                    var neighbour = await _index.FindNearestAsync(user);
                    if (neighbour is null)
                        return new List<Article>();
                    if (!ReaderGuard.TrySubstitute(user, neighbour, out var verdict) || verdict.Confidence < 0.2)
                        return new List<Article>();
                    return Render.Recommend(neighbour).Take(10).ToList();
                }

                public Reader? PickDonor(Reader user) => ReaderGuard.SafestSubstitute(user, _index.NearestNeighbours(user, 50));
            }
            """);

    [Fact]
    public Task Diagnostics_that_read_a_neighbour_through_null_propagation_or_a_count_are_clean() =>
        Verify.VerifyAsync("""
            using System;
            using System.Diagnostics;
            using System.Linq;
            using Shop;

            public static class Metrics { public static void Observe(string name, double value) { } }

            public sealed class Audit
            {
                private readonly IReaderIndex _index = null!;

                public void Trace(Reader user)
                {
                    var nearest = _index.FindNearest(user);
                    Debug.WriteLine($"nearest of {user.Id}: {nearest?.Summary}");
                    Debug.WriteLine("nearest: " + nearest?.Summary.Length);
                }

                public void Measure(Reader user) =>
                    Metrics.Observe("long-summaries", _index.NearestNeighbours(user, 10).Count(n => n.Summary.Length > 200));

                public string Shown(Reader user) => $"nearest: {{|PERSONA001:_index.FindNearest(user)|}?.Summary}";
            }
            """);

    [Fact]
    public Task Tests_that_assert_on_a_looked_up_neighbour_are_clean() =>
        Verify.VerifyAsync("""
            using System.Linq;
            using FluentAssertions;
            using Shop;
            using Xunit;

            namespace Xunit { public static class Assert { public static void Equal<T>(T expected, T actual) { } public static void NotNull(object? value) { } } }
            namespace FluentAssertions
            {
                public sealed class StringAssertions { public void Be(string expected) { } }
                public static class AssertionExtensions { public static StringAssertions Should(this string value) => new(); }
            }
            namespace NUnit.Framework { public static class ClassicAssert { public static void AreEqual(object expected, object actual) { } } }

            public sealed class IndexTests
            {
                private readonly IReaderIndex _index = null!;

                public void Finds_the_nearest_reader(Reader user)
                {
                    var twin = _index.FindNearest(user);
                    Assert.NotNull(twin);
                    Assert.Equal("likes jazz", twin!.Summary);
                    twin.Summary.Should().Be("likes jazz");
                    NUnit.Framework.ClassicAssert.AreEqual(3, _index.NearestNeighbours(user, 3).Count(n => n.Summary.Length > 0));
                }

                // Outside an assertion it is still a use, in a test as anywhere.
                public string Renders(Reader user) => {|PERSONA001:_index.FindNearest(user)|}!.Summary;
            }
            """);

    [Fact]
    public Task Vector_search_hits_projected_to_their_profiles_keep_the_substitutes() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;

            public interface IVectorStore { Task<IReadOnlyList<(Reader Profile, double Distance)>> SearchNearestAsync(double[] vector, int k); }

            public sealed class StyleTransfer(IVectorStore store)
            {
                public async Task<string> Vetted(Reader user)
                {
                    var hits = await store.SearchNearestAsync(user.Topics, 5);
                    var donor = hits.Select(h => h.Profile).FirstOrDefault(p => p.Id != user.Id);
                    if (donor is null || !ReaderGuard.Assess(user, donor).IsSafe)
                        return user.Summary;
                    return donor.Summary;
                }

                public async Task<Reader?> Safest(Reader user) =>
                    ReaderGuard.SafestSubstitute(user, (await store.SearchNearestAsync(user.Topics, 50)).Select(h => h.Profile));

                public async Task<string> Unvetted(Reader user)
                {
                    var hits = await store.SearchNearestAsync(user.Topics, 5);
                    return {|PERSONA001:hits.Select(h => h.Profile).First(p => p.Id != user.Id)|}.Summary;
                }
            }
            """);

    [Fact]
    public Task Prompt_builder_that_inlines_a_lookalike_summary_is_reported_once() =>
        Verify.VerifyAsync("""
            using System.Text;
            using Shop;

            public sealed class PromptBuilder
            {
                private readonly IReaderIndex _index;
                public PromptBuilder(IReaderIndex index) => _index = index;

                public string Build(Reader user, string question)
                {
                    var persona = string.IsNullOrEmpty(user.Summary) ? {|PERSONA001:_index.Lookalike(user)|} : user;
                    var prompt = new StringBuilder();
                    prompt.AppendLine("You are answering for this reader:");
                    prompt.AppendLine(persona.Summary);
                    prompt.AppendLine(question);
                    return prompt.ToString();
                }
            }
            """);

    [Fact]
    public Task Audit_logging_and_identity_of_the_neighbour_are_not_uses() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;

            public sealed class Diagnostics
            {
                private readonly IReaderIndex _index;
                private readonly List<string> _seen = new();
                public Diagnostics(IReaderIndex index) => _index = index;

                public bool HasTwin(Reader user)
                {
                    var nearest = _index.FindNearest(user);
                    if (nearest is null || ReferenceEquals(nearest, user) || nearest.Id == user.Id)
                        return false;
                    _seen.Add(nearest.Id);
                    return true;
                }
            }
            """);

    [Fact]
    public Task Similar_items_that_are_not_profiles_are_not_substitutes() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;

            public sealed class Catalog
            {
                public IReadOnlyList<Article> GetSimilarArticles(Article article) => new List<Article>();
                public string Titles(Article article) => string.Join(", ", GetSimilarArticles(article).Select(a => a.Title));
            }
            """);

    [Fact]
    public Task Neighbour_purchases_merged_without_a_check_are_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;

            public sealed class CollaborativeFilter
            {
                private readonly IReaderIndex _index;
                public CollaborativeFilter(IReaderIndex index) => _index = index;

                public HashSet<string> Candidates(Reader user)
                {
                    var result = new HashSet<string>(user.Purchases);
                    foreach (var {|PERSONA001:neighbour|} in _index.NearestNeighbours(user, 20))
                        result.UnionWith(neighbour.Purchases);
                    return result;
                }
            }
            """);

    [Fact]
    public Task Persona_prompt_service_with_the_usual_guard_spellings_reports_only_its_unguarded_paths() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;

            public sealed class PersonaPromptService
            {
                private readonly IReaderIndex _index;

                public PersonaPromptService(IReaderIndex index) => _index = index;

                // Rejected twins are dropped by overwriting the local, the most common hand-written guard.
                public async Task<string> SystemPromptAsync(Reader user)
                {
                    var twin = await _index.FindNearestAsync(user);
                    if (twin != null && !ReaderGuard.Assess(user, twin).IsSafe)
                    {
                        Console.WriteLine($"rejected twin for {user.Id}");
                        twin = null;
                    }
                    return twin is null ? "You are a helpful assistant." : $"The reader likes: {twin.Summary}";
                }

                // Few-shot examples from the neighbours the guard keeps, in a query.
                public string FewShot(Reader user)
                {
                    var kept = from n in _index.NearestNeighbours(user, 10)
                               where ReaderGuard.Assess(user, n).IsSafe
                               select n.Summary;
                    return string.Join("\n", kept.Take(3));
                }

                // The same list vetted in place.
                public List<Reader> Donors(Reader user)
                {
                    var donors = _index.NearestNeighbours(user, 10).ToList();
                    donors.RemoveAll(d => !ReaderGuard.Assess(user, d).IsSafe);
                    return donors;
                }

                // Batch warm-up: every friend's twin awaited together and used without a check.
                public async Task<string[]> WarmAsync(IReadOnlyList<Reader> friends)
                {
                    var twins = {|PERSONA001:await Task.WhenAll(friends.Select(f => _index.FindNearestAsync(f)))|};
                    return twins.Where(t => t is not null).Select(t => t!.Summary).ToArray();
                }

                // The log line reads the twin's key only; the prompt reads its data unguarded.
                public string Unguarded(Reader user)
                {
                    var twin = {|PERSONA001:_index.Lookalike(user)|};
                    Console.WriteLine($"using twin {twin.Id}");
                    return new StringBuilder("Persona: ").Append(twin.Summary).ToString();
                }
            }
            """);
}
