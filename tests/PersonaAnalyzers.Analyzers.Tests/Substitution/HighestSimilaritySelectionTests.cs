using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.HighestSimilaritySelectionAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA002: the substitute chosen by highest similarity.</summary>
public class HighestSimilaritySelectionTests
{
    [Fact]
    public Task MaxBy_similarity_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|};
            """));

    [Fact]
    public Task MaxBy_explain_overall_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA002:pool.MaxBy(c => ReaderGuard.Explain(user, c).Overall)|};
            """));

    [Fact]
    public Task MaxBy_kernel_over_features_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA002:pool.MaxBy(c => SimilarityKernels.Cosine(user.Topics.AsSpan(), c.Topics.AsSpan()))|};
            """));

    [Fact]
    public Task Nearest_row_of_a_vector_query_taken_asynchronously_is_reported() =>
        Verify.VerifyAsync("""
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Shop;
            // The shape of Entity Framework's async operators and pgvector's distance functions.
            public static class QueryExtensions
            {
                public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> query, CancellationToken ct = default) => Task.FromResult(query.FirstOrDefault());
                public static Task<T> SingleAsync<T>(this IQueryable<T> query, CancellationToken ct = default) => Task.FromResult(query.Single());
                public static Task<T> FirstAsync<T>(this IQueryable<T> query, CancellationToken ct = default) => Task.FromResult(query.First());
                public static double CosineDistance(this double[] a, double[] b) => 0;
            }
            public class C
            {
                public async Task<Reader?> Nearest(IQueryable<Reader> readers, Reader user, CancellationToken ct) =>
                    await {|PERSONA002:readers.Where(r => r.Id != user.Id).OrderBy(r => r.Topics.CosineDistance(user.Topics)).FirstOrDefaultAsync(ct)|};
                public Task<Reader> Twin(IQueryable<Reader> readers, Reader user) =>
                    {|PERSONA002:readers.OrderByDescending(r => ReaderGuard.Similarity(user, r)).FirstAsync()|};
                public Task<Reader> Farthest(IQueryable<Reader> readers, Reader user) =>
                    readers.OrderByDescending(r => r.Topics.CosineDistance(user.Topics)).SingleAsync();
            }
            """);

    [Theory]
    [InlineData("""
        double Score(Reader c) => ReaderGuard.Similarity(user, c);
        return {|PERSONA002:pool.MaxBy(Score)|};
        """)]
    [InlineData("""
        return {|PERSONA002:pool.OrderByDescending(Closeness).FirstOrDefault()|};
        double Closeness(Reader c)
        {
            var similarity = ReaderGuard.Similarity(user, c);
            return similarity;
        }
        """)]
    [InlineData("""
        Func<Reader, double> byScore = c => ReaderGuard.Similarity(user, c);
        return {|PERSONA002:pool.MaxBy(byScore)|};
        """)]
    [InlineData("return {|PERSONA002:pool.MaxBy(ScoreAgainstViewer)|};")]
    [InlineData("return {|PERSONA002:pool.MaxBy(RecommenderScores.SimilarityToViewer)|};")]
    public Task MaxBy_a_named_key_selector_is_reported(string body) =>
        Verify.VerifyAsync(NamedKeys(body));

    /// <summary>A method of the same file that computes the similarity, named for something else (<c>Fit</c>,
    /// <c>Affinity</c>), given as the key of a body that spells no score word anywhere (probe 13a, repro 03): the text
    /// gate in front of the rule let no such body through.</summary>
    [Fact]
    public Task Named_key_method_of_the_file_is_followed_from_a_body_that_names_no_score() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public sealed class Panel(Reader viewer)
            {
                private double Fit(Reader c) => ReaderGuard.Similarity(viewer, c);
                private double Affinity(Reader c) { var s = ReaderGuard.Similarity(viewer, c); return s; }
                private double Tenure(Reader c) => c.Purchases.Count;

                public Reader? Best(List<Reader> panel) => {|PERSONA002:panel.MaxBy(Fit)|};
                public Reader? Top(List<Reader> panel) => {|PERSONA002:panel.OrderByDescending(Affinity).First()|};
                public Reader? Loyal(List<Reader> panel) => panel.MaxBy(Tenure);
                public Reader? Least(List<Reader> panel) => panel.MinBy(Fit);
            }
            """);

    [Theory]
    [InlineData("""
        double Recency(Reader c) => c.Purchases.Count;
        return pool.MaxBy(Recency);
        """)]
    [InlineData("""
        Func<Reader, double> byScore = c => ReaderGuard.Similarity(user, c);
        byScore = c => c.Purchases.Count;
        return pool.MaxBy(byScore);
        """)]
    [InlineData("""
        double Score(Reader c)
        {
            Func<Reader, double> inner = x => ReaderGuard.Similarity(user, x);
            return c.Purchases.Count;
        }
        return pool.MaxBy(Score);
        """)]
    [InlineData("return pool.MaxBy(PurchasesOf);")]
    [InlineData("return pool.MinBy(ScoreAgainstViewer);")]
    [InlineData("return pool.MaxBy(RecommenderScores.Loyalty);")]
    public Task MaxBy_a_named_key_that_is_no_similarity_is_not_reported(string body) =>
        Verify.VerifyAsync(NamedKeys(body));

    /// <summary>A method whose key selectors are named: <c>ScoreAgainstViewer</c> and <c>PurchasesOf</c> are declared in
    /// the same file (their bodies are read), <c>RecommenderScores</c>' members elsewhere in effect (known by name).</summary>
    private static string NamedKeys(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        public class Recommender
        {
            private readonly List<Reader> pool = new();
            private Reader viewer = null!;

            public Reader? Run(Reader user)
            {
        {{body}}
            }

            private double ScoreAgainstViewer(Reader candidate) => ReaderGuard.Similarity(viewer, candidate);
            private static double PurchasesOf(Reader candidate) => candidate.Purchases.Count;
        }

        public static class RecommenderScores
        {
            public static double SimilarityToViewer(Reader candidate) => 0;
            public static double Loyalty(Reader candidate) => 0;
        }
        """;

    // A nearest-centroid assignment: the pick carries a profile, but only its label leaves.
    [Theory]
    [InlineData("return segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))!.Name;")]
    [InlineData("return segments.OrderByDescending(s => ReaderGuard.Similarity(user, s.Centroid)).FirstOrDefault()?.Name;")]
    [InlineData("return {|PERSONA002:segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))|}!.Centroid.Summary;")]
    [InlineData("return {|PERSONA002:segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))|};")]
    [InlineData("var best = segments.OrderByDescending(s => ReaderGuard.Similarity(user, s.Centroid)).First(); return best.Name;")]
    [InlineData("var best = segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid)); return best?.Name + \"/\" + best?.Name.Length;")]
    [InlineData("var best = {|PERSONA002:segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))|}; return best!.Name + best.Centroid.Summary;")]
    [InlineData("var best = {|PERSONA002:segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))|}; return best;")]
    [InlineData("return {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|}!.Summary;")]
    // Through ?., the read right off the pick decides, not the member the whole access ends with (probe 11a, repro 01).
    [InlineData("return {|PERSONA002:segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))|}?.Centroid.Summary;")]
    [InlineData("var best = {|PERSONA002:segments.OrderByDescending(s => ReaderGuard.Similarity(user, s.Centroid)).FirstOrDefault()|}; return best?.Centroid.Summary ?? \"\";")]
    [InlineData("return {|PERSONA002:segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))|}?.Centroid?.Summary;")]
    [InlineData("return segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))?.Name.ToUpperInvariant();")]
    [InlineData("return segments.MaxBy(s => ReaderGuard.Similarity(user, s.Centroid))?.Name?.Length;")]
    public Task Only_a_label_of_the_pick_leaving_is_not_a_substitute(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body, "public object? Run(Reader user, List<Segment> segments)") + """

            public sealed record Segment(string Name, Reader Centroid);
            """);

    /// <summary>The project's own selection helper, given profiles and a similarity: the call is the <c>MaxBy</c>, one
    /// method away. The helper scores nothing itself and is not reported.</summary>
    [Theory]
    [InlineData("public static T Best<T>(IEnumerable<T> items, Func<T, double> score) => items.MaxBy(score)!;", "Picks.Best(pool, c => ReaderGuard.Similarity(user, c))")]
    [InlineData("public static T? Best<T>(IEnumerable<T> items, Func<T, double> score) { return items.OrderByDescending(score).FirstOrDefault(); }", "Picks.Best(pool, c => ReaderGuard.Similarity(user, c))")]
    [InlineData("public static T ArgMax<T>(this IEnumerable<T> items, Func<T, double> score) => (items.MaxBy(score))!;", "pool.ArgMax(c => ReaderGuard.Similarity(user, c))")]
    [InlineData("public static T ArgMax<T>(this IEnumerable<T> items, Func<T, double> score) => items.MaxBy(score)!;", "pool.ArgMax(c => ReaderGuard.Explain(user, c).Overall)")]
    [InlineData("public static T? Closest<T>(Func<T, double> distance, List<T> items) => items.MinBy(distance);", "Picks.Closest(c => Distance(user.Topics, c.Topics), pool)")]
    [InlineData("public static T? Closest<T>(Func<T, double> distance, List<T> items) => items.OrderBy(distance).First();", "Picks.Closest(c => Distance(user.Topics, c.Topics), pool)")]
    public Task Call_of_a_selection_helper_given_a_similarity_is_reported(string helper, string call) =>
        Verify.VerifyAsync(WithHelper(helper, "{|PERSONA002:" + call + "|}"));

    /// <summary>A helper that picks by something other than a similarity, picks the least similar, does more than the
    /// pick, or is given no profiles.</summary>
    [Theory]
    [InlineData("public static T? Best<T>(IEnumerable<T> items, Func<T, double> score) => items.MaxBy(score);", "Picks.Best(pool, c => c.Topics.Length)")]
    [InlineData("public static T? Best<T>(IEnumerable<T> items, Func<T, double> score) => items.MinBy(score);", "Picks.Best(pool, c => ReaderGuard.Similarity(user, c))")]
    [InlineData("public static T? Best<T>(IEnumerable<T> items, Func<T, double> score) => items.OrderByDescending(score).Last();", "Picks.Best(pool, c => ReaderGuard.Similarity(user, c))")]
    [InlineData("public static T? Best<T>(IEnumerable<T> items, Func<T, double> score) { var kept = items.Where(i => score(i) < 0.9); return kept.MaxBy(score); }", "Picks.Best(pool, c => ReaderGuard.Similarity(user, c))")]
    [InlineData("public static T? Best<T>(IEnumerable<T> items, Func<T, double> score) => items.MaxBy(score);", "Picks.Best(pool.Select(p => p.Id), id => id.Length) is { } id ? pool.First(p => p.Id == id) : null")]
    [InlineData("public static T? Best<T>(IEnumerable<T> items, Func<T, double> score) => items.MaxBy(i => -score(i));", "Picks.Best(pool, c => ReaderGuard.Similarity(user, c))")]
    public Task Call_of_a_helper_that_does_not_pick_the_most_similar_profile_is_not_reported(string helper, string call) =>
        Verify.VerifyAsync(WithHelper(helper, call));

    /// <summary>A class <c>Picks</c> declaring <paramref name="helper"/>, and a method returning <paramref name="call"/>.</summary>
    private static string WithHelper(string helper, string call) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;
        public static class Picks
        {
            {{helper}}
        }
        public class C
        {
            static double Distance(double[] a, double[] b) => 0;
            public Reader? Run(List<Reader> pool, Reader user) => {{call}};
        }
        """;

    /// <summary>The helper may live in another file of the project (a utility class): it is read from its declaration.</summary>
    [Fact]
    public Task Call_of_a_selection_helper_declared_in_another_file_is_reported() =>
        Verify.VerifyFilesAsync(new[]
        {
            ("/0/Ranking.cs", """
                using System;
                using System.Collections.Generic;
                using System.Linq;
                public static class Ranking
                {
                    public static T Top<T>(this IReadOnlyCollection<T> items, Func<T, float> score) => items.OrderByDescending(score).First();
                }
                """),
            ("/0/Matchmaker.cs", """
                using System.Collections.Generic;
                using Shop;
                public class Matchmaker
                {
                    public Reader StandIn(IReadOnlyCollection<Reader> players, Reader newcomer) =>
                        {|PERSONA002:players.Top(p => (float)ReaderGuard.Similarity(newcomer, p))|};
                }
                """),
        });

    /// <summary>The index loop over scores computed into a buffer first (an array or a <c>stackalloc</c> span): the
    /// buffer's element is the score it was filled with (probe 9b, repro 03).</summary>
    [Theory]
    [InlineData("Span<double> sims = stackalloc double[pool.Count];", "ReaderGuard.Similarity(user, pool[j])", "if (sims[i] > best) { best = sims[i]; {|PERSONA002:bestIndex = i|}; }")]
    [InlineData("var sims = new double[pool.Count];", "ReaderGuard.Similarity(user, pool[j])", "var s = sims[i]; if (s > best) { best = s; {|PERSONA002:bestIndex = i|}; }")]
    [InlineData("var sims = new double[pool.Count];", "pool[j].Topics.Length", "if (sims[i] > best) { best = sims[i]; bestIndex = i; }")]
    [InlineData("var sims = new double[pool.Count];", "ReaderGuard.Similarity(user, pool[j])", "if (sims[i] > best) { best = sims[i]; bestIndex = i; } if (bestIndex < 0) return null;")]
    public Task Best_so_far_index_loop_over_a_score_buffer(string buffer, string filled, string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    {{buffer}}
                    for (int j = 0; j < pool.Count; j++) sims[j] = {{filled}};
                    double best = double.MinValue; int bestIndex = 0;
                    for (int i = 0; i < pool.Count; i++) { {{body}} }
                    return {{(body.Contains("return null") ? "bestIndex" : "pool[bestIndex]")}};
            """, "public object? Run(Reader user)"));

    [Fact]
    public Task MinBy_distance_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                static double EuclideanDistance(double[] a, double[] b) => 0;
                public Reader? Run(List<Reader> pool, Reader user) => {|PERSONA002:pool.MinBy(c => EuclideanDistance(user.Topics, c.Topics))|};
            }
            """);

    [Theory]
    [InlineData("First()")]
    [InlineData("FirstOrDefault()")]
    [InlineData("Take(1).Single()")]
    public Task OrderByDescending_similarity_then_first_is_reported(string take) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).{{take.Split('.')[0]}}|}{{(take.Contains('.') ? "." + take.Split('.')[1] : "")}};
            """));

    [Theory]
    [InlineData("return {|PERSONA002:pool.OrderBy(c => ReaderGuard.Similarity(user, c)).Last()|};")]
    [InlineData("return {|PERSONA002:pool.Where(c => c.Id != user.Id).OrderBy(c => ReaderGuard.Similarity(user, c)).ToList().LastOrDefault()|};")]
    [InlineData("return {|PERSONA002:pool.OrderBy(c => ReaderGuard.Similarity(user, c)).TakeLast(1)|}.Single();")]
    [InlineData("return {|PERSONA002:pool.OrderByDescending(c => 1 - ReaderGuard.Similarity(user, c)).LastOrDefault()|};")]
    public Task Ascending_similarity_then_last_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("return pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Last();")]
    [InlineData("return pool.OrderBy(c => ReaderGuard.Similarity(user, c)).Take(5).Last();")]
    [InlineData("return pool.OrderBy(c => ReaderGuard.Similarity(user, c)).TakeLast(3).First();")]
    [InlineData("return pool.OrderBy(c => c.Summary.Length).Last();")]
    public Task Least_similar_last_or_a_cut_ordering_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Fact]
    public Task OrderBy_negated_similarity_then_first_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA002:pool.OrderBy(c => -ReaderGuard.Similarity(user, c)).ThenBy(c => c.Id).FirstOrDefault()|};
            """));

    [Theory]
    [InlineData("{|PERSONA002:(from c in pool let sim = ReaderGuard.Similarity(user, c) orderby sim descending select c).FirstOrDefault()|}")]
    [InlineData("{|PERSONA002:pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).OrderByDescending(t => t.sim).Select(t => t.c).First()|}")]
    [InlineData("{|PERSONA002:pool.Select(c => new { Candidate = c, Closeness = ReaderGuard.Similarity(user, c) }).OrderByDescending(x => x.Closeness).Select(x => x.Candidate).First()|}")]
    public Task An_ordering_of_scored_pairs_projected_back_to_the_profiles_then_first_is_reported(string selection) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{selection}};
            """));

    [Theory]
    [InlineData("(from c in pool let sim = ReaderGuard.Similarity(user, c) orderby sim select c).FirstOrDefault()")]
    [InlineData("pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).OrderByDescending(t => t.c.Summary.Length).Select(t => t.c).First()")]
    [InlineData("pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).OrderByDescending(t => t.sim).Select(t => user).First()")]
    public Task An_ordering_projected_back_that_does_not_put_the_most_similar_first_is_not_reported(string selection) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{selection}};
            """));

    [Theory]
    [InlineData("{|PERSONA002:pool.MaxBy(c => Math.Round(ReaderGuard.Similarity(user, c), 2))|}")]
    [InlineData("{|PERSONA002:pool.OrderByDescending(c => (int)(ReaderGuard.Similarity(user, c) * 100)).First()|}")]
    [InlineData("pool.OrderByDescending(c => ReaderGuard.Similarity(user, c) * -1).First()")]
    [InlineData("{|PERSONA002:pool.OrderBy(c => ReaderGuard.Similarity(user, c) * -1).First()|}")]
    [InlineData("{|PERSONA002:pool.OrderBy(c => -100 * ReaderGuard.Similarity(user, c)).FirstOrDefault()|}")]
    [InlineData("{|PERSONA002:pool.MinBy(c => ReaderGuard.Similarity(user, c) * -1)|}")]
    [InlineData("{|PERSONA002:pool.OrderBy(c => ReaderGuard.Similarity(user, c) / -2.0).First()|}")]
    [InlineData("pool.MinBy(c => -1 * ReaderGuard.Similarity(user, c) * -1)")]
    public Task A_selection_by_a_rescaled_or_rounded_similarity_is_by_the_similarity(string selection) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{selection}};
            """));

    [Theory]
    [InlineData("{|PERSONA002:pool.MaxBy(c => (ReaderGuard.Similarity(user, c), c.Summary.Length))|}")]
    [InlineData("{|PERSONA002:pool.OrderByDescending(c => (ReaderGuard.Similarity(user, c), c.Id)).First()|}")]
    [InlineData("pool.MaxBy(c => (c.Summary.Length, ReaderGuard.Similarity(user, c)))")]
    [InlineData("pool.OrderBy(c => (ReaderGuard.Similarity(user, c), c.Id)).First()")]
    public Task A_composite_key_selects_by_its_first_element(string selection) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{selection}};
            """));

    /// <summary>EF Core's <c>ToListAsync</c> (here a stand-in with its shape), awaited, is a <c>ToList</c>.</summary>
    [Fact]
    public Task An_ordering_listed_by_an_awaited_ToListAsync_then_indexed_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Shop;
            public static class EntityFrameworkQueryableExtensions
            {
                public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source) => Task.FromResult(source.ToList());
            }
            public class C
            {
                public async Task<string> Head(Reader user, IQueryable<Reader> readers)
                {
                    var top = await readers.OrderByDescending(p => ReaderGuard.Similarity(user, p)).Take(5).ToListAsync();
                    return top.Count > 0 ? {|PERSONA002:top[0]|}.Summary : user.Summary;
                }
                public async Task<Reader?> Safest(Reader user, IQueryable<Reader> readers) =>
                    ReaderGuard.SafestSubstitute(user, await readers.OrderByDescending(p => ReaderGuard.Similarity(user, p)).Take(50).ToListAsync());
                public async Task<string> Farthest(Reader user, IQueryable<Reader> readers)
                {
                    var bottom = await readers.OrderBy(p => ReaderGuard.Similarity(user, p)).Take(5).ToListAsync();
                    return bottom.Count > 0 ? bottom[0].Summary : user.Summary;
                }
            }
            """);

    // Array.Sort(keys, items) sorts the items ascending by their keys.
    [Theory]
    [InlineData("var keys = new double[items.Length]; for (var i = 0; i < items.Length; i++) keys[i] = -ReaderGuard.Similarity(user, items[i]); Array.Sort(keys, items); return {|PERSONA002:items[0]|};")]
    [InlineData("var keys = items.Select(c => 1 - ReaderGuard.Similarity(user, c)).ToArray(); Array.Sort(keys, items); return {|PERSONA002:items[0]|};")]
    public Task The_first_item_sorted_by_keys_of_similarity_turned_round_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body, "public object? Run(Reader user, Reader[] items)"));

    [Theory]
    [InlineData("var keys = new double[items.Length]; for (var i = 0; i < items.Length; i++) keys[i] = ReaderGuard.Similarity(user, items[i]); Array.Sort(keys, items); return items[0];")] // the least similar
    [InlineData("var keys = items.Select(c => -c.Summary.Length).ToArray(); Array.Sort(keys, items); return items[0];")] // no score
    [InlineData("var keys = items.Select(c => -ReaderGuard.Similarity(user, c)).ToArray(); var others = items.ToArray(); Array.Sort(keys, others); return items[0];")] // another array sorted
    public Task Other_items_sorted_by_keys_are_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body, "public object? Run(Reader user, Reader[] items)"));

    // A PriorityQueue is a min-heap: prioritised by a similarity turned round (or a distance), its head is the most similar.
    [Theory]
    [InlineData("var heap = new PriorityQueue<Reader, double>(); foreach (var c in pool) heap.Enqueue(c, -ReaderGuard.Similarity(user, c)); return {|PERSONA002:heap.Dequeue()|};")]
    [InlineData("var heap = new PriorityQueue<Reader, double>(pool.Count); foreach (var c in pool) heap.Enqueue(c, 1 - ReaderGuard.Similarity(user, c)); return {|PERSONA002:heap.TryDequeue(out var donor, out _)|} ? donor : user;")]
    [InlineData("var heap = new PriorityQueue<Reader, double>(); foreach (var c in pool) { var s = ReaderGuard.Similarity(user, c); heap.Enqueue(c, -s); } return {|PERSONA002:heap.Peek()|};")]
    public Task The_head_of_a_priority_queue_by_similarity_turned_round_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Theory]
    [InlineData("var heap = new PriorityQueue<Reader, double>(); foreach (var c in pool) heap.Enqueue(c, ReaderGuard.Similarity(user, c)); return heap.Dequeue();")] // the least similar
    [InlineData("var heap = new PriorityQueue<Reader, double>(); foreach (var c in pool) { heap.Enqueue(c, ReaderGuard.Similarity(user, c)); if (heap.Count > 5) heap.Dequeue(); } return heap.UnorderedItems.Select(i => i.Element).ToList();")] // a bounded top-k
    [InlineData("var heap = new PriorityQueue<Reader, double>(); foreach (var c in pool) heap.Enqueue(c, -ReaderGuard.Similarity(user, c)); var top = new List<Reader>(); while (top.Count < 5 && heap.TryDequeue(out var next, out _)) top.Add(next); return ReaderGuard.SafestSubstitute(user, top);")] // drained
    [InlineData("var heap = new PriorityQueue<Reader, double>(Comparer<double>.Default); foreach (var c in pool) heap.Enqueue(c, -ReaderGuard.Similarity(user, c)); return heap.Dequeue();")] // a comparer of its own
    [InlineData("var heap = new PriorityQueue<Reader, int>(); foreach (var c in pool) heap.Enqueue(c, -c.Summary.Length); return heap.Dequeue();")] // no score
    public Task Other_priority_queues_are_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Fact]
    public Task Query_syntax_orderby_descending_then_first_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA002:(from c in pool orderby ReaderGuard.Similarity(user, c) descending select c).First()|};
            """));

    [Fact]
    public Task Max_then_where_equals_max_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var best = pool.Max(c => ReaderGuard.Similarity(user, c));
                    return {|PERSONA002:pool.Where(c => ReaderGuard.Similarity(user, c) == best)|}.First();
            """));

    [Fact]
    public Task Best_so_far_loop_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Reader? chosen = null;
                    var bestScore = double.MinValue;
                    foreach (var candidate in pool)
                    {
                        var score = ReaderGuard.Similarity(user, candidate);
                        if (score > bestScore)
                        {
                            bestScore = score;
                            {|PERSONA002:chosen = candidate|};
                        }
                    }
                    return chosen;
            """));

    [Fact]
    public Task Best_so_far_loop_without_braces_over_a_distance_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Reader? nearest = null;
                    var nearestDistance = double.MaxValue;
                    foreach (var candidate in pool)
                        if (1 - ReaderGuard.Similarity(user, candidate) < nearestDistance)
                        {
                            nearestDistance = 1 - ReaderGuard.Similarity(user, candidate);
                            {|PERSONA002:nearest = candidate|};
                        }
                    return nearest;
            """));

    [Fact]
    public Task Best_so_far_loop_over_tuples_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    (Reader Profile, double Similarity)? best = null;
                    for (var i = 0; i < pool.Count; i++)
                    {
                        var similarity = ReaderGuard.Similarity(user, pool[i]);
                        if (best is null || best.Value.Similarity < similarity)
                            {|PERSONA002:best = (pool[i], similarity)|};
                    }
                    return best?.Profile;
            """));

    [Fact]
    public Task Lowest_similarity_is_not_a_nearest_neighbour_pick() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var a = pool.MinBy(c => ReaderGuard.Similarity(user, c));
                    var b = pool.OrderBy(c => ReaderGuard.Similarity(user, c)).First();
                    return (a, b);
            """));

    [Fact]
    public Task Ranking_by_something_else_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var a = pool.MaxBy(c => c.Purchases.Count);
                    var b = pool.OrderByDescending(c => c.Summary.Length).First();
                    return (a, b);
            """));

    [Fact]
    public Task Top_k_by_similarity_is_not_a_single_pick() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Take(5).ToList();
            """));

    [Fact]
    public Task Highest_similarity_over_non_profiles_is_not_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            public class C
            {
                static double CosineSimilarity(float[] a, float[] b) => 0;
                public string? Run(Dictionary<string, float[]> docs, float[] query) => docs.MaxBy(d => CosineSimilarity(query, d.Value)).Key;
            }
            """);

    [Fact]
    public Task SafestSubstitute_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return ReaderGuard.SafestSubstitute(user, pool);
            """));

    [Fact]
    public Task Pick_by_a_score_computed_in_a_projection_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public Reader Named(Reader u, List<Reader> pool) => {|PERSONA002:pool.Select(c => (c, s: ReaderGuard.Similarity(u, c))).MaxBy(t => t.s)|}.c;
                public Reader Unnamed(Reader u, List<Reader> pool) => {|PERSONA002:pool.Select(c => (c, ReaderGuard.Similarity(u, c))).MaxBy(t => t.Item2)|}.Item1;
                public Reader Anonymous(Reader u, List<Reader> pool) =>
                    {|PERSONA002:pool.Select(c => new { Candidate = c, Score = ReaderGuard.Similarity(u, c) }).OrderByDescending(x => x.Score).First()|}.Candidate;
                public Reader Distance(Reader u, List<Reader> pool) =>
                    {|PERSONA002:pool.Select(c => (Profile: c, Gap: 1 - ReaderGuard.Similarity(u, c))).MinBy(t => t.Gap)|}.Profile;
            }
            """);

    [Fact]
    public Task Pick_by_another_projected_value_or_the_lowest_similarity_is_not() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public Reader MostPurchases(List<Reader> pool) => pool.Select(c => (c, n: c.Purchases.Count)).MaxBy(t => t.n).c;
                public Reader LeastSimilar(Reader u, List<Reader> pool) => pool.Select(c => (c, s: ReaderGuard.Similarity(u, c))).OrderBy(t => t.s).First().c;
            }
            """);

    [Theory]
    [InlineData("ReaderGuard.Similarity(user, c) > ReaderGuard.Similarity(user, best) ? c : best")]
    [InlineData("ReaderGuard.Similarity(user, best) < ReaderGuard.Similarity(user, c) ? c : best")]
    [InlineData("ReaderGuard.Similarity(user, best) >= ReaderGuard.Similarity(user, c) ? best : c")]
    // More conditions joined by && only narrow the candidates the most similar is picked from (probe 12b, N09).
    [InlineData("ReaderGuard.Similarity(user, c) > ReaderGuard.Similarity(user, best) && !ReferenceEquals(c, user) ? c : best")]
    [InlineData("c.Summary.Length > 0 && (ReaderGuard.Similarity(user, c) > ReaderGuard.Similarity(user, best)) ? c : best")]
    public Task Aggregate_keeping_the_most_similar_is_reported(string fold) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {|PERSONA002:pool.Aggregate((best, c) => {{fold}})|};
            """));

    [Theory]
    [InlineData("ReaderGuard.Similarity(user, c) < ReaderGuard.Similarity(user, best) && c.Summary.Length > 0 ? c : best")]
    [InlineData("ReaderGuard.Similarity(user, c) > ReaderGuard.Similarity(user, best) || c.Summary.Length > 0 ? c : best")]
    public Task Aggregate_keeping_the_least_similar_or_on_either_condition_is_not_reported(string fold) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return pool.Aggregate((best, c) => {{fold}});
            """));

    [Fact]
    public Task Seeded_aggregate_with_score_locals_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA002:pool.Aggregate(pool[0], (best, c) =>
                    {
                        var challenger = ReaderGuard.Similarity(user, c);
                        var holder = ReaderGuard.Similarity(user, best);
                        return challenger > holder ? c : best;
                    })|};
            """));

    [Fact]
    public Task Aggregate_keeping_the_nearest_by_distance_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                static double EuclideanDistance(double[] a, double[] b) => 0;
                public Reader Run(List<Reader> pool, Reader user) =>
                    {|PERSONA002:pool.Aggregate((best, c) => EuclideanDistance(user.Topics, c.Topics) < EuclideanDistance(user.Topics, best.Topics) ? c : best)|};
            }
            """);

    [Theory]
    [InlineData("pool.Aggregate((worst, c) => ReaderGuard.Similarity(user, c) < ReaderGuard.Similarity(user, worst) ? c : worst)")] // least similar
    [InlineData("pool.Aggregate(0.0, (sum, c) => sum + ReaderGuard.Similarity(user, c))")] // a total, not a pick
    [InlineData("pool.Select(c => c.Summary).Aggregate((a, b) => a.Length > b.Length ? a : b)")] // not profiles, no score
    [InlineData("pool.Aggregate((best, c) => ReaderGuard.Similarity(user, c) > 0.5 ? c : best)")] // a bar, not a best so far
    public Task Aggregates_that_are_not_a_nearest_pick_are_not_reported(string expression) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{expression}};
            """));

    [Fact]
    public Task Best_so_far_loop_by_index_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;
            public class C
            {
                public Reader ByList(Reader user, List<Reader> pool)
                {
                    var bestIndex = 0;
                    var bestScore = double.MinValue;
                    for (var i = 0; i < pool.Count; i++)
                    {
                        var score = ReaderGuard.Similarity(user, pool[i]);
                        if (score > bestScore) { bestScore = score; {|PERSONA002:bestIndex = i|}; }
                    }
                    return pool[bestIndex];
                }

                public Reader ByArray(Reader user, Reader[] pool)
                {
                    int best = -1;
                    double top = 0;
                    for (int i = 0; i < pool.Length; i++)
                        if (ReaderGuard.Similarity(pool[i], user) >= top) { top = ReaderGuard.Similarity(pool[i], user); {|PERSONA002:best = i|}; }
                    return pool[best];
                }
            }
            """);

    [Fact]
    public Task Index_loops_that_keep_the_least_similar_score_no_profiles_or_take_no_profile_by_the_index_are_not_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;
            public class C
            {
                public Reader Least(Reader user, List<Reader> pool)
                {
                    var worstIndex = 0;
                    var worst = double.MaxValue;
                    for (var i = 0; i < pool.Count; i++)
                    {
                        var score = ReaderGuard.Similarity(user, pool[i]);
                        if (score < worst) { worst = score; worstIndex = i; }
                    }
                    return pool[worstIndex];
                }

                public int Largest(double[] values)
                {
                    var at = 0;
                    var max = double.MinValue;
                    for (var i = 0; i < values.Length; i++)
                        if (values[i] > max) { max = values[i]; at = i; }
                    return at;
                }

                // A nearest-centroid assignment: the segment number leaves, no profile is picked here.
                public int Segment(Reader user, Reader[] centroids)
                {
                    var segment = 0;
                    var closest = double.MinValue;
                    for (var i = 0; i < centroids.Length; i++)
                    {
                        var score = ReaderGuard.Similarity(user, centroids[i]);
                        if (score > closest) { closest = score; segment = i; }
                    }
                    return segment;
                }

                // The index takes an element of another list (the segment's label), not of the scored profiles.
                public string Label(Reader user, List<Reader> centroids, List<string> labels)
                {
                    var segment = 0;
                    var closest = double.MinValue;
                    for (var i = 0; i < centroids.Count; i++)
                    {
                        var score = ReaderGuard.Similarity(user, centroids[i]);
                        if (score > closest) { closest = score; segment = i; }
                    }
                    return labels[segment];
                }
            }
            """);

    [Fact]
    public Task First_element_of_an_ordering_held_in_a_local_or_indexed_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public Reader Listed(Reader user, List<Reader> pool)
                {
                    var ranked = pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).ToList();
                    return {|PERSONA002:ranked[0]|};
                }

                public Reader Sequence(Reader user, List<Reader> pool)
                {
                    var ranked = pool.OrderByDescending(c => ReaderGuard.Similarity(user, c));
                    return {|PERSONA002:ranked.First()|};
                }

                public Reader Array(Reader user, Reader[] pool) => {|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).ToArray()[0]|};
            }
            """);

    [Fact]
    public Task First_element_of_an_ascending_or_reassigned_ordering_is_not_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public Reader Least(Reader user, List<Reader> pool)
                {
                    var ranked = pool.OrderBy(c => ReaderGuard.Similarity(user, c)).ToList();
                    return ranked[0];
                }

                public Reader Reassigned(Reader user, List<Reader> pool, bool recent)
                {
                    var ranked = pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).ToList();
                    if (recent)
                        ranked = pool.OrderByDescending(c => c.Id).ToList();
                    return ranked[0];
                }

                public double Top(double[] scores) => scores.OrderByDescending(s => s).ToArray()[0];
            }
            """);

    /// <summary>A filter or an identity projection between the ordering and the pick keeps the order: the first is the
    /// most similar that passes, as <c>FirstOrDefault(filter)</c>'s is (probe 13c, repro 04).</summary>
    [Theory]
    [InlineData("{|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Where(c => c.Summary.Length > 0).FirstOrDefault()|}")]
    [InlineData("{|PERSONA002:(from c in pool orderby ReaderGuard.Similarity(user, c) descending where c.Summary.Length > 0 select c).FirstOrDefault()|}")]
    [InlineData("{|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Select(c => c).First()|}")]
    public Task First_after_a_filter_or_identity_projection_of_an_ordering_is_reported(string pick) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{pick}};
            """, "public Reader? Run(Reader user, List<Reader> pool)"));

    [Fact]
    public Task First_element_after_sorting_in_place_by_similarity_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public Reader Parameter(Reader user, List<Reader> pool)
                {
                    pool.Sort((a, b) => ReaderGuard.Similarity(user, b).CompareTo(ReaderGuard.Similarity(user, a)));
                    return {|PERSONA002:pool[0]|};
                }

                public Reader Local(Reader user, IReaderIndex index)
                {
                    var pool = index.All.ToList();
                    pool.Sort((x, y) =>
                    {
                        var sx = ReaderGuard.Similarity(user, x);
                        var sy = ReaderGuard.Similarity(user, y);
                        return sy.CompareTo(sx);
                    });
                    return {|PERSONA002:pool.First()|};
                }
            }
            """);

    [Fact]
    public Task First_element_after_sorting_by_a_comparer_made_from_a_similarity_comparison_or_an_array_sorted_so_is_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public Reader Comparer(Reader user, List<Reader> pool)
                {
                    pool.Sort(Comparer<Reader>.Create((a, b) => ReaderGuard.Similarity(user, b).CompareTo(ReaderGuard.Similarity(user, a))));
                    return {|PERSONA002:pool[0]|};
                }

                public Reader Array(Reader user, Reader[] pool)
                {
                    System.Array.Sort(pool, (a, b) => ReaderGuard.Similarity(user, b).CompareTo(ReaderGuard.Similarity(user, a)));
                    return {|PERSONA002:pool[0]|};
                }

                public Reader ArrayByComparer(Reader user, IReaderIndex index)
                {
                    var pool = index.All.ToArray();
                    System.Array.Sort(pool, Comparer<Reader>.Create((x, y) => ReaderGuard.Similarity(user, y).CompareTo(ReaderGuard.Similarity(user, x))));
                    return {|PERSONA002:pool.First()|};
                }
            }
            """);

    [Fact]
    public Task First_element_after_sorting_by_a_comparer_least_similar_first_or_by_another_key_is_not_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Shop;
            public class C
            {
                public Reader Ascending(Reader user, List<Reader> pool)
                {
                    pool.Sort(Comparer<Reader>.Create((a, b) => ReaderGuard.Similarity(user, a).CompareTo(ReaderGuard.Similarity(user, b))));
                    return pool[0];
                }

                public Reader ArrayAscending(Reader user, Reader[] pool)
                {
                    Array.Sort(pool, (a, b) => ReaderGuard.Similarity(user, a).CompareTo(ReaderGuard.Similarity(user, b)));
                    return pool[0];
                }

                public Reader ById(Reader[] pool)
                {
                    Array.Sort(pool, Comparer<Reader>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id)));
                    return pool[0];
                }

                public Reader OtherArraySorted(Reader user, Reader[] pool, Reader[] shortlist)
                {
                    Array.Sort(shortlist, (a, b) => ReaderGuard.Similarity(user, b).CompareTo(ReaderGuard.Similarity(user, a)));
                    return pool[0];
                }
            }
            """);

    [Fact]
    public Task First_element_after_sorting_least_similar_first_or_by_another_key_is_not_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;
            public class C
            {
                public Reader Ascending(Reader user, List<Reader> pool)
                {
                    pool.Sort((a, b) => ReaderGuard.Similarity(user, a).CompareTo(ReaderGuard.Similarity(user, b)));
                    return pool[0];
                }

                public Reader ById(List<Reader> pool)
                {
                    pool.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
                    return pool[0];
                }
            }
            """);

    [Theory]
    [InlineData("var scored = pool.Select(c => (Profile: c, Score: ReaderGuard.Similarity(user, c))).ToList(); scored.Sort((a, b) => b.Score.CompareTo(a.Score)); return {|PERSONA002:scored[0]|}.Profile;")]
    [InlineData("var scored = pool.Select(c => (c, ReaderGuard.Similarity(user, c))).ToList(); scored.Sort((a, b) => b.Item2.CompareTo(a.Item2)); return {|PERSONA002:scored.First()|}.Item1;")]
    [InlineData("var scored = pool.Select(c => new { Profile = c, Score = ReaderGuard.Similarity(user, c) }).ToList(); scored.Sort((a, b) => b.Score.CompareTo(a.Score)); return {|PERSONA002:scored[0]|}.Profile;")]
    [InlineData("var scored = pool.Select(c => (Profile: c, Distance: 1 - ReaderGuard.Similarity(user, c))).ToList(); scored.Sort((a, b) => a.Distance.CompareTo(b.Distance)); return {|PERSONA002:scored[0]|}.Profile;")]
    public Task First_of_scored_pairs_sorted_in_place_by_their_score_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("var scored = pool.Select(c => (Profile: c, Score: ReaderGuard.Similarity(user, c))).ToList(); scored.Sort((a, b) => a.Score.CompareTo(b.Score)); return scored[0].Profile;")]
    [InlineData("var scored = pool.Select(c => (Profile: c, Score: ReaderGuard.Similarity(user, c))).ToList(); scored.Sort((a, b) => string.CompareOrdinal(a.Profile.Id, b.Profile.Id)); return scored[0].Profile;")]
    [InlineData("var scored = pool.Select(c => (Profile: c, Score: ReaderGuard.Similarity(user, c), Age: c.Summary.Length)).ToList(); scored.Sort((a, b) => b.Age.CompareTo(a.Age)); return scored[0].Profile;")]
    [InlineData("var scored = pool.Select(c => (Profile: c, Score: ReaderGuard.Similarity(user, c))).ToList(); scored.Sort((a, b) => b.Score.CompareTo(b.Score)); return scored[0].Profile;")]
    public Task First_of_scored_pairs_sorted_least_similar_first_or_by_another_element_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("var scored = pool.Select(c => (c, s: ReaderGuard.Similarity(user, c))).ToList(); return {|PERSONA002:scored.MaxBy(x => x.s)|}.c;")]
    [InlineData("var scored = pool.Select(c => new { Candidate = c, Score = ReaderGuard.Similarity(user, c) }); return {|PERSONA002:scored.OrderByDescending(x => x.Score).First()|}.Candidate;")]
    [InlineData("var scored = pool.Select(c => (Profile: c, Gap: 1 - ReaderGuard.Similarity(user, c))).ToArray(); return {|PERSONA002:scored.MinBy(t => t.Gap)|}.Profile;")]
    [InlineData("var top = pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Take(5).ToList(); return {|PERSONA002:top[0]|};")]
    [InlineData("return {|PERSONA002:pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Take(3).First()|};")]
    [InlineData("var byScore = pool.ToDictionary(c => c, c => ReaderGuard.Similarity(user, c)); return {|PERSONA002:byScore.MaxBy(kv => kv.Value)|}.Key;")]
    [InlineData("return {|PERSONA002:pool.ToDictionary(c => c, c => ReaderGuard.Similarity(user, c)).OrderByDescending(kv => kv.Value).First()|}.Key;")]
    public Task Scored_projection_or_top_few_kept_in_a_local_is_followed(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("var scored = pool.Select(c => (c, s: ReaderGuard.Similarity(user, c))).ToList(); return scored.MinBy(x => x.s).c;")]
    [InlineData("var scored = pool.Select(c => (c, n: c.Purchases.Count)).ToList(); return scored.MaxBy(x => x.n).c;")]
    [InlineData("var scored = pool.Select(c => (c, s: ReaderGuard.Similarity(user, c))).ToList(); scored = new(); return scored.MaxBy(x => x.s).c;")]
    [InlineData("var top = pool.OrderBy(c => ReaderGuard.Similarity(user, c)).Take(5).ToList(); return top[0];")]
    [InlineData("var rest = pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Skip(1).ToList(); return rest[0];")]
    [InlineData("var byScore = pool.ToDictionary(c => c, c => ReaderGuard.Similarity(user, c)); return byScore.MinBy(kv => kv.Value).Key;")]
    [InlineData("var byId = pool.ToDictionary(c => c.Id, c => ReaderGuard.Similarity(user, c)); return byId.MaxBy(kv => kv.Value).Key;")]
    public Task Least_similar_unscored_reassigned_or_skipped_picks_are_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("var scores = pool.Select(c => ReaderGuard.Similarity(user, c)).ToArray(); return {|PERSONA002:pool[Array.IndexOf(scores, scores.Max())]|};")]
    [InlineData("var scores = pool.Select(c => ReaderGuard.Similarity(user, c)).ToList(); var best = scores.IndexOf(scores.Max()); return {|PERSONA002:pool[best]|};")]
    [InlineData("var gaps = pool.Select(c => 1 - ReaderGuard.Similarity(user, c)).ToArray(); var nearest = gaps.Min(); return {|PERSONA002:pool[Array.IndexOf(gaps, nearest)]|};")]
    public Task Argmax_by_index_of_the_pools_scores_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("var scores = pool.Select(c => ReaderGuard.Similarity(user, c)).ToArray(); return pool[Array.IndexOf(scores, scores.Min())];")]
    [InlineData("var counts = pool.Select(c => (double)c.Purchases.Count).ToArray(); return pool[Array.IndexOf(counts, counts.Max())];")]
    [InlineData("var scores = pool.Select(c => ReaderGuard.Similarity(user, c)).ToArray(); return pool[Array.IndexOf(scores, 0.5)];")]
    [InlineData("var scores = pool.Select(c => ReaderGuard.Similarity(user, c)).ToArray(); var other = new List<Reader>(); return other[Array.IndexOf(scores, scores.Max())];")]
    public Task Index_of_the_least_similar_an_unscored_value_or_another_list_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Fact]
    public Task The_best_scored_search_hit_is_a_selection_by_similarity() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public sealed record ScoredReader(Reader Reader, float Score);
            public class C
            {
                public Reader Top(IReadOnlyList<(Reader Profile, double Score)> hits) => {|PERSONA002:hits.MaxBy(h => h.Score)|}.Profile;
                public Reader First(IEnumerable<ScoredReader> hits) => {|PERSONA002:hits.OrderByDescending(h => h.Score).First()|}.Reader;
                public Reader Lowest(IEnumerable<ScoredReader> hits) => hits.MinBy(h => h.Score)!.Reader;
            }
            """);

    [Fact]
    public Task The_best_vector_search_hit_by_its_nullable_score_is_a_highest_similarity_selection() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public Reader? Best(List<VectorSearchResult<Reader>> hits) => {|PERSONA002:hits.MaxBy(h => h.Score)|}?.Record;
                public Reader? Top(List<VectorSearchResult<Reader>> hits) =>
                    {|PERSONA002:hits.OrderByDescending(h => h.Score ?? 0).FirstOrDefault()|}?.Record;
            }
            """ + SearchHitSnippets.VectorSearchResult);

    // A vector store ranks its hits by similarity: one hit asked for, or the first hit taken, is the nearest record.
    // Compiled against the real Microsoft.Extensions.VectorData.Abstractions.
    [Fact]
    public Task The_nearest_hit_of_a_vector_store_search_over_profiles_is_a_highest_similarity_selection() =>
        Verify.VerifyWithVectorDataAsync(SearchHitSnippets.VectorDataHeader + """
            public class C
            {
                private readonly VectorStoreCollection<string, Reader> _readers = null!;
                private readonly VectorStoreCollection<string, Article> _articles = null!;

                public async Task<Reader?> One(ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in {|PERSONA002:_readers.SearchAsync(embedding, top: 1)|})
                        return hit.Record;
                    return null;
                }

                public async Task<Reader?> First(ReadOnlyMemory<float> embedding) =>
                    (await {|PERSONA002:_readers.SearchAsync(embedding, top: 5).FirstOrDefaultAsync()|})?.Record;

                // One selection, reported once: on the search that asks for one hit.
                public async Task<Reader?> OneThenFirst(ReadOnlyMemory<float> embedding) =>
                    (await {|PERSONA002:_readers.SearchAsync(embedding, top: 1)|}.FirstOrDefaultAsync())?.Record;

                // Several hits kept, other records, and the top k read whole: no single nearest pick.
                public IAsyncEnumerable<VectorSearchResult<Reader>> Several(ReadOnlyMemory<float> embedding) => _readers.SearchAsync(embedding, top: 5);
                public async Task<Article?> NearestArticle(ReadOnlyMemory<float> embedding) =>
                    (await _articles.SearchAsync(embedding, top: 1).FirstOrDefaultAsync())?.Record;
                public async Task<List<VectorSearchResult<Reader>>> All(ReadOnlyMemory<float> embedding) =>
                    await _readers.SearchAsync(embedding, top: 5).ToListAsync();
            }
            """ + SearchHitSnippets.AsyncLinq);
}
