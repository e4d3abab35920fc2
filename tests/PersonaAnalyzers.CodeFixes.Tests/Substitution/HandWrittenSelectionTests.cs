using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Selection = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.HighestSimilaritySelectionAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.HighestSimilaritySelectionCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA002 on hand-written selections: the best-so-far loop and Max-then-filter become SafestSubstitute
/// where the shape is exactly the selection, and are left alone where anything else happens in it.</summary>
public class HandWrittenSelectionTests
{
    private const string Key = "PERSONA002.UseSafestSubstitute";

    /// <summary>The project's own <c>MaxBy</c> helper: its call becomes the guard's pick; a helper typed not to give null
    /// gets the user's own profile when no candidate is safe.</summary>
    [Fact]
    public Task Call_of_a_selection_helper_becomes_the_safest_substitute() =>
        Selection.VerifyAsync(InClass("""
                private static T Best<T>(IEnumerable<T> items, System.Func<T, double> score) => items.MaxBy(score)!;
                private static T? Top<T>(IEnumerable<T> items, System.Func<T, double> score) => items.OrderByDescending(score).FirstOrDefault();

                public Reader StandIn(List<Reader> pool, Reader user) => {|PERSONA002:Best(pool, c => ReaderGuard.Similarity(user, c))|};
                public Reader? Donor(List<Reader> pool, Reader user) => {|PERSONA002:Top(pool, c => ReaderGuard.Similarity(user, c))|};
            """), InClass("""
                private static T Best<T>(IEnumerable<T> items, System.Func<T, double> score) => items.MaxBy(score)!;
                private static T? Top<T>(IEnumerable<T> items, System.Func<T, double> score) => items.OrderByDescending(score).FirstOrDefault();

                public Reader StandIn(List<Reader> pool, Reader user) => ReaderGuard.SafestSubstitute(user, pool) ?? user;
                public Reader? Donor(List<Reader> pool, Reader user) => ReaderGuard.SafestSubstitute(user, pool);
            """), Key, iterations: 2);

