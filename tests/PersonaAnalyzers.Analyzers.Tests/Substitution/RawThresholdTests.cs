using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA003: a substitute accepted by a raw similarity threshold.</summary>
public class RawThresholdTests
{
    [Fact]
    public Task If_on_a_guard_similarity_threshold_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    if ({|PERSONA003:ReaderGuard.Similarity(user, other) >= 0.9|})
                        return Render.Prompt(other);
                    return null;
            """));

    /// <summary>The sign of <c>CompareTo</c> against zero compares the score with its bar as the operator would.</summary>
    [Theory]
    [InlineData("return {|PERSONA003:ReaderGuard.Similarity(user, other).CompareTo(0.9) > 0|} ? other.Summary : null;")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other); if ({|PERSONA003:0 <= sim.CompareTo(0.85)|}) return other.Summary; return null;")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other); if ({|PERSONA003:0.97.CompareTo(sim) < 0|}) return null; return other.Summary;")]
    [InlineData("var bar = 0.9; return {|PERSONA003:bar.CompareTo(ReaderGuard.Similarity(user, other)) > 0|} ? other.Summary : null;")]
    public Task Threshold_compared_through_CompareTo_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    {{body}}
            """));

    /// <summary>Two scores compared (a best-so-far, PERSONA002's), a <c>CompareTo</c> of something else, one that only
    /// feeds a log line, or a sign compared with anything but zero, are not raw thresholds on a substitute.</summary>
    [Theory]
    [InlineData("var mine = index.Own(\"y\")!; return ReaderGuard.Similarity(user, other).CompareTo(ReaderGuard.Similarity(user, mine)) > 0 ? other.Summary : mine.Summary;")]
    [InlineData("return other.Summary.CompareTo(\"m\") > 0 ? other.Summary : null;")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other); System.Console.WriteLine(sim.CompareTo(0.9) > 0 ? \"close\" : \"far\"); return null;")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other); return sim.CompareTo(0.9) > 1 ? other.Summary : null;")]
    public Task CompareTo_that_is_no_threshold_on_a_substitute_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    {{body}}
            """));

    /// <summary>A best-so-far whose running best is kept in a tuple element or a field (<c>s &gt; best.Sim</c>,
    /// <c>s &gt; best.Item2</c>, <c>s &gt; _top</c>) moves with the loop: it is PERSONA002's pick, not a threshold
    /// (probe 13c, repro 02).</summary>
    [Fact]
    public Task Best_so_far_kept_in_a_tuple_element_or_a_field_is_no_threshold() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;
            public class C
            {
                private Reader? _muse;
                private double _top;

                public string Named(Reader me, List<Reader> members)
                {
                    (Reader? P, double Sim) best = (null, double.MinValue);
                    foreach (var c in members)
                    {
                        var s = ReaderGuard.Similarity(me, c);
                        if (s > best.Sim) best = (c, s);
                    }
                    return best.P?.Summary ?? me.Summary;
                }

                public string Unnamed(Reader me, List<Reader> members)
                {
                    var best = ((Reader?)null, -1.0);
                    foreach (var c in members)
                    {
                        var s = ReaderGuard.Similarity(me, c);
                        if (s > best.Item2) best = (c, s);
                    }
                    return best.Item1?.Summary ?? me.Summary;
                }

                public string Elements(Reader me, List<Reader> members)
                {
                    (Reader? P, double S) best = (null, -1);
                    foreach (var c in members)
                    {
                        var s = ReaderGuard.Similarity(me, c);
                        if (s > best.S) { best.S = s; best.P = c; }
                    }
                    return best.P?.Summary ?? me.Summary;
                }

                public string Fields(Reader me, List<Reader> members)
                {
                    _muse = null;
                    _top = double.MinValue;
                    foreach (var c in members)
                    {
                        var s = ReaderGuard.Similarity(me, c);
                        if (s > _top) { _top = s; _muse = c; }
                    }
                    return _muse?.Summary ?? me.Summary;
                }

                public string FixedField(Reader me, Reader other)
                {
                    _top = 0.9;
                    return {|PERSONA003:ReaderGuard.Similarity(me, other) > _top|} ? other.Summary : me.Summary;
                }
            }
            """);

    [Fact]
    public Task Score_name_spelled_with_a_unicode_escape_is_found() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    if ({|PERSONA003:ReaderGuard.\u0053imilarity(user, other) >= 0.9|})
                        return Render.Prompt(other);
                    return null;
            """));

    [Fact]
    public Task Threshold_through_a_local_with_early_return_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var similarity = ReaderGuard.Similarity(user, other);
                    if ({|PERSONA003:similarity < 0.8|})
                        return null;
                    return other.Summary;
            """));

    [Fact]
    public Task Explain_overall_threshold_in_a_conditional_expression_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    return {|PERSONA003:ReaderGuard.Explain(user, other).Overall > 0.75|} ? other : user;
            """));

    [Fact]
    public Task Feature_score_threshold_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var explained = ReaderGuard.Explain(user, other);
                    if ({|PERSONA003:explained.Topics > 0.9|} && other.Summary.Length > 0)
                        return other.Summary;
                    return null;
            """));

    [Fact]
    public Task Kernel_threshold_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    if ({|PERSONA003:SimilarityKernels.Cosine(user.Topics.AsSpan(), other.Topics.AsSpan()) > 0.95|})
                        return other.Purchases;
                    return null;
            """));

    [Fact]
    public Task Relational_pattern_on_a_similarity_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    if ({|PERSONA003:ReaderGuard.Similarity(user, other) is >= 0.85 and <= 1.0|})
                        return other.Summary;
                    return null;
            """));

    [Fact]
    public Task Negated_relational_pattern_is_reported_and_a_null_test_is_not() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x");
                    if (other is not null && {|PERSONA003:ReaderGuard.Similarity(user, other) is not >= 0.8|})
                        return null;
                    return other?.Summary;
            """));

    [Fact]
    public Task Switch_expression_arm_on_a_similarity_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    return ReaderGuard.Similarity(user, other) switch
                    {
                        {|PERSONA003:>= 0.9|} => other,
                        _ => user,
                    };
            """));

    [Fact]
    public Task Hand_written_band_in_a_switch_is_reported_on_the_bar_that_admits() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var tone = ReaderGuard.Similarity(user, other) switch
                    {
                        > 0.95 => user.Summary,
                        {|PERSONA003:> 0.6|} => other.Summary,
                        _ => user.Summary,
                    };
                    switch (ReaderGuard.Similarity(user, other))
                    {
                        case {|PERSONA003:>= 0.5 and < 0.9|}:
                            return Render.Prompt(other);
                        case > 0.2:
                        default:
                            return tone;
                    }
            """));

    [Fact]
    public Task Switch_statement_case_on_a_similarity_local_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var similarity = ReaderGuard.Similarity(user, other);
                    switch (similarity)
                    {
                        case {|PERSONA003:> 0.8 and < 0.95|}:
                            return Render.Prompt(other);
                        case >= 0.95:
                            return user.Summary;
                        default:
                            return null;
                    }
            """));

    [Fact]
    public Task Threshold_in_a_when_clause_that_decides_the_arm_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var similarity = ReaderGuard.Similarity(user, other);
                    switch (user.Id)
                    {
                        case "gold" when {|PERSONA003:similarity > 0.8|}:
                            return Render.Prompt(other);
                        default:
                            return user.Summary;
                    }
            """));

    [Fact]
    public Task Threshold_in_a_switch_expression_arm_guard_that_decides_the_arm_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var similarity = ReaderGuard.Similarity(user, other);
                    return user.Id switch
                    {
                        "gold" => user.Summary,
                        _ when {|PERSONA003:similarity > 0.8|} => other.Summary,
                        _ => user.Summary,
                    };
            """));

    [Fact]
    public Task Threshold_in_a_when_clause_whose_arms_all_use_the_profile_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var similarity = ReaderGuard.Similarity(user, other);
                    return user.Id switch
                    {
                        _ when similarity > 0.8 => Render.Prompt(other),
                        _ => other.Summary,
                    };
            """));

    [Theory]
    [InlineData("(from c in pool let sim = ReaderGuard.Similarity(user, c) where {|PERSONA003:sim >= 0.85|} select c.Summary).ToList()")]
    [InlineData("(from c in pool join o in index.All on c.Id equals o.Id let sim = ReaderGuard.Similarity(user, c) where {|PERSONA003:sim >= 0.85|} select c.Summary).ToList()")]
    [InlineData("(from c in pool from p in c.Purchases let sim = ReaderGuard.Similarity(user, c) where {|PERSONA003:sim >= 0.85|} select p).ToList()")]
    [InlineData("pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).Where(t => {|PERSONA003:t.sim >= 0.85|}).Select(t => t.c.Summary).ToList()")]
    [InlineData("pool.Select(c => new { c, Closeness = ReaderGuard.Similarity(user, c) }).Where(x => {|PERSONA003:x.Closeness > 0.9|}).Select(x => x.c).ToList()")]
    public Task Threshold_on_a_score_projected_beside_the_profile_that_filters_is_reported(string filter) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{filter}};
            """));

    [Theory]
    [InlineData("pool.Select(c => (c, sim: ReaderGuard.Similarity(user, c))).Count(t => t.sim >= 0.85)")]
    [InlineData("pool.Select(c => (c, size: c.Summary.Length)).Where(t => t.size >= 85).Select(t => t.c).ToList()")]
    [InlineData("(from c in pool let sim = ReaderGuard.Similarity(user, c) where sim >= 0.85 select c).Where(c => ReaderGuard.Assess(user, c).IsSafe).ToList()")]
    [InlineData("(from c in pool join o in index.All on c.Id equals o.Id let n = c.Summary.Length where n >= 85 select c.Summary).ToList()")]
    public Task Threshold_on_a_projected_score_that_only_counts_or_on_another_number_is_not_reported(string expression) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{expression}};
            """));

    [Theory]
    [InlineData("var pct = ReaderGuard.Similarity(user, other) * 100;", "{|PERSONA003:pct >= 90|}")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other);", "{|PERSONA003:Math.Round(sim, 2) >= 0.9|}")]
    [InlineData("var sim = Math.Clamp(ReaderGuard.Similarity(user, other), 0.0, 1.0);", "{|PERSONA003:sim >= 0.9|}")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other);", "Math.Clamp(user.Summary.Length, 0, 10) > 5")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other);", "{|PERSONA003:(int)(sim * 100) >= 90|}")]
    [InlineData("var percent = (int)Math.Floor(100 * ReaderGuard.Similarity(user, other));", "{|PERSONA003:percent > 85|}")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other);", "{|PERSONA003:sim / 2 > 0.4|}")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other);", "{|PERSONA003:sim * -1 > -0.9|}")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other);", "{|PERSONA003:-sim > -0.9|}")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other);", "sim - user.Summary.Length > 0.9")]
    public Task A_threshold_on_a_rescaled_or_rounded_score_is_a_threshold_on_the_score(string score, string comparison) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    {{score}}
                    if ({{comparison}})
                        return Render.Prompt(other);
                    return null;
            """));

    [Theory]
    [InlineData("Func<Reader, bool> close = c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.9|};\n return pool.Where(close).ToList();")]
    [InlineData("System.Linq.Expressions.Expression<Func<Reader, bool>> close = c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.9|};\n return pool.AsQueryable().Where(close).ToList();")]
    [InlineData("Func<Reader, bool> close = c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.9|};\n return pool.FirstOrDefault(close);")]
    [InlineData("Func<Reader, bool> close = c => ReaderGuard.Similarity(user, c) > 0.9;\n return pool.Count(close);")]
    [InlineData("Func<Reader, bool> close = c => ReaderGuard.Similarity(user, c) > 0.9;\n return ReaderGuard.SafestSubstitute(user, pool.Where(close));")]
    public Task A_threshold_predicate_kept_in_a_local_is_judged_where_the_local_filters(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Fact]
    public Task Switch_whose_arms_all_use_the_profile_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    return ReaderGuard.Similarity(user, other) switch
                    {
                        >= 0.9 => Render.Prompt(other),
                        _ => other.Summary,
                    };
            """));

    [Fact]
    public Task Where_predicate_threshold_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(user, c) >= 0.9|}).ToList();
            """));

    [Theory]
    [InlineData("bool Close(Reader c) => {|PERSONA003:ReaderGuard.Similarity(user, c) >= 0.9|};\n return pool.Where(Close).ToList();")]
    [InlineData("return pool.FirstOrDefault(Close);\n bool Close(Reader c) { return {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.8|}; }")]
    public Task Local_function_predicate_threshold_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("bool Close(Reader c) => ReaderGuard.Similarity(user, c) >= 0.9;\n return pool.Count(Close);")]
    [InlineData("bool Close(Reader c) => ReaderGuard.Similarity(user, c) > 0.1;\n return ReaderGuard.SafestSubstitute(user, pool.Where(Close));")]
    [InlineData("bool Close(Reader c) => ReaderGuard.Similarity(user, c) >= 0.9;\n return Close(user);")]
    public Task Local_function_predicate_that_admits_no_profile_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Fact]
    public Task Member_named_similarity_threshold_is_reported() =>
        Verify.VerifyAsync("""
            using Shop;
            public sealed class Match { public Reader Profile { get; set; } = new(); public double CosineSimilarity { get; set; } }
            public class C
            {
                public string? Run(Match match) => {|PERSONA003:match.CosineSimilarity > 0.9|} ? match.Profile.Summary : null;
            }
            """);

    [Fact]
    public Task Threshold_that_only_feeds_logging_is_not_reported() =>
        Verify.VerifyAsync("""
            using Shop;
            public static class Metrics { public static void Record(string name, bool value) { } }
            public class C
            {
                public string Run(Reader user, Reader other)
                {
                    var similarity = ReaderGuard.Similarity(user, other);
                    if (similarity > 0.9)
                        System.Console.Error.WriteLine("very similar: " + other.Id);
                    Metrics.Record("near-twin", similarity > 0.9);
                    var label = similarity > 0.9 ? "near-twin" : "other";
                    return label;
                }
            }
            """);

    [Fact]
    public Task Threshold_inside_a_check_method_is_not_reported() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public static class Vetting
            {
                [SimilarityBandCheck]
                public static bool IsSafeFor(Reader target, Reader candidate)
                {
                    var similarity = ReaderGuard.Similarity(target, candidate);
                    return similarity > 0.3 && similarity < 0.7;
                }
            }
            """);

    [Fact]
    public Task Comparing_two_scores_is_not_a_threshold() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Reader? chosen = null;
                    var best = 0.0;
                    foreach (var candidate in pool)
                    {
                        var similarity = ReaderGuard.Similarity(user, candidate);
                        if (similarity > best) { best = similarity; chosen = candidate; }
                    }
                    return chosen;
            """));

    // Max-then-filter is PERSONA002's: the bar is the best of the same scores, not a threshold.
    [Theory]
    [InlineData("var max = pool.Max(c => ReaderGuard.Similarity(user, c));\n return pool.FirstOrDefault(c => ReaderGuard.Similarity(user, c) >= max);")]
    [InlineData("var best = pool.Select(c => ReaderGuard.Similarity(user, c)).Max();\n return pool.Where(c => ReaderGuard.Similarity(user, c) == best).ToList();")]
    [InlineData("return pool.FirstOrDefault(c => ReaderGuard.Similarity(user, c) >= pool.Max(o => ReaderGuard.Similarity(user, o)));")]
    public Task Comparing_a_score_with_the_best_of_the_same_scores_is_not_a_threshold(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Fact]
    public Task Threshold_on_an_unrelated_number_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    if (other.Purchases.Count > 3)
                        return other.Summary;
                    return null;
            """));

    [Fact]
    public Task Bar_whose_name_says_similarity_is_still_a_bar() =>
        Verify.VerifyAsync("""
            using Shop;
            public sealed class MatchOptions { public double MinSimilarity { get; set; } = 0.8; }
            public class C
            {
                private const double SIMILARITY_THRESHOLD = 0.9;
                private readonly double _cosineCutoff = 0.85;
                private readonly MatchOptions _options = new();
                public Reader? Configured(Reader user, Reader other) =>
                    {|PERSONA003:ReaderGuard.Similarity(user, other) >= _options.MinSimilarity|} ? other : null;
                public Reader? Constant(Reader user, Reader other) =>
                    {|PERSONA003:ReaderGuard.Similarity(user, other) > SIMILARITY_THRESHOLD|} ? other : null;
                public Reader? Field(Reader user, Reader other) =>
                    {|PERSONA003:ReaderGuard.Explain(user, other).Topics >= _cosineCutoff|} ? other : null;
            }
            """);

    [Fact]
    public Task Threshold_kept_in_a_bool_local_that_decides_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var close = {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.8|};
                    if (!close)
                        return null;
                    return Render.Prompt(other);
            """));

    // The bar's answer compared with a constant or switched on decides as the bare answer does (probe 12a, repro 02).
    [Theory]
    [InlineData("var close = {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.8|}; if (close is true) return Render.Prompt(other); return null;")]
    [InlineData("var close = {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.8|}; if (close is not false) return Render.Prompt(other); return null;")]
    [InlineData("var far = {|PERSONA003:ReaderGuard.Similarity(user, other) < 0.8|}; if (far == false) return Render.Prompt(other); return null;")]
    [InlineData("var far = {|PERSONA003:ReaderGuard.Similarity(user, other) < 0.8|}; if (true != far) return Render.Prompt(other); return null;")]
    [InlineData("var close = {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.8|}; return close switch { true => Render.Prompt(other), false => null };")]
    [InlineData("var close = {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.8|}; return close switch { false => null, _ => Render.Prompt(other) };")]
    [InlineData("if (({|PERSONA003:ReaderGuard.Similarity(user, other) > 0.8|}) == true) return Render.Prompt(other); return null;")]
    public Task Threshold_answer_compared_with_a_constant_or_switched_on_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    {{body}}
            """));

    [Theory]
    [InlineData("var close = ReaderGuard.Similarity(user, other) > 0.8; return close switch { true => \"close\", _ => \"far\" };")]
    [InlineData("var close = ReaderGuard.Similarity(user, other) > 0.8; return close switch { true => Render.Prompt(other), _ => Render.Prompt(other) + \"?\" };")]
    [InlineData("var close = ReaderGuard.Similarity(user, other) > 0.8; return (close == true ? \"close\" : \"far\") + Render.Prompt(other);")]
    public Task Threshold_answer_switched_on_for_a_label_or_both_ways_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    {{body}}
            """));

    [Fact]
    public Task Threshold_kept_in_a_bool_local_that_only_reports_is_not() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Own("x")!;
                    var close = ReaderGuard.Similarity(user, other) > 0.8;
                    System.Console.WriteLine(close ? "close" : "far");
                    return close;
            """));

    [Theory]
    [InlineData("ReaderGuard.Classify(user, other) == SimilarityBand.Moderate && ReaderGuard.Similarity(user, other) > 0.5 ? Render.Prompt(other) : null")]
    [InlineData("ReaderGuard.Similarity(user, other) > 0.5 && ReaderGuard.Assess(user, other).IsSafe ? Render.Prompt(other) : null")]
    [InlineData("pool.Where(c => ReaderGuard.Assess(user, c).IsSafe && ReaderGuard.Similarity(user, c) >= 0.3).Select(Render.Prompt).FirstOrDefault()")]
    public Task Threshold_joined_to_a_band_check_of_the_same_profile_is_not_reported(string expression) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    return {{expression}};
            """));

    [Theory]
    [InlineData("ReaderGuard.Classify(user, other) == SimilarityBand.Moderate || {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.9|} ? Render.Prompt(other) : null")]
    [InlineData("ReaderGuard.Classify(user, user) == SimilarityBand.Moderate && {|PERSONA003:ReaderGuard.Similarity(user, other) > 0.9|} ? Render.Prompt(other) : null")]
    public Task Threshold_beside_a_check_that_does_not_gate_the_same_profile_is_reported(string expression) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    return {{expression}};
            """));

    // A bar that only narrows what a passing band check admitted, written as a rejection: the candidate is used only
    // past the check, on every path, and the bar turns some of those away.
    [Theory]
    [InlineData("if (index.FindNearest(user) is not { } twin) return user;\n var v = ReaderGuard.Assess(user, twin);\n if (!v.IsSafe || v.Similarity > 0.95) return user;\n return twin;")]
    [InlineData("if (index.FindNearest(user) is not { } twin || !ReaderGuard.TrySubstitute(user, twin, out var v)) return user;\n return v.Similarity > 0.95 ? user : twin;")]
    [InlineData("if (index.FindNearest(user) is not { } twin || ReaderGuard.Classify(user, twin) != SimilarityBand.Moderate) return user;\n return ReaderGuard.Similarity(user, twin) > 0.9 ? user : twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (ReaderGuard.Similarity(user, twin) > 0.95) return user;\n if (!ReaderGuard.Assess(user, twin).IsSafe) return user;\n return twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n ReaderGuard.EnsureSafe(user, twin);\n return ReaderGuard.Similarity(user, twin) > 0.95 ? user.Summary : twin.Summary;")]
    [InlineData("var twin = index.Own(\"x\")!;\n switch (ReaderGuard.Classify(user, twin))\n {\n case SimilarityBand.Moderate: return ReaderGuard.Similarity(user, twin) is > 0.9 ? user : twin;\n default: return user;\n }")]
    [InlineData("foreach (var c in pool)\n {\n if (!ReaderGuard.Assess(user, c).IsSafe) continue;\n if (ReaderGuard.Similarity(user, c) > 0.95) continue;\n return c;\n }\n return null;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (!ReaderGuard.TrySubstitute(user, twin, out var v) || v.Similarity > 0.95) return null;\n return Task.Run(() => twin.Summary);")]
    [InlineData("var twin = index.Own(\"x\")!;\n var v = ReaderGuard.Assess(user, twin);\n if (v.IsSafe)\n {\n if (v.Similarity > 0.95) return user;\n return twin;\n }\n return user;")]
    [InlineData("var twin = index.Own(\"x\")!;\n var v = ReaderGuard.Assess(user, twin);\n var tooClose = v.Similarity > 0.95;\n if (!v.IsSafe || tooClose) return user;\n return twin;")]
    [InlineData("return pool.Select(c =>\n {\n if (!ReaderGuard.Assess(user, c).IsSafe || ReaderGuard.Similarity(user, c) > 0.95) return null;\n return c.Summary;\n }).ToList();")]
    public Task Threshold_that_only_narrows_what_a_passed_band_check_admitted_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    // The bar still admits a candidate no band check let through on some path to its use.
    [Theory]
    [InlineData("var twin = index.Own(\"x\")!;\n var v = ReaderGuard.Assess(user, twin);\n if ({|PERSONA003:v.Similarity > 0.95|}) return user;\n return twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n var v = ReaderGuard.Assess(user, twin);\n if (!v.IsSafe && {|PERSONA003:v.Similarity > 0.95|}) return user;\n return twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (ReaderGuard.Assess(user, twin).IsSafe || {|PERSONA003:ReaderGuard.Similarity(user, twin) > 0.95|}) return user;\n return twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (ReaderGuard.Classify(user, twin) == SimilarityBand.NearMatch && {|PERSONA003:ReaderGuard.Similarity(user, twin) < 0.9|}) return twin;\n return user;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (user.Id == \"vip\" && !ReaderGuard.Assess(user, twin).IsSafe) return user;\n return {|PERSONA003:ReaderGuard.Similarity(user, twin) > 0.95|} ? user : twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (!ReaderGuard.Assess(user, user).IsSafe) return user;\n return {|PERSONA003:ReaderGuard.Similarity(user, twin) > 0.95|} ? user : twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (!ReaderGuard.Assess(user, twin).IsSafe) return user;\n twin = index.Lookalike(user);\n return {|PERSONA003:ReaderGuard.Similarity(user, twin) > 0.95|} ? user : twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n try { if (!ReaderGuard.Assess(user, twin).IsSafe) return user; } catch (ArgumentException) { }\n return {|PERSONA003:ReaderGuard.Similarity(user, twin) > 0.95|} ? user : twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if (!ReaderGuard.Assess(user, twin).IsSafe) Console.WriteLine(\"unsafe\");\n return {|PERSONA003:ReaderGuard.Similarity(user, twin) > 0.95|} ? user : twin;")]
    [InlineData("var twin = index.Own(\"x\")!;\n if ({|PERSONA003:ReaderGuard.Similarity(user, twin) < 0.9|}) return null;\n return Task.Run(() => twin.Summary);")]
    public Task Threshold_that_admits_a_candidate_no_passed_check_let_through_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    // A duplicate-account guard: the bar turns the user away when another profile is a near-copy, and only the user's
    // own profile (the score's target) is used past it — no compared candidate is admitted.
    [Fact]
    public Task Threshold_past_which_only_the_target_own_profile_is_used_is_not_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Shop;
            public class Signup
            {
                public void Register(Reader user, Reader existing, List<Reader> accounts)
                {
                    if (ReaderGuard.Similarity(user, existing) > 0.98)
                        throw new InvalidOperationException("duplicate account");
                    accounts.Add(user);
                }

                public string? Greeting(Reader user, Reader existing) =>
                    ReaderGuard.Similarity(user, existing) >= 0.98 ? null : user.Summary;
            }
            """);

    [Fact]
    public Task Threshold_past_which_the_compared_candidate_is_used_is_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class Signup
            {
                public void Merge(Reader user, Reader existing, List<Reader> accounts)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(user, existing) < 0.98|})
                        throw new InvalidOperationException("not the same person");
                    accounts.Add(existing);
                }

                public string Both(Reader user, Reader existing) =>
                    {|PERSONA003:ReaderGuard.Similarity(user, existing) >= 0.9|} ? user.Summary + existing.Summary : user.Summary;

                // A filter's element is the candidate wherever the score takes it.
                public List<Reader> Swapped(Reader user, List<Reader> pool) =>
                    pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(c, user) > 0.9|}).ToList();
            }
            """);

    // EF Core's ToListAsync/ToArrayAsync (stand-ins with its shape) and async LINQ's over a stream, awaited, list the
    // filter's survivors as ToList does: a shortlist that only goes on to SafestSubstitute, or is only counted, needs no
    // bar of its own (probe 6b, 01).
    private const string AsyncListing = """
        public static class EntityFrameworkQueryableExtensions
        {
            public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source) => Task.FromResult(source.ToList());
            public static Task<T[]> ToArrayAsync<T>(this IQueryable<T> source) => Task.FromResult(source.ToArray());
        }
        public static class AsyncEnumerable
        {
            public static IAsyncEnumerable<T> Where<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate) => source;
            public static ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, System.Threading.CancellationToken ct = default) => default;
        }
        """;

    [Fact]
    public Task Shortlist_listed_by_an_awaited_ToListAsync_then_band_checked_or_counted_is_not_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Shop;
            public class C
            {
                public async Task<Reader?> ShortlistThenSafest(Reader user, IQueryable<Reader> readers)
                {
                    var shortlist = await readers.Where(p => ReaderGuard.Similarity(user, p) > 0.2).ToListAsync();
                    return ReaderGuard.SafestSubstitute(user, shortlist);
                }

                public async Task<int> CountOnly(Reader user, IQueryable<Reader> readers)
                {
                    var close = await readers.Where(p => ReaderGuard.Similarity(user, p) > 0.9).ToListAsync();
                    return close.Count;
                }

                public async Task<int> ArrayConfigured(Reader user, IQueryable<Reader> readers)
                {
                    var close = await readers.Where(p => ReaderGuard.Similarity(user, p) > 0.9).OrderBy(p => p.Id).ToArrayAsync().ConfigureAwait(false);
                    return close.Length;
                }

                public async Task<Reader?> InPlace(Reader user, IQueryable<Reader> readers) =>
                    ReaderGuard.SafestSubstitute(user, await readers.Where(p => ReaderGuard.Similarity(user, p) > 0.2).ToListAsync());

                public async Task<Reader?> Streamed(Reader user, IAsyncEnumerable<Reader> stream)
                {
                    var shortlist = await stream.Where(p => ReaderGuard.Similarity(user, p) > 0.2).ToListAsync();
                    return ReaderGuard.SafestSubstitute(user, shortlist);
                }
            }
            """ + AsyncListing);

    // Still reported: a listed shortlist used without the check, and one handed on as a task, not awaited here.
    [Fact]
    public Task Shortlist_listed_by_ToListAsync_and_used_without_a_check_is_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Shop;
            public class C
            {
                public async Task<string?> Head(Reader user, IQueryable<Reader> readers)
                {
                    var close = await readers.Where(p => {|PERSONA003:ReaderGuard.Similarity(user, p) > 0.9|}).ToListAsync();
                    return close.Count > 0 ? close[0].Summary : null;
                }

                public Task<List<Reader>> Pending(Reader user, IQueryable<Reader> readers) =>
                    readers.Where(p => {|PERSONA003:ReaderGuard.Similarity(user, p) > 0.9|}).ToListAsync();
            }
            """ + AsyncListing);

    // A kernel is usually handed the two features copied into locals first (spans, arrays): a local initialised once from
    // a profile's feature stands for that profile, so the score still compares the two (probe 6b, 02).
    [Fact]
    public Task Threshold_on_a_kernel_over_feature_locals_is_reported() =>
        Verify.VerifyAsync("""
            using System;
            using PersonaAnalyzers;
            using Shop;
            public static class Vec { public static double Cosine(double[] a, double[] b) => 0; }
            public class C
            {
                public string Spans(Reader user, Reader twin)
                {
                    ReadOnlySpan<double> mine = user.Topics, theirs = twin.Topics;
                    if ({|PERSONA003:SimilarityKernels.Cosine(mine, theirs) >= 0.9|})
                        return twin.Summary;
                    return user.Summary;
                }

                public string? ArraysThroughAScore(Reader user, Reader twin)
                {
                    double[] mine = user.Topics, theirs = twin.Topics;
                    var cosine = Vec.Cosine(mine, theirs);
                    return {|PERSONA003:cosine >= 0.9|} ? twin.Summary : null;
                }

                public string? OneSideCopied(Reader user, Reader twin)
                {
                    var theirs = twin.Topics.AsSpan();
                    if ({|PERSONA003:SimilarityKernels.Cosine(user.Topics.AsSpan(), theirs) < 0.8|})
                        return null;
                    return twin.Summary;
                }
            }
            """);

    // Followed only as far as it holds: a feature local given another value is not the profile's, a duplicate-account
    // guard over feature locals admits no one, and a passed band check of the pair still makes the bar a narrowing.
    [Fact]
    public Task Threshold_on_a_kernel_over_feature_locals_that_admits_no_candidate_is_not_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Shop;
            public static class Vec { public static double Cosine(double[] a, double[] b) => 0; }
            public class C
            {
                public string? Reassigned(Reader user, Reader twin)
                {
                    double[] mine = user.Topics, theirs = twin.Topics;
                    theirs = user.Topics;
                    if (Vec.Cosine(mine, theirs) >= 0.9)
                        return twin.Summary;
                    return null;
                }

                public void Register(Reader user, Reader existing, List<Reader> accounts)
                {
                    double[] mine = user.Topics, theirs = existing.Topics;
                    if (Vec.Cosine(mine, theirs) > 0.98)
                        throw new InvalidOperationException("duplicate account");
                    accounts.Add(user);
                }

                public string? Narrowed(Reader user, Reader twin)
                {
                    if (!ReaderGuard.Assess(user, twin).IsSafe)
                        return null;
                    double[] mine = user.Topics, theirs = twin.Topics;
                    if (Vec.Cosine(mine, theirs) > 0.97)
                        return user.Summary;
                    return twin.Summary;
                }
            }
            """);

    // The guard's SafestSubstitute hands back only a candidate it found safe for the target, or null: a bar on what it
    // picked — a range check that throws, a duplicate-account exclusion — can only turn the pick away (probe 6b, 03 and 06).
    [Fact]
    public Task Threshold_on_the_guard_pick_for_the_target_is_not_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                public string RangeChecked(Reader user, List<Reader> pool)
                {
                    var donor = ReaderGuard.SafestSubstitute(user, pool);
                    if (donor is null)
                        return user.Summary;
                    var sim = ReaderGuard.Similarity(user, donor);
                    if (sim < 0 || sim > 1)
                        throw new InvalidOperationException($"similarity out of range: {sim}");
                    return donor.Summary;
                }

                public string DuplicateExcluded(Reader user, List<Reader> pool)
                {
                    Reader? donor;
                    donor = ReaderGuard.SafestSubstitute(user, pool);
                    if (donor is null)
                        return user.Summary;
                    if (ReaderGuard.Similarity(user, donor) > 0.97)
                        return user.Summary;
                    return donor.Summary;
                }

                public string? RuntimePick(Reader user, List<Reader> pool, CandidateVetter<Reader> vetter)
                {
                    if (vetter.SafestSubstitute(user, pool) is not { } pick)
                        return null;
                    var donor = pick.Profile;
                    return ReaderGuard.Similarity(user, donor) > 0.97 ? user.Summary : donor.Summary;
                }

                // What PERSONA002's fix makes of an unseeded Aggregate (probe 11b, repro 19): the pick, or the target's own
                // profile, which is no substitute.
                public string OwnProfileFallback(Reader user, List<Reader> pool)
                {
                    var donor = ReaderGuard.SafestSubstitute(user, pool) ?? user;
                    if (ReaderGuard.Similarity(user, donor) < 0.75)
                        return user.Summary;
                    return donor.Summary;
                }

                public async Task<string?> AwaitedRuntimePick(Reader user, ICandidateSource<Reader> source, CandidateVetter<Reader> vetter)
                {
                    var pick = await vetter.SafestSubstituteAsync(source, user, 50);
                    if (pick is null)
                        return null;
                    var donor = pick.Value.Profile;
                    if (ReaderGuard.Similarity(user, donor) > 0.97)
                        return user.Summary;
                    return donor.Summary;
                }
            }
            """);

    // Still reported: the candidate given another value past the pick (on one path, or in the same block), a pick with a
    // fallback, a pick for another target, a runtime pick kept in a local that is also given something else.
    [Fact]
    public Task Threshold_on_a_candidate_the_guard_did_not_pick_for_the_target_is_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex index = null!;

                public string RefilledOnOnePath(Reader user, List<Reader> pool)
                {
                    var donor = ReaderGuard.SafestSubstitute(user, pool);
                    if (donor is null)
                        donor = index.Lookalike(user);
                    if ({|PERSONA003:ReaderGuard.Similarity(user, donor) < 0.5|})
                        return user.Summary;
                    return donor.Summary;
                }

                public string ReplacedAtOnce(Reader user, List<Reader> pool)
                {
                    var donor = ReaderGuard.SafestSubstitute(user, pool)!;
                    donor = index.Lookalike(user);
                    if ({|PERSONA003:ReaderGuard.Similarity(user, donor) < 0.5|})
                        return user.Summary;
                    return donor.Summary;
                }

                public string WithFallback(Reader user, List<Reader> pool)
                {
                    var donor = ReaderGuard.SafestSubstitute(user, pool) ?? index.Lookalike(user);
                    return {|PERSONA003:ReaderGuard.Similarity(user, donor) >= 0.9|} ? donor.Summary : user.Summary;
                }

                public string PickedForAnother(Reader user, Reader friend, List<Reader> pool)
                {
                    var donor = ReaderGuard.SafestSubstitute(friend, pool);
                    if (donor is null)
                        return user.Summary;
                    return {|PERSONA003:ReaderGuard.Similarity(user, donor) >= 0.9|} ? donor.Summary : user.Summary;
                }

                public string? RuntimePickOrAny(Reader user, List<Reader> pool, CandidateVetter<Reader> vetter, VettedCandidate<Reader> any)
                {
                    var pick = vetter.SafestSubstitute(user, pool);
                    if (pick is null)
                        pick = any;
                    var donor = pick.Value.Profile;
                    return {|PERSONA003:ReaderGuard.Similarity(user, donor) >= 0.9|} ? donor.Summary : user.Summary;
                }
            }
            """);

    [Theory]
    [InlineData("return ReaderGuard.SafestSubstitute(user, pool.Where(c => ReaderGuard.Similarity(user, c) > 0.1));")]
    [InlineData("return ReaderGuard.SafestSubstitute(user, pool.Where(c => ReaderGuard.Similarity(user, c) > 0.1).OrderBy(c => c.Id).Take(50).ToList());")]
    [InlineData("return pool.Where(c => ReaderGuard.Similarity(user, c) > 0.1).Where(c => ReaderGuard.Assess(user, c).IsSafe).Select(Render.Prompt).ToList();")]
    [InlineData("return pool.Where(c => ReaderGuard.Similarity(user, c) > 0.1).FirstOrDefault(c => ReaderGuard.Classify(user, c) == SimilarityBand.Moderate);")]
    [InlineData("var shortlist = pool.Where(c => ReaderGuard.Similarity(user, c) > 0.1).ToList(); return ReaderGuard.SafestSubstitute(user, shortlist);")]
    [InlineData("return pool.Where(c => ReaderGuard.Similarity(user, c) > 0.9).Count();")]
    [InlineData("return pool.Where(c => ReaderGuard.Similarity(user, c) > 0.9).Any();")]
    [InlineData("var close = pool.FindAll(c => ReaderGuard.Similarity(user, c) > 0.9); return close.Count;")]
    public Task Threshold_that_only_shortlists_for_a_band_check_or_counts_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("return pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.9|}).Select(Render.Prompt).ToList();")]
    [InlineData("var shortlist = pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.1|}).ToList(); return shortlist.Count > 0 ? Render.Prompt(shortlist[0]) : ReaderGuard.SafestSubstitute(user, shortlist);")]
    [InlineData("return ReaderGuard.SafestSubstitute(user, pool.Where(c => c.Id != user.Id).ToList()) ?? pool.FirstOrDefault(c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.9|});")]
    [InlineData("return ReaderGuard.SafestSubstitute(user, pool.Select(c => c).Where(c => ReaderGuard.Similarity(user, c) > 0.1).ToList()).Summary + pool.Where(c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.5|}).Select(Render.Prompt).First();")]
    [InlineData("var close = pool.FindAll(c => {|PERSONA003:ReaderGuard.Similarity(user, c) > 0.9|}); return close.Count > 0 ? close[0] : null;")]
    public Task Threshold_whose_survivors_are_used_without_a_band_check_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Fact]
    public Task Distance_taken_apart_from_a_vector_search_hit_is_a_score() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;
            public class C
            {
                public string? Loop(Reader user, IReadOnlyList<(Reader Profile, double Distance)> hits)
                {
                    foreach (var (profile, d) in hits)
                    {
                        if (profile.Id != user.Id && {|PERSONA003:d < 0.2|})
                            return profile.Summary;
                    }
                    return null;
                }

                public string? First(Reader user, IReadOnlyList<(Reader, double)> hits)
                {
                    var (candidate, similarity) = hits[0];
                    return {|PERSONA003:similarity >= 0.8|} ? candidate.Summary : null;
                }

                // Not scores: a rank and a count beside the profile, and a score only logged.
                public string? Ranked(IReadOnlyList<(Reader Profile, int Rank)> hits, System.Action<string> log)
                {
                    foreach (var (profile, rank) in hits)
                    {
                        if (rank < 3)
                            return profile.Summary;
                    }
                    foreach (var (profile, distance) in new List<(Reader, double Distance)>())
                        log(distance < 0.2 ? "close" : "far");
                    return null;
                }
            }
            """);

    [Fact]
    public Task Similarity_read_off_a_verdict_is_the_score_of_the_pair_assessed() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                public string Assessed(Reader user, Reader other)
                {
                    var verdict = ReaderGuard.Assess(user, other);
                    return {|PERSONA003:verdict.Similarity > 0.8|} ? other.Summary : user.Summary;
                }

                public string Tried(Reader user, Reader other)
                {
                    ReaderGuard.TrySubstitute(user, other, out var verdict);
                    return {|PERSONA003:verdict.Similarity >= 0.5|} ? other.Summary : user.Summary;
                }

                // The verdict's own answer decides; its similarity only narrows the safe way, or is only shown.
                public string Narrowed(Reader user, Reader other)
                {
                    var verdict = ReaderGuard.Assess(user, other);
                    return verdict.IsSafe && verdict.Similarity < 0.95 ? other.Summary : user.Summary;
                }

                public string Shown(Reader user, Reader other)
                {
                    var verdict = ReaderGuard.Assess(user, other);
                    return verdict.IsSafe ? $"{other.Summary} ({(verdict.Similarity > 0.5 ? "close" : "far")})" : user.Summary;
                }
            }
            """);

    [Fact]
    public Task The_score_of_a_search_hit_beside_its_profile_is_a_similarity() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public sealed record ScoredReader(Reader Reader, double RelevanceScore);
            public sealed record Rating(Reader Reader, int Stars);
            public class C
            {
                public string? Hit(Reader user, IReadOnlyList<(Reader Profile, double Score)> hits)
                {
                    foreach (var hit in hits)
                    {
                        if ({|PERSONA003:hit.Score >= 0.8|})
                            return hit.Profile.Summary;
                    }
                    return null;
                }

                public List<string> Records(IEnumerable<ScoredReader> hits) =>
                    hits.Where(h => {|PERSONA003:h.RelevanceScore > 0.75|}).Select(h => h.Reader.Summary).ToList();

                public string? TakenApart(IReadOnlyList<(Reader, double)> hits)
                {
                    foreach (var (reader, score) in hits)
                    {
                        if ({|PERSONA003:score > 0.9|})
                            return reader.Summary;
                    }
                    return null;
                }

                public List<string> Configured(IReadOnlyList<(Reader Profile, double Score)> hits, double minScore) =>
                    hits.Where(h => {|PERSONA003:h.Score > minScore|}).Select(h => h.Profile.Summary).ToList();

                // Not a similarity: a number beside the profile that is not called a score.
                public List<string> Rated(IEnumerable<Rating> ratings) => ratings.Where(r => r.Stars > 3).Select(r => r.Reader.Summary).ToList();
            }
            """);

    private const string AdmitsNearTwins = "a high threshold admits exactly the near-twins that do the most harm";
    private const string CannotTell = "a raw cut-off cannot tell a near-twin, the most harmful substitute, from a moderately similar profile as the calibrated bands do";

    [Theory]
    [InlineData("ReaderGuard.Similarity(user, other) >= 0.9", AdmitsNearTwins)]
    [InlineData("0.9 < ReaderGuard.Similarity(user, other)", AdmitsNearTwins)]
    [InlineData("ReaderGuard.Similarity(user, other) is > 0.9", AdmitsNearTwins)]
    [InlineData("1 - ReaderGuard.Similarity(user, other) < 0.1", AdmitsNearTwins)]
    [InlineData("ReaderGuard.Similarity(user, other) < 0.9", CannotTell)]
    [InlineData("ReaderGuard.Similarity(user, other) is > 0.4 and < 0.8", CannotTell)]
    [InlineData("1 - ReaderGuard.Similarity(user, other) > 0.3", CannotTell)]
    public Task The_message_says_what_the_bar_lets_through(string comparison, string why) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    return {{comparison}} ? other.Summary : null;
            """), null,
            Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("PERSONA003")
                .WithSpan(17, 16, 17, 16 + comparison.Length)
                .WithArguments(comparison, why).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

    // Where the candidate is used when the comparison fails, the bar lets the other side through: `>= 0.9 ? null : other`
    // turns the closest away (and lets near-twins just under the bar in), `< 0.9 ? null : other` admits the closest.
    [Theory]
    [InlineData("ReaderGuard.Similarity(user, other) >= 0.9", CannotTell)]
    [InlineData("ReaderGuard.Similarity(user, other) is > 0.9", CannotTell)]
    [InlineData("ReaderGuard.Similarity(user, other) < 0.9", AdmitsNearTwins)]
    [InlineData("1 - ReaderGuard.Similarity(user, other) > 0.3", AdmitsNearTwins)]
    public Task The_message_of_a_bar_that_rejects_says_what_it_lets_through(string comparison, string why) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    return {{comparison}} ? null : other.Summary;
            """), null,
            Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("PERSONA003")
                .WithSpan(17, 16, 17, 16 + comparison.Length)
                .WithArguments(comparison, why).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task The_score_of_a_record_struct_hit_beside_its_profile_is_a_similarity() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public readonly record struct ScoredReader(Reader Reader, double RelevanceScore);
            public class C
            {
                public List<string> Records(IEnumerable<ScoredReader> hits) =>
                    hits.Where(h => {|PERSONA003:h.RelevanceScore > 0.75|}).Select(h => h.Reader.Summary).ToList();

                public string? One(ScoredReader hit) => {|PERSONA003:hit.RelevanceScore >= 0.8|} ? hit.Reader.Summary : null;

                public string? TakenApart(IEnumerable<ScoredReader> hits)
                {
                    foreach (var (reader, relevance) in hits)
                    {
                        if ({|PERSONA003:relevance > 0.9|})
                            return reader.Summary;
                    }
                    return null;
                }
            }
            """);

    // A vector store's hit scores with a double?: a nullable score, or one with a default, is still the score.
    [Fact]
    public Task A_nullable_score_of_a_vector_search_hit_is_a_similarity() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                public string? Lifted(List<VectorSearchResult<Reader>> hits)
                {
                    foreach (var hit in hits)
                    {
                        if ({|PERSONA003:hit.Score > 0.8|})
                            return hit.Record.Summary;
                    }
                    return null;
                }

                public List<string> Defaulted(List<VectorSearchResult<Reader>> hits) =>
                    hits.Where(h => {|PERSONA003:(h.Score ?? 0) >= 0.8|}).Select(h => h.Record.Summary).ToList();

                // Only logged: no profile is accepted by it.
                public void Logged(List<VectorSearchResult<Reader>> hits) =>
                    System.Console.WriteLine(hits.Count(h => h.Score > 0.8));
            }
            """ + SearchHitSnippets.VectorSearchResult);

    // Microsoft.Extensions.VectorData applies a raw bar itself: ScoreThreshold on the options of a search over profiles
    // hands back only the hits above it — the closest ones. Compiled against the real package.
    [Fact]
    public Task A_vector_store_score_threshold_on_a_search_over_profiles_is_a_raw_threshold() =>
        Verify.VerifyWithVectorDataAsync(SearchHitSnippets.VectorDataHeader + """
            public class C
            {
                private static readonly VectorSearchOptions<Reader> Close = new() { {|PERSONA003:ScoreThreshold = 0.9|} };
                private readonly VectorStoreCollection<string, Reader> _readers = null!;

                public IAsyncEnumerable<VectorSearchResult<Reader>> Lookalikes(ReadOnlyMemory<float> embedding) =>
                    _readers.SearchAsync(embedding, top: 3, new VectorSearchOptions<Reader> { {|PERSONA003:ScoreThreshold = 0.85|}, Skip = 1 });

                public IAsyncEnumerable<VectorSearchResult<Reader>> Barred(ReadOnlyMemory<float> embedding, double bar)
                {
                    var options = new HybridSearchOptions<Reader>();
                    {|PERSONA003:options.ScoreThreshold = bar|};
                    return ((IKeywordHybridSearchable<Reader>)_readers).HybridSearchAsync(embedding, new[] { "jazz" }, top: 3, options);
                }

                // No bar, a bar over other records, and a bar only read: nothing is admitted by a threshold.
                public VectorSearchOptions<Reader> Unbarred() => new() { ScoreThreshold = null, Skip = 2 };
                public VectorSearchOptions<Article> ArticlesOnly() => new() { ScoreThreshold = 0.9 };
                public bool IsStrict(VectorSearchOptions<Reader> options) => options.ScoreThreshold is not null;
            }
            """);

    /// <summary><c>kv.Value</c> of a dictionary from each profile to its score is the score of <c>kv.Key</c>, as
    /// PERSONA002 reads it (probe 13c, repro 03).</summary>
    [Theory]
    [InlineData("foreach (var kv in affinity) if ({|PERSONA003:kv.Value >= 0.85|}) picks.Add(kv.Key.Summary);")]
    [InlineData("picks.AddRange(affinity.Where(kv => {|PERSONA003:kv.Value > 0.9|}).Select(kv => kv.Key.Summary));")]
    [InlineData("foreach (var kv in affinity) if ({|PERSONA003:kv.Value is >= 0.9|}) picks.Add(kv.Key.Summary);")]
    public Task A_bar_on_the_value_of_a_profile_to_score_dictionary_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var affinity = pool.ToDictionary(c => c, c => ReaderGuard.Similarity(user, c));
                    var picks = new List<string>();
                    {{body}}
                    return picks;
            """));

    /// <summary>Keyed by an id, or with a value that is no score, the entries' values are not a profile's similarity.</summary>
    [Theory]
    [InlineData("var affinity = pool.ToDictionary(c => c.Id, c => ReaderGuard.Similarity(user, c)); foreach (var kv in affinity) if (kv.Value >= 0.85) picks.Add(kv.Key);")]
    [InlineData("var affinity = pool.ToDictionary(c => c, c => (double)c.Purchases.Count); foreach (var kv in affinity) if (kv.Value >= 3) picks.Add(kv.Key.Summary);")]
    [InlineData("var affinity = pool.ToDictionary(c => c, c => ReaderGuard.Similarity(user, c)); foreach (var kv in affinity) if (ReaderGuard.Assess(user, kv.Key).IsSafe) picks.Add(kv.Key.Summary + kv.Value);")]
    public Task The_value_of_a_dictionary_that_is_no_profile_score_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var picks = new List<string>();
                    {{body}}
                    return picks;
            """));

    /// <summary>A distance kept as <c>1 - similarity</c> of a score local is a score of its own, as <c>1 -
    /// Similarity(a, b)</c> computed in place is (probe 14a, repro 07).</summary>
    [Theory]
    [InlineData("var sim = ReaderGuard.Similarity(user, other); var distance = 1 - sim; if ({|PERSONA003:distance < 0.15|}) return other.Summary; return null;")]
    [InlineData("var sim = ReaderGuard.Similarity(user, other); return {|PERSONA003:1 - sim < 0.15|} ? other.Summary : null;")]
    public Task A_bar_on_the_complement_of_a_score_local_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    {{body}}
            """));

    [Theory]
    [InlineData("var sim = ReaderGuard.Similarity(user, other); var distance = 1 - sim; System.Console.WriteLine(distance < 0.15 ? \"close\" : \"far\"); return null;")]
    [InlineData("var best = 1.0; var sim = ReaderGuard.Similarity(user, other); var distance = 1 - sim; if (distance < best) best = distance; return best;")]
    public Task The_complement_of_a_score_local_that_decides_no_substitute_is_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Own("x")!;
                    {{body}}
            """));

    /// <summary>A bar on the similarity a pair's verdict carries, joined by <c>&amp;&amp;</c> to that verdict's safe answer,
    /// only narrows, as on a verdict local (probe 15a, repro 03); alone, or beside <c>||</c>, it admits.</summary>
    [Theory]
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Where(p => p.verdict.IsSafe && p.verdict.Similarity < 0.97).Select(p => p.n.Summary)")]
    [InlineData(".Select(n => new { n, v = ReaderGuard.Assess(user, n) }).Where(x => x.v.IsSafe && x.v.Similarity < 0.97).Select(x => x.n.Summary)")]
    public Task A_bar_narrowing_a_pairs_own_verdict_is_not_reported(string chain) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return index.NearestNeighbours(user, 8){{chain}}.ToList();
            """));

    [Theory]
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Where(p => {|PERSONA003:p.verdict.Similarity > 0.9|}).Select(p => p.n.Summary)")]
    [InlineData(".Select(n => (n, verdict: ReaderGuard.Assess(user, n))).Where(p => p.verdict.IsSafe || {|PERSONA003:p.verdict.Similarity > 0.95|}).Select(p => p.n.Summary)")]
    public Task A_bar_on_a_pairs_verdict_that_admits_is_reported(string chain) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return index.NearestNeighbours(user, 8){{chain}}.ToList();
            """));
}