    [Fact]
    public Task Best_so_far_loop_folds_into_the_declaration() =>
        Selection.VerifyAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    Reader? best = null;
                    var bestScore = double.MinValue;
                    // Keep the most similar reader.
                    foreach (var c in pool)
                    {
                        var s = ReaderGuard.Similarity(user, c);
                        if (s > bestScore) // a closer one
                        {
                            bestScore = s;
                            {|PERSONA002:best = c|};
                        }
                    }
                    return best;
                }
            """), InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    // Keep the most similar reader.
                    // a closer one
                    Reader? best = ReaderGuard.SafestSubstitute(user, pool);
                    return best;
                }
            """), Key);

    [Fact]
    public Task Loop_into_a_field_becomes_an_assignment_and_keeps_comments() =>
        Selection.VerifyAsync(InClass("""
                public void Warm(IReadOnlyList<Reader> pool, Reader user)
                {
                    // Best seen so far.
                    var top = 0.0;
                    // Warm the cache with the closest reader.
                    foreach (Reader c in pool)
                        if (cached is null || ReaderGuard.Similarity(c, user) > top) { top = ReaderGuard.Similarity(c, user); {|PERSONA002:cached = c|}; /* closer */ }
                }
            """), InClass("""
                public void Warm(IReadOnlyList<Reader> pool, Reader user)
                {
                    // Best seen so far.
                    // Warm the cache with the closest reader.
                    /* closer */
                    cached = ReaderGuard.SafestSubstitute(user, pool);
                }
            """), Key);

    [Fact]
    public Task Lowest_distance_loop() =>
        Selection.VerifyAsync(InClass("""
                public Reader? Closest(Reader[] pool, Reader user)
                {
                    var nearestDistance = double.PositiveInfinity;
                    Reader? nearest = default;
                    foreach (var candidate in pool)
                    {
                        var d = Distance(user, candidate);
                        if (nearestDistance > d)
                        {
                            {|PERSONA002:nearest = candidate|};
                            nearestDistance = d;
                        }
                    }
                    return nearest;
                }

                private static double Distance(Reader a, Reader b) => 1 - ReaderGuard.Similarity(a, b);
            """), InClass("""
                public Reader? Closest(Reader[] pool, Reader user)
                {
                    Reader? nearest = ReaderGuard.SafestSubstitute(user, pool);
                    return nearest;
                }

                private static double Distance(Reader a, Reader b) => 1 - ReaderGuard.Similarity(a, b);
            """), Key);

    [Fact]
    public Task Loop_into_a_non_nullable_profile_falls_back_to_the_target() =>
        Selection.VerifyAsync(InClass("""
                public string Prompt(List<Reader> pool, Reader user)
                {
                    Reader chosen = user;
                    var best = -1.0;
                    foreach (var c in pool)
                    {
                        var s = ReaderGuard.Similarity(user, c);
                        if (s >= best) { best = s; {|PERSONA002:chosen = c|}; }
                    }
                    return chosen.Summary;
                }
            """), InClass("""
                public string Prompt(List<Reader> pool, Reader user)
                {
                    Reader chosen = user;
                    chosen = ReaderGuard.SafestSubstitute(user, pool) ?? user;
                    return chosen.Summary;
                }
            """), Key);

    /// <summary>A list or array sorted in place, most similar first, then its first element: the page promises no
    /// rewrite (the sort may serve other reads), whichever form the comparison takes.</summary>
    [Theory]
    [InlineData("pool.Sort((a, b) => ReaderGuard.Similarity(user, b).CompareTo(ReaderGuard.Similarity(user, a)));")]
    [InlineData("pool.Sort(Comparer<Reader>.Create((a, b) => ReaderGuard.Similarity(user, b).CompareTo(ReaderGuard.Similarity(user, a))));")]
    public Task First_element_after_an_in_place_sort_is_not_rewritten(string sort) =>
        Selection.VerifyNotOfferedAsync(InClass($$"""
                public Reader Nearest(List<Reader> pool, Reader user)
                {
                    {{sort}}
                    return {|PERSONA002:pool[0]|};
                }
            """), Key);

    /// <summary>A filter after the ordering: the guard's pick over the ordering's population would drop the filter, so
    /// no rewrite is offered (the <c>OrderByFilteredFirst</c> selection).</summary>
    [Theory]
    [InlineData("pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Where(c => c.Summary.Length > 0).FirstOrDefault()")]
    [InlineData("(from c in pool orderby ReaderGuard.Similarity(user, c) descending where c.Summary.Length > 0 select c).FirstOrDefault()")]
    public Task First_after_a_filter_of_an_ordering_is_not_rewritten(string pick) =>
        Selection.VerifyNotOfferedAsync(InClass($$"""
                public Reader? Nearest(List<Reader> pool, Reader user) => {|PERSONA002:{{pick}}|};
            """), Key);

    [Fact]
    public Task Loop_that_also_counts_is_not_rewritten() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    Reader? best = null;
                    var bestScore = double.MinValue;
                    var seen = 0;
                    foreach (var c in pool)
                    {
                        seen++;
                        var s = ReaderGuard.Similarity(user, c);
                        if (s > bestScore) { bestScore = s; {|PERSONA002:best = c|}; }
                    }
                    return seen > 1 ? best : null;
                }
            """), Key);

    [Fact]
    public Task Loop_whose_best_score_is_read_afterwards_is_not_rewritten() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public (Reader?, double) Nearest(List<Reader> pool, Reader user)
                {
                    Reader? best = null;
                    var bestScore = double.MinValue;
                    foreach (var c in pool)
                    {
                        var s = ReaderGuard.Similarity(user, c);
                        if (s > bestScore) { bestScore = s; {|PERSONA002:best = c|}; }
                    }
                    return (best, bestScore);
                }
            """), Key);

    [Fact]
    public Task Loop_with_an_extra_condition_is_not_rewritten() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    Reader? best = null;
                    var bestScore = double.MinValue;
                    foreach (var c in pool)
                    {
                        var s = ReaderGuard.Similarity(user, c);
                        if (s > bestScore && c.Authors.Count > 0) { bestScore = s; {|PERSONA002:best = c|}; }
                    }
                    return best;
                }
            """), Key);

    [Fact]
    public Task Index_loop_is_not_rewritten() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    Reader? best = null;
                    var bestScore = double.MinValue;
                    for (var i = 0; i < pool.Count; i++)
                    {
                        var s = ReaderGuard.Similarity(user, pool[i]);
                        if (s > bestScore) { bestScore = s; {|PERSONA002:best = pool[i]|}; }
                    }
                    return best;
                }
            """), Key);

    [Fact]
    public Task Max_then_Where_FirstOrDefault_becomes_SafestSubstitute_and_max_goes() =>
        Selection.VerifyAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    // The highest similarity in the pool.
                    var max = pool.Max(c => ReaderGuard.Similarity(user, c));
                    var best = {|PERSONA002:pool.Where(c => ReaderGuard.Similarity(user, c) == max)|}.FirstOrDefault();
                    return best;
                }
            """), InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    // The highest similarity in the pool.
                    var best = ReaderGuard.SafestSubstitute(user, pool);
                    return best;
                }
            """), Key);

    [Fact]
    public Task Select_Max_then_First_keeps_a_max_still_read_and_falls_back_to_the_target() =>
        Selection.VerifyAsync(InClass("""
                public string Prompt(IEnumerable<Reader> pool, Reader user)
                {
                    var top = pool.Select(r => ReaderGuard.Similarity(user, r)).Max();
                    var best = {|PERSONA002:pool.First(c => top == ReaderGuard.Similarity(user, c))|};
                    return $"{best.Summary} ({top:0.00})";
                }
            """), InClass("""
                public string Prompt(IEnumerable<Reader> pool, Reader user)
                {
                    var top = pool.Select(r => ReaderGuard.Similarity(user, r)).Max();
                    var best = ReaderGuard.SafestSubstitute(user, pool) ?? user;
                    return $"{best.Summary} ({top:0.00})";
                }
            """), Key);

    [Fact]
    public Task Min_distance_then_Find() =>
        Selection.VerifyAsync(InClass("""
                public Reader? Closest(List<Reader> pool, Reader user)
                {
                    var min = pool.Min(c => 1 - ReaderGuard.Similarity(user, c)); // the closest distance
                    return {|PERSONA002:pool.Find(c => 1 - ReaderGuard.Similarity(user, c) <= min)|};
                }
            """), InClass("""
                public Reader? Closest(List<Reader> pool, Reader user)
                {
                    // the closest distance
                    return ReaderGuard.SafestSubstitute(user, pool);
                }
            """), Key);

    [Fact]
    public Task Max_over_another_collection_is_not_rewritten() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, List<Reader> everyone, Reader user)
                {
                    var max = everyone.Max(c => ReaderGuard.Similarity(user, c));
                    return {|PERSONA002:pool.Where(c => ReaderGuard.Similarity(user, c) == max)|}.FirstOrDefault();
                }
            """), Key);

    [Fact]
    public Task Filter_with_another_condition_or_several_results_is_not_rewritten() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader? Nearest(List<Reader> pool, Reader user)
                {
                    var max = pool.Max(c => ReaderGuard.Similarity(user, c));
                    return {|PERSONA002:pool.FirstOrDefault(c => ReaderGuard.Similarity(user, c) == max && c.Authors.Count > 0)|};
                }

                public List<Reader> Ties(List<Reader> pool, Reader user)
                {
                    var max = pool.Max(c => ReaderGuard.Similarity(user, c));
                    return {|PERSONA002:pool.Where(c => ReaderGuard.Similarity(user, c) == max)|}.ToList();
                }
            """), Key);

    [Fact]
    public Task Fix_all_rewrites_loops_and_filters_with_one_key() =>
        Selection.VerifyAsync(
            new[]
            {
                InClass("""
                    public Reader? Nearest(List<Reader> pool, Reader user)
                    {
                        Reader? best = null;
                        var bestScore = double.MinValue;
                        foreach (var c in pool)
                        {
                            var s = ReaderGuard.Similarity(user, c);
                            if (s > bestScore) { bestScore = s; {|PERSONA002:best = c|}; }
                        }
                        return best;
                    }

                    public Reader? Twin(List<Reader> pool, Reader partner)
                    {
                        var max = pool.Max(c => ReaderGuard.Similarity(partner, c));
                        return {|PERSONA002:pool.Where(c => ReaderGuard.Similarity(partner, c) == max)|}.SingleOrDefault();
                    }
                """),
                """
                using System.Collections.Generic;
                using System.Linq;
                using Shop;

                public class Lookalikes
                {
                    public Reader? For(List<Reader> pool, Reader user) => {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|};
                }
                """,
            },
            new[]
            {
                InClass("""
                    public Reader? Nearest(List<Reader> pool, Reader user)
                    {
                        Reader? best = ReaderGuard.SafestSubstitute(user, pool);
                        return best;
                    }

                    public Reader? Twin(List<Reader> pool, Reader partner)
                    {
                        return ReaderGuard.SafestSubstitute(partner, pool);
                    }
                """),
                """
                using System.Collections.Generic;
                using System.Linq;
                using Shop;

                public class Lookalikes
                {
                    public Reader? For(List<Reader> pool, Reader user) => ReaderGuard.SafestSubstitute(user, pool);
                }
                """,
            },
            Key, iterations: 3);

    [Fact]
    public Task Index_loop_gets_no_rewrite() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
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
            """), Key);

    /// <summary>The queue may be read again (its next head): rewriting its first dequeue alone would change what the
    /// rest of the body reads.</summary>
    [Fact]
    public Task Head_of_a_priority_queue_gets_no_rewrite() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    var heap = new PriorityQueue<Reader, double>();
                    foreach (var c in pool)
                        heap.Enqueue(c, -ReaderGuard.Similarity(user, c));
                    return {|PERSONA002:heap.Dequeue()|};
                }
            """), Key);

    [Fact]
    public Task First_element_of_an_ordering_held_in_a_local_gets_no_rewrite() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    var ranked = pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).ToList();
                    return {|PERSONA002:ranked[0]|};
                }
            """), Key);

    [Fact]
    public Task First_of_the_top_few_held_in_a_local_gets_no_rewrite() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    var top = pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).Take(5).ToList();
                    return {|PERSONA002:top[0]|};
                }
            """), Key);

    [Fact]
    public Task Pick_from_a_scored_projection_held_in_a_local_gets_no_rewrite() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    var scored = pool.Select(c => (Profile: c, Score: ReaderGuard.Similarity(user, c))).ToList();
                    return {|PERSONA002:scored.MaxBy(t => t.Score)|}.Profile;
                }
            """), Key);

    [Fact]
    public Task Pick_from_a_dictionary_of_scores_gets_no_rewrite() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    var byScore = pool.ToDictionary(c => c, c => ReaderGuard.Similarity(user, c));
                    return {|PERSONA002:byScore.MaxBy(kv => kv.Value)|}.Key;
                }
            """), Key);

    [Fact]
    public Task Pick_by_the_index_of_the_best_score_gets_no_rewrite() =>
        Selection.VerifyNotOfferedAsync(InClass("""
                public Reader Pick(Reader user, List<Reader> pool)
                {
                    var scores = pool.Select(c => ReaderGuard.Similarity(user, c)).ToArray();
                    return {|PERSONA002:pool[Array.IndexOf(scores, scores.Max())]|};
                }
            """, "using System;\n"), Key);
}
