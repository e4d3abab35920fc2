using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001: what counts as a check, on every path through the control flow graph.</summary>
public class UncheckedSubstituteCheckTests
{
    [Fact]
    public Task If_on_the_band_guards_the_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.FindNearest(user);
                    if (other is not null && ReaderGuard.Classify(user, other) == SimilarityBand.Moderate)
                        return Render.Prompt(other);
                    return null;
            """));

    /// <summary>A check given one element of a collection of substitutes — <c>ns[0]</c>, <c>ns.First()</c> in place, a list
    /// pattern's first — covers that element, not the near-twins behind it: a use of the whole collection after it is
    /// unchecked (probe 13a, repro 01).</summary>
    [Theory]
    [InlineData("if (ns.Count == 0 || !ReaderGuard.Assess(user, ns[0]).IsSafe) return null; return string.Join(\" | \", ns.Select(n => n.Summary));")]
    [InlineData("if (ns.Count > 0 && ReaderGuard.TrySubstitute(user, ns[0], out _)) return ns; return null;")]
    [InlineData("if (ns.Count > 0 && ReaderGuard.TrySubstitute(user, ns.First(), out _)) return ns.ToList(); return null;")]
    [InlineData("if (ns is [var first, ..] && ReaderGuard.TrySubstitute(user, first, out _)) return ns.Select(n => n.Summary).ToList(); return null;")]
    [InlineData("if (ns.ToArray() is [var first, .. var rest] && ReaderGuard.TrySubstitute(user, first, out _)) return rest; return null;")]
    [InlineData("return ns switch { [var head, ..] when ReaderGuard.Assess(user, head).IsSafe => ns.SelectMany(n => n.Purchases).ToList(), _ => null };")]
    public Task A_check_of_one_element_does_not_cover_the_whole_collection(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var ns = {|PERSONA001:index.NearestNeighbours(user, 5)|};
                    {{rest}}
            """));

    /// <summary>The checked element itself, read again by the same index or through the pattern's local, is checked;
    /// so is the whole collection where every element is (<c>All</c>) or where it is handed to the check whole.</summary>
    [Theory]
    [InlineData("if (ns.Count == 0 || !ReaderGuard.Assess(user, ns[0]).IsSafe) return null; return Render.Prompt(ns[0]);")]
    [InlineData("if (ns is [var first, ..] && ReaderGuard.TrySubstitute(user, first, out _)) return first.Summary; return null;")]
    [InlineData("if (!ns.All(n => ReaderGuard.Assess(user, n).IsSafe)) return null; return ns.Select(n => n.Summary).ToList();")]
    [InlineData("if (ns.Count == 0 || !ReaderGuard.Assess(user, ns[0]).IsSafe) return null; return ns.Count;")]
    public Task A_check_of_one_element_covers_that_element(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var ns = index.NearestNeighbours(user, 5);
                    {{rest}}
            """));

    [Fact]
    public Task Early_return_on_the_verdict_guards_the_rest() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    var verdict = ReaderGuard.Assess(user, other);
                    if (!verdict.IsSafe)
                        return null;
                    return Render.Prompt(other);
            """));

    [Theory]
    [InlineData("if (user.Id.StartsWith(\"vip\")) ok = true;")]
    [InlineData("ok = true;")]
    [InlineData("ok = ok || user.Id.StartsWith(\"vip\");")]
    [InlineData("if (overrides.Contains(user.Id)) ok = overrides.Count > 0;")]
    [InlineData("ok |= overrides.Contains(user.Id);")]
    public Task A_verdict_local_given_another_answer_before_the_branch_no_longer_decides(string overriding) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    var ok = ReaderGuard.Assess(user, other).IsSafe;
                    {{overriding}}
                    if (!ok)
                        return null;
                    return Render.Prompt(other);
            """, "public string? Run(Reader user, System.Collections.Generic.HashSet<string> overrides)"));

    [Theory]
    [InlineData("bool ok = false;\n if (user.Id.Length > 0) ok = ReaderGuard.TrySubstitute(user, other, out _);")]
    [InlineData("var risky = true;\n if (user.Id.Length > 0) risky = !ReaderGuard.Assess(user, other).IsSafe;\n var ok = !risky;")]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n if (user.Id.Length == 0) ok = false;")]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n var spare = index.Lookalike(user);\n if (ok) ok = ReaderGuard.Assess(user, spare).IsSafe;")]
    [InlineData("var ok = true;\n if (user.Id.Length > 0) ok = ReaderGuard.Assess(user, other).IsSafe;\n else return null;")]
    [InlineData("var ok = user.Id.Length > 0;\n ok = ReaderGuard.TrySubstitute(user, other, out _);")]
    [InlineData("var ok = true;\n ok &= ReaderGuard.Assess(user, other).IsSafe;")]
    [InlineData("var ok = user.Id.Length > 0;\n ok &= other is not null && ReaderGuard.Assess(user, other).IsSafe;")]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n ok &= user.Id.Length > 0;")]
    [InlineData("var ok = true;\n ok = ok && ReaderGuard.Assess(user, other).IsSafe;")]
    [InlineData("var ok = user.Id.Length > 0;\n ok = ok && other is not null && ReaderGuard.Assess(user, other).IsSafe;")]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n ok = ok && user.Id.Length > 0;")]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n ok = user.Id.Length > 0 && ok;")]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n ok = user.Id.Length > 0 && (ok && overrides.Count == 0);")]
    [InlineData("var risky = !ReaderGuard.Assess(user, other).IsSafe;\n risky = risky || user.Id.Length == 0;\n var ok = !risky;")]
    public Task A_verdict_local_given_only_unsafe_constants_or_other_verdicts_still_decides(string verdict) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = index.Lookalike(user);
                    {{verdict}}
                    if (!ok)
                        return null;
                    return Render.Prompt(other);
            """, "public string? Run(Reader user, System.Collections.Generic.HashSet<string> overrides)"));

    [Theory]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n ok = user.Id.Length > 0 && (ok || overrides.Count == 0);")]
    [InlineData("var ok = ReaderGuard.Assess(user, other).IsSafe;\n ok = ok && user.Id.Length > 0 || overrides.Count == 0;")]
    [InlineData("var risky = !ReaderGuard.Assess(user, other).IsSafe;\n risky = risky && user.Id.Length == 0;\n var ok = !risky;")]
    public Task A_verdict_local_joined_with_another_answer_the_wrong_way_no_longer_decides(string verdict) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    {{verdict}}
                    if (!ok)
                        return null;
                    return Render.Prompt(other);
            """, "public string? Run(Reader user, System.Collections.Generic.HashSet<string> overrides)"));

    // The user's own profile stood in on the unsafe way (what the band-check fix writes where leaving has no value):
    // the local no longer holds the substitute there, also where a tuple or a local function reads it.
    [Theory]
    [InlineData("return twin is null ? (user, 1.0) : (twin, ReaderGuard.Similarity(user, twin));")]
    [InlineData("string Describe() => Render.Prompt(twin!); if (twin is null) return (user, 0); return (user, Describe().Length);")]
    public Task A_substitute_replaced_by_the_own_profile_on_the_unsafe_way_is_checked_where_a_tuple_or_local_function_reads_it(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var twin = index.FindNearest(user);
                    if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                        twin = user;
                    {{rest}}
            """, "public (Reader, double) Run(Reader user)"));

    [Theory]
    [InlineData("return twin is null ? (user, 1.0) : (twin, ReaderGuard.Similarity(user, twin));")]
    [InlineData("string Describe() => Render.Prompt(twin!); if (twin is null) return (user, 0); return (user, Describe().Length);")]
    public Task A_substitute_not_replaced_is_reported_where_a_tuple_or_local_function_reads_it(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null)
                        twin = user;
                    {{rest}}
            """, "public (Reader, double) Run(Reader user)"));

    [Fact]
    public Task A_verdict_deconstructed_into_locals_decides_where_they_are_read() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    var verdict = ReaderGuard.Assess(user, other);
                    var (safe, confidence) = (verdict.IsSafe, verdict.Confidence);
                    if (!safe)
                        return null;
                    return Render.Prompt(other) + confidence;
            """));

    [Fact]
    public Task A_deconstructed_element_that_is_not_the_verdict_decides_nothing() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    var verdict = ReaderGuard.Assess(user, other);
                    var (safe, fresh) = (verdict.IsSafe, user.Id.Length > 0);
                    if (!fresh)
                        return null;
                    return Render.Prompt(other);
            """));

    [Fact]
    public Task Substitutes_zipped_with_their_users_are_judged_at_their_own_position() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Shop;
            public class Batch
            {
                private readonly IReaderIndex index = null!;
                public async Task<List<string>> Checked(IReadOnlyList<Reader> users)
                {
                    var twins = await Task.WhenAll(users.Select(u => index.FindNearestAsync(u)));
                    var result = new List<string>();
                    foreach (var (user, twin) in users.Zip(twins))
                        result.Add(twin is not null && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : user.Summary);
                    return result;
                }
                public async Task<List<string>> CheckedBySelector(IReadOnlyList<Reader> users)
                {
                    var twins = await Task.WhenAll(users.Select(u => index.FindNearestAsync(u)));
                    return users.Zip(twins, (user, twin) => twin is not null && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : user.Summary).ToList();
                }
                public async Task<List<string>> Unchecked(IReadOnlyList<Reader> users)
                {
                    var twins = await Task.WhenAll(users.Select(u => index.FindNearestAsync(u)));
                    var result = new List<string>();
                    foreach ({|PERSONA001:var (user, twin)|} in users.Zip(twins))
                        result.Add(twin?.Summary ?? user.Summary);
                    return result;
                }
                public async Task<List<string>> UncheckedBySelector(IReadOnlyList<Reader> users)
                {
                    var twins = {|PERSONA001:await Task.WhenAll(users.Select(u => index.FindNearestAsync(u)))|};
                    return users.Zip(twins, (user, twin) => twin?.Summary ?? user.Summary).ToList();
                }
                // The selector returns the twin itself, only on the checked way (probe 9a, repro 04).
                public List<Reader> ProfilesBySelector(List<Reader> users)
                {
                    var twins = users.Select(u => index.FindNearest(u)).ToList();
                    return users.Zip(twins, (u, t) => t is not null && ReaderGuard.Assess(u, t).IsSafe ? t : u).ToList();
                }
                public List<Reader> ProfilesByBlockSelector(List<Reader> users)
                {
                    var twins = users.Select(u => index.FindNearest(u)).ToList();
                    return users.Zip(twins, (u, t) => { if (t is null || !ReaderGuard.TrySubstitute(u, t, out _)) return u; return t; }).ToList();
                }
                public List<Reader> UncheckedProfilesBySelector(List<Reader> users)
                {
                    var twins = {|PERSONA001:users.Select(u => index.FindNearest(u))|}.ToList();
                    return users.Zip(twins, (u, t) => t ?? u).ToList();
                }
            }
            """);

    [Theory]
    [InlineData("(SimilarityBand.NearMatch, _) => Render.Prompt(other), _ => null", true)]
    [InlineData("(_, true) => Render.Prompt(other), _ => null", true)]
    [InlineData("(_, _) => Render.Prompt(other)", true)]
    [InlineData("(SimilarityBand.NearMatch, true) => null, _ => Render.Prompt(other)", true)]
    [InlineData("(SimilarityBand.Moderate, _) => Render.Prompt(other), _ => null", false)]
    [InlineData("(SimilarityBand.Moderate, true) => Render.Prompt(other), _ => null", false)]
    [InlineData("(SimilarityBand.NearMatch, _) => null, _ => Render.Prompt(other)", false)]
    public Task A_switch_on_a_tuple_holding_the_band_decides_by_the_bands_its_arms_name(string arms, bool reported) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = {{(reported ? "{|PERSONA001:index.Lookalike(user)|}" : "index.Lookalike(user)")}};
                    return (ReaderGuard.Classify(user, other), user.Id.Length > 3) switch { {{arms}} };
            """));

    [Theory]
    [InlineData("case (SimilarityBand.Moderate, _): return Render.Prompt(other);", false)]
    [InlineData("case (_, true): return Render.Prompt(other);", true)]
    public Task A_switch_statement_on_a_tuple_holding_the_band_decides_by_the_bands_its_cases_name(string cases, bool reported) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = {{(reported ? "{|PERSONA001:index.Lookalike(user)|}" : "index.Lookalike(user)")}};
                    switch (ReaderGuard.Classify(user, other), user.Id.Length > 3)
                    {
                        {{cases}}
                        default: return null;
                    }
            """));

    [Theory]
    [InlineData("return ReaderGuard.Classify(user, other) switch { SimilarityBand.Self => null, SimilarityBand.NearMatch => Render.Prompt(other), _ => null };", true)]
    [InlineData("if (ReaderGuard.Classify(user, other) is SimilarityBand.Self) return null;\n return Render.Prompt(other);", true)]
    [InlineData("return ReaderGuard.Classify(user, other) != SimilarityBand.Self ? Render.Prompt(other) : null;", true)]
    [InlineData("return ReaderGuard.Classify(user, other) switch { SimilarityBand.Self => null, _ => Render.Prompt(other) };", true)]
    [InlineData("return ReaderGuard.Classify(user, other) switch { SimilarityBand.Self => null, SimilarityBand.Moderate => Render.Prompt(other), _ => null };", false)]
    [InlineData("return ReaderGuard.Classify(user, other) is SimilarityBand.Self or SimilarityBand.Moderate ? Render.Prompt(other) : null;", false)]
    public Task A_test_for_the_Self_band_matches_no_band_a_substitute_can_be_in(string body, bool reported) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = {{(reported ? "{|PERSONA001:index.Lookalike(user)|}" : "index.Lookalike(user)")}};
                    {{body}}
            """));

    [Theory]
    [InlineData("catch (ArgumentException) { }", true)]
    [InlineData("catch (ArgumentException e) when (e.Message.Length > 0) { }", true)]
    [InlineData("catch (ArgumentException) { throw; }", false)]
    [InlineData("catch (ArgumentException) { return null; }", false)]
    [InlineData("finally { }", false)]
    public Task A_handler_that_swallows_an_exception_from_the_check_is_a_way_round_it(string handler, bool reported) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = {{(reported ? "{|PERSONA001:index.Lookalike(user)|}" : "index.Lookalike(user)")}};
                    try
                    {
                        if (!ReaderGuard.Assess(user, other).IsSafe)
                            return null;
                    }
                    {{handler}}
                    return Render.Prompt(other);
            """));

    [Fact]
    public Task A_use_inside_the_try_after_the_check_is_checked_whatever_the_handler_does() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    try
                    {
                        var other = index.Lookalike(user);
                        if (!ReaderGuard.Assess(user, other).IsSafe)
                            return null;
                        return Render.Prompt(other);
                    }
                    catch (ArgumentException)
                    {
                        return user.Summary;
                    }
            """));

    [Fact]
    public Task Is_pattern_on_the_band_guards_the_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    if (ReaderGuard.Classify(user, other) is SimilarityBand.NearMatch or SimilarityBand.Distant)
                        return null;
                    return other.Purchases;
            """));

    [Fact]
    public Task Switch_statement_on_the_band_guards_the_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    switch (ReaderGuard.Classify(user, other))
                    {
                        case SimilarityBand.Moderate:
                            return Render.Prompt(other);
                        default:
                            return null;
                    }
            """));

    [Fact]
    public Task Switch_expression_on_the_band_guards_the_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    return ReaderGuard.Classify(user, other) switch
                    {
                        SimilarityBand.Moderate => Render.Prompt(other),
                        _ => null,
                    };
            """));

    [Fact]
    public Task Conditional_expression_on_TrySubstitute_guards_the_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    return ReaderGuard.TrySubstitute(user, other, out var verdict) ? Render.Blend(user, other, verdict.Confidence) : null;
            """));

    [Fact]
    public Task Or_else_short_circuit_guards_the_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    if (!ReaderGuard.Assess(user, other).IsSafe || other.Summary.Length == 0)
                        return null;
                    return other.Summary;
            """));

    [Fact]
    public Task Runtime_bands_over_the_guard_similarity_count_as_a_check() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    var similarity = ReaderGuard.Similarity(user, other);
                    if (SimilarityBands.Default.Classify(similarity) != SimilarityBand.Moderate)
                        return null;
                    return other.Summary;
            """));

    [Fact]
    public Task Runtime_policy_verdict_counts_as_a_check() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    var verdict = SubstitutionPolicy.Default.Assess(ReaderGuard.Similarity(user, other));
                    return verdict.IsSafe ? other.Summary : null;
            """));

    [Fact]
    public Task Verdict_that_travels_with_the_use_counts_as_a_check() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    var verdict = ReaderGuard.Assess(user, other);
                    return Render.Blend(user, other, verdict.Confidence);
            """));

    [Fact]
    public Task Throwing_void_check_guards_the_rest() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    ReaderGuard.EnsureSafe(user, other);
                    return other.Summary;
            """));

    [Fact]
    public Task Check_on_one_branch_only_leaves_the_other_unchecked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    if (user.Summary.Length > 0)
                    {
                        if (ReaderGuard.Classify(user, other) != SimilarityBand.Moderate)
                            return null;
                    }
                    return other.Summary;
            """));

    [Fact]
    public Task Check_whose_result_does_not_decide_the_path_does_not_count() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    if (ReaderGuard.Classify(user, other) == SimilarityBand.NearMatch)
                        Console.WriteLine("near match");
                    return other.Summary;
            """));

    [Fact]
    public Task Check_after_the_use_does_not_count() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    var prompt = Render.Prompt(other);
                    if (ReaderGuard.Classify(user, other) != SimilarityBand.Moderate)
                        return null;
                    return prompt;
            """));

    [Fact]
    public Task Check_of_a_different_profile_does_not_count() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    var own = index.Own(user.Id)!;
                    if (ReaderGuard.Classify(user, own) != SimilarityBand.Self)
                        return null;
                    return other.Summary;
            """));

    [Fact]
    public Task Where_with_a_check_checks_the_elements_that_pass() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var safe = index.NearestNeighbours(user, 10).Where(c => ReaderGuard.Assess(user, c).IsSafe).ToList();
                    return safe.Select(c => c.Summary).ToList();
            """));

    [Fact]
    public Task Where_without_a_check_keeps_the_elements_substitutes() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var recent = {|PERSONA001:index.NearestNeighbours(user, 10)|}.Where(c => c.Summary.Length > 0).ToList();
                    return recent.Select(c => c.Summary).ToList();
            """));

    [Theory]
    [InlineData("c => ReaderGuard.Assess(user, c).IsSafe || c.Summary.Length > 100")]
    [InlineData("c => !ReaderGuard.Assess(user, c).IsSafe")]
    [InlineData("c => ReaderGuard.Assess(user, c).IsSafe ? c.Id.Length > 0 : c.Summary.Length > 0")]
    [InlineData("c => { return !ReaderGuard.TrySubstitute(user, c, out _) || c.Id == \"vip\"; }")]
    public Task Where_whose_predicate_lets_elements_pass_without_the_check_keeps_them_substitutes(string predicate) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var picked = {|PERSONA001:index.NearestNeighbours(user, 10)|}.Where({{predicate}}).ToList();
                    return picked.Select(c => c.Summary).ToList();
            """));

    [Theory]
    [InlineData("c => ReaderGuard.Assess(user, c).IsSafe && c.Summary.Length > 0")]
    [InlineData("c => c.Summary.Length > 0 && (ReaderGuard.TrySubstitute(user, c, out _))")]
    public Task Where_whose_predicate_requires_the_check_checks_the_elements(string predicate) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var picked = index.NearestNeighbours(user, 10).Where({{predicate}}).ToList();
                    return picked.Select(c => c.Summary).ToList();
            """));

    // A local function given as the predicate reads as the lambda written in place.
    [Theory]
    [InlineData("bool Keep(Reader c) => ReaderGuard.Assess(user, c).IsSafe;")]
    [InlineData("bool Keep(Reader c) { var verdict = ReaderGuard.Classify(user, c); return verdict == SimilarityBand.Moderate; }")]
    [InlineData("static bool Unrelated() => true; bool Keep(Reader c) => c.Summary.Length > 0 && ReaderGuard.TrySubstitute(user, c, out _);")]
    public Task Where_with_a_local_function_that_checks_checks_the_elements(string function) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    {{function}}
                    var picked = index.NearestNeighbours(user, 10).Where(Keep).ToList();
                    return index.NearestNeighbours(user, 3).FirstOrDefault(Keep)?.Summary ?? picked.Count.ToString();
            """));

    [Theory]
    [InlineData("Func<Reader, bool> keep = c => ReaderGuard.Assess(user, c).IsSafe;", "")]
    [InlineData("Func<Reader, bool> keep = c => ReaderGuard.Assess(user, c).IsSafe;", "keep = c => true;")]
    [InlineData("Func<Reader, bool> keep = c => c.Summary.Length > 0;", "")]
    public Task Where_with_a_predicate_kept_in_a_local_is_read_as_the_lambda(string kept, string rewritten) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    {{kept}}
                    {{rewritten}}
                    var picked = {{(kept.Contains("Assess") && rewritten.Length == 0 ? "" : "{|PERSONA001:")}}index.NearestNeighbours(user, 10){{(kept.Contains("Assess") && rewritten.Length == 0 ? "" : "|}")}}.Where(keep).ToList();
                    return picked.Select(c => c.Summary).ToList();
            """));

    [Theory]
    [InlineData("bool Keep(Reader c) => c.Summary.Length > 0;")]
    [InlineData("bool Keep(Reader c) => ReaderGuard.Assess(user, c).IsSafe || c.Summary.Length > 100;")]
    [InlineData("bool Keep(Reader c) => ReaderGuard.Classify(user, c) is SimilarityBand.NearMatch or SimilarityBand.Moderate;")]
    [InlineData("bool Keep(Reader c) => ReaderGuard.Assess(user, user).IsSafe;")]
    public Task Where_with_a_local_function_that_lets_elements_pass_unchecked_keeps_them_substitutes(string function) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    {{function}}
                    var picked = {|PERSONA001:index.NearestNeighbours(user, 10)|}.Where(Keep).ToList();
                    return picked.Select(c => c.Summary).ToList();
            """));

    // CandidateVetter.Vet hands back every candidate beside its verdict, the rejected ones too: each is checked only
    // where its verdict decides.
    [Theory]
    [InlineData("return vetter.Vet(user, pool).Where(v => v.Verdict.IsSafe).Select(v => v.Profile.Summary).ToList();")]
    [InlineData("var kept = new List<string>(); foreach (var v in vetter.Vet(user, pool)) { if (!v.Verdict.IsSafe) continue; kept.Add(v.Profile.Summary); } return kept;")]
    [InlineData("return vetter.Vet(user, pool).Count(v => v.Verdict.Band == SimilarityBand.NearMatch);")]
    [InlineData("return vetter.Vet(user, pool).Select(v => v.Verdict.Reason).ToList();")]
    [InlineData("return vetter.SafestSubstitute(user, pool)?.Profile.Summary;")]
    [InlineData("return (await vetter.VetAsync(source, user, 400)).FirstOrDefault(v => v.Verdict.IsSafe).Profile?.Summary;")]
    public Task Vetted_candidates_read_by_their_verdict_are_checked(string body) =>
        Verify.VerifyAsync(Vetting(body));

    [Theory]
    [InlineData("return {|PERSONA001:vetter.Vet(user, pool)|}.Select(v => v.Profile.Summary).ToList();")]
    [InlineData("return {|PERSONA001:vetter.Vet(user, pool).First()|}.Profile.Summary;")]
    [InlineData("var vetted = {|PERSONA001:await vetter.VetAsync(source, user, 400)|}; return vetted.Select(v => v.Profile).ToList();")]
    [InlineData("return {|PERSONA001:vetter.Vet(user, pool)|}.Where(v => v.Verdict.IsSafe || v.Verdict.Band == SimilarityBand.NearMatch).Select(v => v.Profile.Summary).ToList();")]
    public Task Vetted_candidates_read_without_their_verdict_are_reported(string body) =>
        Verify.VerifyAsync(Vetting(body));

    private static string Vetting(string body) => $$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using PersonaAnalyzers;
        using Shop;

        public class Panel
        {
            private readonly CandidateVetter<Reader> vetter = null!;
            private readonly ICandidateSource<Reader> source = null!;

            public async Task<object?> Run(Reader user, List<Reader> pool)
            {
                await Task.Yield();
                {{body}}
            }
        }
        """;

    // A verdict bound by a var pattern decides where it is read, as one kept in a local does.
    [Theory]
    [InlineData("var twin = index.FindNearest(user); return twin is not null && ReaderGuard.Assess(user, twin) is var v && v.IsSafe ? twin.Summary : null;")]
    [InlineData("var twin = index.FindNearest(user); if (twin is null) return null; switch (ReaderGuard.Assess(user, twin)) { case var v when v.IsSafe: return twin.Summary; default: return null; }")]
    [InlineData("return index.FindNearest(user) is { } twin ? ReaderGuard.Assess(user, twin) switch { var v when v.IsSafe => twin.Summary, _ => null } : null;")]
    public Task Verdict_bound_by_a_var_pattern_decides(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    // The generated guard's IsSelf compares keys: no use of the profile.
    [Fact]
    public Task Guard_IsSelf_is_no_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = index.FindNearest(user);
                    return twin is not null && ShopGuard.IsSelf(user, twin);
            """) + """

            public static class ShopGuard { public static bool IsSelf(Reader target, Reader candidate) => target.Id == candidate.Id; }
            """);

    [Theory]
    [InlineData("var twin = {|PERSONA001:index.FindNearest(user)|}; return twin is not null && ReaderGuard.Assess(user, twin) is var v && !v.IsSafe ? twin.Summary : null;")]
    public Task Verdict_bound_by_a_var_pattern_read_the_wrong_way_is_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    // The answer kept first (a bool local, a field, a switch's captured value) or compared with a constant keeps its
    // sense: the substitute used only where it said unsafe is reported (probe 12a, repro 01), the right way round is not.
    [Theory]
    [InlineData("var ok = ReaderGuard.Assess(user, twin).IsSafe; if (!ok) return twin.Summary; return user.Summary;")]
    [InlineData("var ok = ReaderGuard.TrySubstitute(user, twin, out _); return ok ? user.Summary : twin.Summary;")]
    [InlineData("_ok = ReaderGuard.Assess(user, twin).IsSafe; if (!_ok) return twin.Summary; return user.Summary;")]
    [InlineData("if (ReaderGuard.Assess(user, twin).IsSafe == false) return twin.Summary; return user.Summary;")]
    [InlineData("if (true != ReaderGuard.Assess(user, twin).IsSafe) return twin.Summary; return user.Summary;")]
    [InlineData("return ReaderGuard.TrySubstitute(user, twin, out _) is false ? twin.Summary : user.Summary;")]
    [InlineData("return ReaderGuard.TrySubstitute(user, twin, out _) is not true ? twin.Summary : user.Summary;")]
    [InlineData("return ReaderGuard.Assess(user, twin).IsSafe switch { false => twin.Summary, true => user.Summary };")]
    [InlineData("var risky = !ReaderGuard.Assess(user, twin).IsSafe; var ok = risky; if (ok) return twin.Summary; return user.Summary;")]
    [InlineData("var ok = ReaderGuard.Assess(user, twin).IsSafe; if (ok == false) return twin.Summary; return user.Summary;")]
    public Task A_kept_or_constant_compared_answer_used_the_unsafe_way_is_reported(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null) return user.Summary;
                    {{rest}}
            """, "private bool _ok;\n    public string Run(Reader user)"));

    [Theory]
    [InlineData("var ok = ReaderGuard.Assess(user, twin).IsSafe; if (!ok) return user.Summary; return twin.Summary;")]
    [InlineData("var ok = ReaderGuard.TrySubstitute(user, twin, out _); return ok ? twin.Summary : user.Summary;")]
    [InlineData("_ok = ReaderGuard.Assess(user, twin).IsSafe; if (!_ok) return user.Summary; return twin.Summary;")]
    [InlineData("if (ReaderGuard.Assess(user, twin).IsSafe == false) return user.Summary; return twin.Summary;")]
    [InlineData("if (true != ReaderGuard.Assess(user, twin).IsSafe) return user.Summary; return twin.Summary;")]
    [InlineData("return ReaderGuard.TrySubstitute(user, twin, out _) is false ? user.Summary : twin.Summary;")]
    [InlineData("return ReaderGuard.TrySubstitute(user, twin, out _) is not true ? user.Summary : twin.Summary;")]
    [InlineData("return ReaderGuard.Assess(user, twin).IsSafe switch { false => user.Summary, true => twin.Summary };")]
    [InlineData("var risky = !ReaderGuard.Assess(user, twin).IsSafe; var ok = risky; if (ok) return user.Summary; return twin.Summary;")]
    [InlineData("var ok = ReaderGuard.Assess(user, twin).IsSafe; if (ok == false) return user.Summary; return twin.Summary;")]
    [InlineData("var ok = ReaderGuard.Assess(user, twin).IsSafe; if (user.Id.Length > 3) ok = !ReaderGuard.TrySubstitute(user, twin, out _); if (ok) return twin.Summary; return user.Summary;")]
    public Task A_kept_or_constant_compared_answer_used_the_safe_way_is_a_check(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var twin = index.FindNearest(user);
                    if (twin is null) return user.Summary;
                    {{rest}}
            """, "private bool _ok;\n    public string Run(Reader user)"));

    [Fact]
    public Task SafestSubstitute_over_the_collection_is_a_check() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var best = ReaderGuard.SafestSubstitute(user, index.NearestNeighbours(user, 10));
                    return best?.Summary;
            """));

    // An array's foreach enumerates through the non-generic enumerator: its elements are substitutes all the same.
    [Theory]
    [InlineData("foreach (var {|PERSONA001:twin|} in index.NearestNeighbours(user, 5).ToArray()) cards.Add(twin.Summary);")]
    [InlineData("var twins = await Task.WhenAll(new[] { user, user }.Select(u => index.FindNearestAsync(u))); foreach (var {|PERSONA001:twin|} in twins) cards.Add(twin!.Summary);")]
    [InlineData("foreach (var twin in index.NearestNeighbours(user, 5).ToArray()) if (ReaderGuard.Assess(user, twin).IsSafe) cards.Add(twin.Summary);")]
    public Task Foreach_over_an_array_of_substitutes(string loop) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var cards = new List<string>();
                    {{loop}}
                    return cards;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Foreach_with_a_check_per_element_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var prompts = new List<string>();
                    foreach (var other in index.NearestNeighbours(user, 5))
                    {
                        if (!ReaderGuard.TrySubstitute(user, other, out _))
                            continue;
                        prompts.Add(other.Summary);
                    }
                    return prompts;
            """));

    [Fact]
    public Task Check_inside_a_loop_that_may_not_run_does_not_cover_the_use_after_it() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    for (var i = 0; i < user.Summary.Length; i++)
                    {
                        if (ReaderGuard.Classify(user, other) != SimilarityBand.Moderate)
                            return null;
                    }
                    return other.Summary;
            """));

    [Fact]
    public Task Async_method_with_an_awaited_substitute_and_a_check_is_clean() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = await index.FindNearestAsync(user);
                    if (other is null || !ReaderGuard.Assess(user, other).IsSafe)
                        return null;
                    return other.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Lambda_body_is_analyzed_on_its_own() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Func<Reader, string?> describe = u =>
                    {
                        var other = index.Lookalike(u);
                        return ReaderGuard.Classify(u, other) == SimilarityBand.Moderate ? other.Summary : null;
                    };
                    Func<Reader, string> bare = u => {|PERSONA001:index.Lookalike(u)|}.Summary;
                    return (describe, bare);
            """));

    [Fact]
    public Task Lambda_that_checks_its_capture_is_clean() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    Func<string?> prompt = () => ReaderGuard.Classify(user, other) == SimilarityBand.Moderate ? other.Summary : null;
                    return prompt;
            """));

    [Fact]
    public Task Local_function_is_analyzed_on_its_own() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return Describe(user);

                    string Describe(Reader target)
                    {
                        var other = {|PERSONA001:index.Lookalike(target)|};
                        return other.Summary;
                    }
            """));

    [Fact]
    public Task Local_function_that_returns_a_substitute_hands_it_to_the_body_that_calls_it() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = Resolve(user);
                    if (twin is null || !ReaderGuard.Assess(user, twin).IsSafe)
                        return user.Summary;
                    var text = twin.Summary + {|PERSONA001:Resolve(user)|}!.Summary;
                    return text + Twins().Count;

                    Reader? Resolve(Reader target) => index.FindNearest(target);
                    IReadOnlyList<Reader> Twins() => index.NearestNeighbours(user, 3);
            """));

    [Fact]
    public Task Local_function_that_returns_a_substitute_is_a_source_however_it_is_called() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    foreach (var {|PERSONA001:n|} in Twins())
                        Render.Prompt(n);
                    var awaited = {|PERSONA001:await ResolveAsync()|};
                    return Render.Prompt(awaited!);

                    IEnumerable<Reader> Twins()
                    {
                        foreach (var n in index.NearestNeighbours(user, 3))
                            yield return n;
                    }
                    async Task<Reader?> ResolveAsync() => await index.FindNearestAsync(user);
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Local_function_that_checks_what_it_returns_owes_its_callers_nothing() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return Render.Prompt(Pick(user)) + Render.Prompt(Pick(user));

                    Reader Pick(Reader target)
                    {
                        var twin = index.FindNearest(target);
                        return twin is not null && ReaderGuard.Assess(target, twin).IsSafe ? twin : target;
                    }
            """));

    [Fact]
    public Task Local_function_that_also_uses_the_substitute_is_reported_for_that_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = Resolve();
                    return twin is not null && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : user.Summary;

                    Reader? Resolve()
                    {
                        var found = {|PERSONA001:index.FindNearest(user)|};
                        cached = found;
                        return found;
                    }
            """));

    [Fact]
    public Task Lambda_that_returns_a_substitute_to_the_call_it_is_given_hands_it_to_that_call() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;
            public static class Memo { public static T GetOrCreate<T>(string key, Func<T> create) => create(); }
            public class C
            {
                private readonly IReaderIndex index = null!;
                public async Task<string> Offloaded(Reader user)
                {
                    var twin = await Task.Run(() => index.FindNearest(user));
                    return twin is not null && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : user.Summary;
                }
                public string Cached(Reader user)
                {
                    var twin = Memo.GetOrCreate(user.Id, () => index.FindNearest(user));
                    if (twin is null || ReaderGuard.Classify(user, twin) != SimilarityBand.Moderate)
                        return user.Summary;
                    return twin.Summary;
                }
                public List<string> Projected(List<Reader> users)
                {
                    var twins = users.Select(u => index.FindNearest(u)).ToList();
                    var result = new List<string>();
                    for (var i = 0; i < users.Count; i++)
                    {
                        if (twins[i] is { } twin && ReaderGuard.Assess(users[i], twin).IsSafe)
                            result.Add(twin.Summary);
                    }
                    return result;
                }
                public async Task<string> OffloadedUnchecked(Reader user) =>
                    ({|PERSONA001:await Task.Run(() => index.FindNearest(user))|})?.Summary ?? "";
                public string CachedUnchecked(Reader user) =>
                    Render.Prompt({|PERSONA001:Memo.GetOrCreate(user.Id, () => index.Lookalike(user))|});
                public List<string> ProjectedUnchecked(List<Reader> users) =>
                    {|PERSONA001:users.Select(u => index.Lookalike(u))|}.Select(Render.Prompt).ToList();
            }
            """);

    [Fact]
    public Task Lambda_that_checks_what_it_returns_leaves_the_call_clean() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var chosen = users.Select(u =>
                    {
                        var twin = index.FindNearest(u);
                        return twin is not null && ReaderGuard.Assess(u, twin).IsSafe ? twin : u;
                    }).ToList();
                    return chosen.Select(Render.Prompt).ToList();
            """, "public object? Run(List<Reader> users)"));

    [Fact]
    public Task Top_level_statements_are_analyzed() =>
        Verify.VerifyProgramAsync("""
            using Shop;
            IReaderIndex index = null!;
            var user = new Reader();
            var other = {|PERSONA001:index.Lookalike(user)|};
            System.Console.WriteLine(Render.Prompt(other));
            """);

    [Fact]
    public Task Expression_bodied_member_is_analyzed() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private readonly IReaderIndex index = null!;
                public string Prompt(Reader user) => Render.Prompt({|PERSONA001:index.Lookalike(user)|});
                public string? Checked(Reader user) => index.Lookalike(user) is var other && ReaderGuard.Assess(user, other).IsSafe ? other.Summary : null;
            }
            """);

    [Fact]
    public Task User_check_method_with_the_attribute_counts() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public static class Vetting { [SimilarityBandCheck] public static bool IsSafeFor(Reader candidate, Reader target) => false; }
            public class C
            {
                public string? Run(IReaderIndex index, Reader user)
                {
                    var other = index.Lookalike(user);
                    return Vetting.IsSafeFor(other, user) ? other.Summary : null;
                }
            }
            """);

    [Fact]
    public Task Check_method_from_editorconfig_counts() =>
        Verify.VerifyAsync("""
            using Shop;
            namespace Acme
            {
                public static class Vetting { public static bool IsSafeFor(Reader candidate, Reader target) => false; }
                public class C
                {
                    public string? Run(IReaderIndex index, Reader user)
                    {
                        var other = index.Lookalike(user);
                        return Vetting.IsSafeFor(other, user) ? other.Summary : null;
                    }
                }
            }
            """, "persona_analyzers.check_methods = Acme.Vetting.IsSafeFor\n");

    [Fact]
    public Task Diagnostic_carries_what_the_code_fix_needs() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return index.FindNearest(user);
            """), null,
            Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("PERSONA001")
                .WithSpan(16, 16, 16, 39).WithSpan(16, 16, 16, 39)
                .WithArguments("index.FindNearest(user)", "returned"));

    [Fact]
    public Task Own_wrapper_of_a_check_counts_once_it_carries_the_attribute() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public string LocalWrapper(Reader user)
                {
                    var donor = _index.Lookalike(user);
                    return IsSafe(donor) ? Render.Prompt(donor) : user.Summary;
                    [SimilarityBandCheck] bool IsSafe(Reader candidate) => ReaderGuard.Assess(user, candidate).IsSafe;
                }
                public string PrivateWrapper(Reader user)
                {
                    var donor = _index.Lookalike(user);
                    if (!IsSafeDonor(user, donor))
                        return user.Summary;
                    return Render.Prompt(donor);
                }
                [SimilarityBandCheck]
                private static bool IsSafeDonor(Reader user, Reader donor) => ReaderGuard.Assess(user, donor).IsSafe && donor.Summary.Length > 0;
                public string UnmarkedWrapper(Reader user)
                {
                    var donor = {|PERSONA001:_index.Lookalike(user)|};
                    return IsSafe(donor) ? Render.Prompt(donor) : user.Summary;
                    bool IsSafe(Reader candidate) => ReaderGuard.Assess(user, candidate).IsSafe;
                }
            }
            """);

    [Fact]
    public Task Conditional_expression_on_a_check_picks_the_substitute_only_when_safe() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader Property(Reader user) { var twin = _index.Lookalike(user); return ReaderGuard.Assess(user, twin).IsSafe ? twin : user; }
                public Reader Pattern(Reader user) { var twin = _index.Lookalike(user); return ReaderGuard.Assess(user, twin) is { IsSafe: true, Confidence: > 0.5 } ? twin : user; }
                public Reader Band(Reader user) { var twin = _index.Lookalike(user); return ReaderGuard.Classify(user, twin) is SimilarityBand.Moderate ? twin : user; }
                public string Argument(Reader user) { var twin = _index.Lookalike(user); return Render.Prompt(ReaderGuard.Assess(user, twin).IsSafe ? twin : user); }
                public Reader Nested(Reader user, bool fresh) { var twin = _index.Lookalike(user); return fresh ? (ReaderGuard.Assess(user, twin).IsSafe ? twin : user) : user; }
            }
            """);

    [Fact]
    public Task Conditional_expression_on_anything_else_is_not_a_check() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader Flag(Reader user, bool flag) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return flag ? twin : user; }
                public Reader NullTest(Reader user) { var twin = {|PERSONA001:_index.FindNearest(user)|}; return twin is null ? user : twin; }
                public string Argument(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return Render.Prompt(user.Summary.Length > 3 ? twin : user); }
                public Reader CheckedOnOneWayOnly(Reader user, bool fresh) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return fresh ? (ReaderGuard.Assess(user, twin).IsSafe ? twin : user) : twin; }
            }
            """);

    [Fact]
    public Task Element_picked_by_a_checking_predicate_is_checked() =>
        Verify.VerifyAsync("""
            using System.Linq;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public string? First(Reader user) => _index.NearestNeighbours(user, 10).FirstOrDefault(c => ReaderGuard.Assess(user, c).IsSafe)?.Summary;
                public Reader? Single(Reader user) => _index.NearestNeighbours(user, 10).SingleOrDefault(c => ReaderGuard.Classify(user, c) == SimilarityBand.Moderate);
                public Reader? Find(Reader user) => _index.NearestNeighbours(user, 10).ToList().Find(c => ReaderGuard.Assess(user, c).IsSafe);
                public Reader? Unchecked(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 10).FirstOrDefault(c => c.Summary.Length > 0)|};
            }
            """);

    [Fact]
    public Task Substitute_used_only_on_the_unsafe_way_of_a_known_check_is_reported() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader Inverted(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; if (ReaderGuard.Assess(user, twin).IsSafe) return user; return twin; }
                public Reader Negated(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; if (!ReaderGuard.Assess(user, twin).IsSafe) return twin; return user; }
                public Reader Try(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; if (!ReaderGuard.TrySubstitute(user, twin, out _)) return twin; return user; }
                public Reader Conditional(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return ReaderGuard.Assess(user, twin).IsSafe ? user : twin; }
            }
            """);

    [Fact]
    public Task Substitute_used_on_the_safe_way_of_a_known_check_is_clean() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader Safe(Reader user) { var twin = _index.Lookalike(user); if (ReaderGuard.Assess(user, twin).IsSafe) return twin; return user; }
                public Reader EarlyExit(Reader user) { var twin = _index.Lookalike(user); if (!ReaderGuard.Assess(user, twin).IsSafe) return user; return twin; }
                public Reader Try(Reader user) { var twin = _index.Lookalike(user); if (!ReaderGuard.TrySubstitute(user, twin, out _)) return user; return twin; }
                public Reader Conditional(Reader user) { var twin = _index.Lookalike(user); return !ReaderGuard.Assess(user, twin).IsSafe ? user : twin; }
                public Reader And(Reader user) { var twin = _index.Lookalike(user); var v = ReaderGuard.Assess(user, twin); if (v.IsSafe && twin.Summary.Length > 0) return twin; return user; }
                public Reader Or(Reader user) { var twin = _index.Lookalike(user); var v = ReaderGuard.Assess(user, twin); if (!v.IsSafe || twin.Summary.Length == 0) return user; return twin; }
            }
            """);

    [Fact]
    public Task Substitute_used_on_an_unsafe_band_is_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader NearMatch(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; if (ReaderGuard.Classify(user, twin) == SimilarityBand.NearMatch) return twin; return user; }
                public Reader NotModerate(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return ReaderGuard.Classify(user, twin) != SimilarityBand.Moderate ? twin : user; }
                public Reader Pattern(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return ReaderGuard.Classify(user, twin) is SimilarityBand.NearMatch or SimilarityBand.Distant ? twin : user; }
                public Reader Inverted(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; if (ReaderGuard.Classify(user, twin) is SimilarityBand.Moderate) return user; return twin; }
                // Near-twins pass with the moderate band, or are on the way that is not the distant one.
                public Reader NotDistant(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return ReaderGuard.Classify(user, twin) != SimilarityBand.Distant ? twin : user; }
                public Reader UnlessDistant(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; if (ReaderGuard.Classify(user, twin) == SimilarityBand.Distant) return user; return twin; }
                public Reader NotNearOnTheOtherWay(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return ReaderGuard.Classify(user, twin) != SimilarityBand.NearMatch ? user : twin; }
                public Reader ModerateOrNear(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return ReaderGuard.Assess(user, twin).Band is SimilarityBand.Moderate or SimilarityBand.NearMatch ? twin : user; }
                public IEnumerable<Reader> Filtered(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Where(n => ReaderGuard.Classify(user, n) != SimilarityBand.Distant);
                public IEnumerable<Reader> FilteredByVerdict(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Where(n => ReaderGuard.Assess(user, n).Band is not SimilarityBand.Distant);
                public Reader Switch(Reader user)
                {
                    var twin = {|PERSONA001:_index.Lookalike(user)|};
                    switch (ReaderGuard.Classify(user, twin))
                    {
                        case SimilarityBand.NearMatch: return twin;
                        default: return user;
                    }
                }
                public Reader SwitchExpression(Reader user)
                {
                    var twin = {|PERSONA001:_index.Lookalike(user)|};
                    return ReaderGuard.Classify(user, twin) switch { SimilarityBand.Moderate => user, _ => twin };
                }
                public Reader SwitchExpressionVar(Reader user)
                {
                    var twin = {|PERSONA001:_index.Lookalike(user)|};
                    return ReaderGuard.Classify(user, twin) switch { SimilarityBand.Moderate => user, var other => twin };
                }
            }
            """);

    [Fact]
    public Task Substitute_used_on_a_safe_band_or_a_band_test_of_mixed_sense_is_clean() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader Moderate(Reader user) { var twin = _index.Lookalike(user); if (ReaderGuard.Classify(user, twin) == SimilarityBand.Moderate) return twin; return user; }
                public Reader NotUnsafe(Reader user) { var twin = _index.Lookalike(user); return ReaderGuard.Classify(user, twin) is not (SimilarityBand.NearMatch or SimilarityBand.Distant) ? twin : user; }
                public Reader EarlyExit(Reader user) { var twin = _index.Lookalike(user); if (ReaderGuard.Classify(user, twin) is SimilarityBand.NearMatch or SimilarityBand.Distant) return user; return twin; }
                public Reader Mixed(Reader user) { var twin = _index.Lookalike(user); return ReaderGuard.Classify(user, twin) != SimilarityBand.NearMatch ? twin : user; }
                public IEnumerable<Reader> Filtered(Reader user) => _index.NearestNeighbours(user, 5).Where(n => ReaderGuard.Classify(user, n) == SimilarityBand.Moderate);
                public IEnumerable<Reader> NotNear(Reader user) => _index.NearestNeighbours(user, 5).Where(n => ReaderGuard.Assess(user, n).Band != SimilarityBand.NearMatch);
                public Reader Switch(Reader user)
                {
                    var twin = _index.Lookalike(user);
                    switch (ReaderGuard.Classify(user, twin))
                    {
                        case SimilarityBand.NearMatch:
                        case SimilarityBand.Distant:
                            return user;
                        default:
                            return twin;
                    }
                }
                public Reader SwitchExpression(Reader user)
                {
                    var twin = _index.Lookalike(user);
                    return ReaderGuard.Classify(user, twin) switch { SimilarityBand.Moderate => twin, _ => user };
                }
            }
            """);

    [Fact]
    public Task Local_assigned_the_substitute_only_on_the_checked_way_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var candidate = index.FindNearest(user);
                    var chosen = candidate is not null && ReaderGuard.TrySubstitute(user, candidate, out _) ? candidate : null;
                    Reader? kept = index.Own(user.Id);
                    kept ??= index.FindNearest(user) is { } twin && ReaderGuard.Assess(user, twin).IsSafe ? twin : null;
                    return chosen is null || kept is null ? null : Render.Prompt(chosen) + Render.Prompt(kept);
            """));

    [Fact]
    public Task Check_on_the_second_side_of_an_or_in_a_conditional_leaves_the_first_way_unchecked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    var chosen = twin is not null || ReaderGuard.Assess(user, twin).IsSafe ? twin : null;
                    return chosen?.Summary;
            """));

    [Fact]
    public Task Check_joined_by_and_in_a_conditional_chooses_only_checked_substitutes() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = index.Lookalike(user);
                    var chosen = twin is not null && ReaderGuard.Assess(user, twin).IsSafe ? twin : null;
                    return chosen?.Summary;
            """));

    // A local replaced on the unsafe way holds no substitute there: the value at the use is the last one assigned.

    [Fact]
    public Task Substitute_set_to_null_when_unsafe_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = index.FindNearest(user);
                    if (twin != null && !ReaderGuard.Assess(user, twin).IsSafe)
                        twin = null;
                    return twin;
            """));

    [Theory]
    [InlineData("twin is not null")]
    [InlineData("twin is { }")]
    [InlineData("!(twin is null)")]
    [InlineData("null != twin")]
    public Task Every_spelling_of_the_null_test_leaves_only_null_on_its_null_way(string notNull) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var twin = index.FindNearest(user);
                    if ({{notNull}} && ReaderGuard.Classify(user, twin) != SimilarityBand.Moderate)
                    {
                        Console.WriteLine("rejected");
                        twin = null;
                    }
                    return twin;
            """));

    [Fact]
    public Task Substitute_replaced_by_the_users_own_profile_when_unsafe_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = index.Lookalike(user);
                    if (!ReaderGuard.Assess(user, twin).IsSafe)
                        twin = user;
                    return Render.Prompt(twin);
            """));

    private static string ReceivedOtherwise(string body) => $$"""
        using Shop;
        public interface ITwins
        {
            (Reader Twin, double Score) MostSimilar(Reader target);
            bool TryFindNearest(Reader target, out Reader? twin);
            Reader? FindNearest(Reader target);
        }
        public class C
        {
            public string Run(ITwins index, Reader user)
            {
        {{body}}
            }
        }
        """;

    /// <summary>A local given the substitute by deconstruction, a pattern or an <c>out</c> argument, and given the user's
    /// own profile (or null) on the unsafe way — what the band-check fix writes — holds no substitute past that (probe 9a,
    /// repro 01).</summary>
    [Theory]
    [InlineData("var (twin, score) = index.MostSimilar(user);", "if (!ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "Render.Prompt(twin)")]
    [InlineData("Reader twin; double score; (twin, score) = index.MostSimilar(user);", "if (!ReaderGuard.Assess(user, twin).IsSafe) twin = user;", "Render.Prompt(twin)")]
    [InlineData("if (index.FindNearest(user) is not { } twin) return Render.Prompt(user);", "if (!ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "Render.Prompt(twin)")]
    [InlineData("index.TryFindNearest(user, out var twin);", "if (twin != null && !ReaderGuard.Assess(user, twin).IsSafe) twin = null;", "Render.Prompt(twin ?? user)")]
    public Task A_substitute_received_otherwise_and_replaced_on_the_unsafe_way_is_checked(string received, string replaced, string used) =>
        Verify.VerifyAsync(ReceivedOtherwise($$"""
                    {{received}}
                    {{replaced}}
                    return {{used}};
            """));

    [Theory]
    [InlineData("var (twin, score) = {|PERSONA001:index.MostSimilar(user)|};", "if (ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "Render.Prompt(twin)")]
    [InlineData("if ({|PERSONA001:index.FindNearest(user)|} is not { } twin) return Render.Prompt(user);", "if (System.DateTime.UtcNow.Hour > 12) twin = user;", "Render.Prompt(twin)")]
    [InlineData("index.TryFindNearest(user, {|PERSONA001:out var twin|});", "if (twin == null) twin = user;", "Render.Prompt(twin)")]
    public Task A_substitute_received_otherwise_and_replaced_on_another_way_is_reported(string received, string replaced, string used) =>
        Verify.VerifyAsync(ReceivedOtherwise($$"""
                    {{received}}
                    {{replaced}}
                    return {{used}};
            """));

    /// <summary>A local a pattern declares from a local that holds the substitute holds it only where that local held it
    /// unchecked: past the band-check fix's stand-in, <c>if (twin is not { } t)</c> copies the checked substitute or the
    /// user's own profile (probe 11b, repro 01 — the second <c>dotnet format</c> run added the same guard again).</summary>
    [Theory]
    [InlineData("if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "if (twin is not { } t) return Render.Prompt(user); return Render.Prompt(t);")]
    [InlineData("if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "if (twin is { } t) return Render.Prompt(t); return \"\";")]
    [InlineData("if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _)) return Render.Prompt(user);", "if (twin is not Reader t) return \"\"; return Render.Prompt(t);")]
    [InlineData("if (twin is not null && !ReaderGuard.Assess(user, twin).IsSafe) twin = null;", "return twin is { Summary.Length: > 0 } t ? Render.Prompt(t) : \"\";")]
    [InlineData("if (twin is not null && !ReaderGuard.TrySubstitute(user, twin, out _)) twin = null;", "switch (twin) { case { Summary.Length: > 3 } t: return Render.Prompt(t); default: return \"\"; }")]
    [InlineData("if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "return twin switch { { } t => Render.Prompt(t), _ => \"\" };")]
    public Task A_pattern_copy_of_a_checked_local_is_checked(string check, string copyAndUse) =>
        Verify.VerifyAsync(ReceivedOtherwise($$"""
                    var twin = index.FindNearest(user);
                    {{check}}
                    {{copyAndUse}}
            """));

    [Theory]
    [InlineData("", "if (twin is not { } t) return Render.Prompt(user); return Render.Prompt(t);")]
    [InlineData("if (twin is null || ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "if (twin is { } t) return Render.Prompt(t); return \"\";")]
    [InlineData("if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _)) System.Console.WriteLine();", "if (twin is { } t) return Render.Prompt(t); return \"\";")]
    [InlineData("", "switch (twin) { case { Summary.Length: > 3 } t: return Render.Prompt(t); default: return \"\"; }")]
    [InlineData("if (twin is null || ReaderGuard.TrySubstitute(user, twin, out _)) twin = user;", "return twin switch { { } t => Render.Prompt(t), _ => \"\" };")]
    public Task A_pattern_copy_of_an_unchecked_local_is_reported(string check, string copyAndUse) =>
        Verify.VerifyAsync(ReceivedOtherwise($$"""
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    {{check}}
                    {{copyAndUse}}
            """));

    /// <summary>A lambda is judged by the locals it reads: <c>voice</c> holds the substitute only on the checked way, and the
    /// pattern's <c>substitute</c>, unchecked on the lookup's null way, is not captured (probe 11b, repro 02 — the fix's own
    /// <c>?? user</c> rewrite was reported again, and a second run added a second check).</summary>
    [Theory]
    [InlineData("var voice = index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : user;", "() => Render.Prompt(voice)")]
    [InlineData("var voice = index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : user;", "() => { var local = voice; return Render.Prompt(local); }")]
    public Task A_lambda_capturing_only_the_checked_local_is_checked(string obtained, string lambda) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    {{obtained}}
                    System.Func<string> prompt = {{lambda}};
                    return prompt();
            """));

    [Theory]
    [InlineData("var twin = {|PERSONA001:index.FindNearest(user)|}; var voice = twin is not null && ReaderGuard.TrySubstitute(user, twin, out _) ? twin : user;", "() => Render.Prompt(twin ?? user)")]
    [InlineData("var twin = {|PERSONA001:index.FindNearest(user)|}; var voice = twin is not null && ReaderGuard.TrySubstitute(user, twin, out _) ? twin : user;", "() => { System.Func<string> inner = () => Render.Prompt(twin ?? user); return inner(); }")]
    public Task A_lambda_capturing_the_unchecked_local_is_reported(string obtained, string lambda) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    {{obtained}}
                    System.Func<string> prompt = {{lambda}};
                    return prompt() + voice.Summary;
            """));

    [Fact]
    public Task Substitute_reassigned_through_a_checked_conditional_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = index.Lookalike(user);
                    twin = ReaderGuard.Assess(user, twin).IsSafe ? twin : user;
                    return twin;
            """));

    [Fact]
    public Task Substitute_replaced_only_when_safe_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    if (ReaderGuard.Assess(user, twin).IsSafe)
                        twin = user;
                    return twin;
            """));

    [Fact]
    public Task Substitute_replaced_on_a_way_no_check_decides_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    var verdict = ReaderGuard.Assess(user, twin);
                    if (DateTime.UtcNow.Hour > 12)
                        twin = user;
                    return twin;
            """));

    [Fact]
    public Task Null_test_alone_is_not_a_check() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin == null)
                        twin = user;
                    return twin;
            """));

    [Fact]
    public Task Substitute_copied_before_the_original_is_replaced_is_still_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    var copy = twin;
                    if (!ReaderGuard.Assess(user, twin).IsSafe)
                        twin = user;
                    return copy;
            """));

    [Fact]
    public Task Last_checked_neighbour_kept_in_a_loop_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Reader? kept = null;
                    foreach (var n in index.NearestNeighbours(user, 5))
                    {
                        kept = n;
                        if (!ReaderGuard.Assess(user, n).IsSafe)
                            kept = null;
                    }
                    return kept;
            """));

    [Fact]
    public Task Last_neighbour_kept_in_a_loop_without_a_check_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Reader? kept = null;
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 5))
                    {
                        kept = n;
                        if (n.Summary.Length == 0)
                            kept = null;
                    }
                    return kept;
            """));

    // An element read again by the same index is the same element: the first read's check covers it.

    [Fact]
    public Task Element_read_twice_by_the_loop_index_after_a_check_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var peers = index.NearestNeighbours(user, 5);
                    var picked = new List<string>();
                    for (var i = 0; i < peers.Count; i++)
                    {
                        if (!ReaderGuard.Assess(user, peers[i]).IsSafe)
                            continue;
                        picked.AddRange(peers[i].Purchases);
                    }
                    return picked;
            """));

    [Fact]
    public Task Element_read_twice_by_a_constant_index_after_a_check_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var peers = index.NearestNeighbours(user, 5);
                    if (peers.Count == 0 || !ReaderGuard.Assess(user, peers[0]).IsSafe)
                        return null;
                    return peers[0];
            """));

    [Fact]
    public Task Element_read_again_after_the_index_moved_is_another_element() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var peers = index.NearestNeighbours(user, 5);
                    var i = 0;
                    while (i < peers.Count && !ReaderGuard.Assess(user, peers[i]).IsSafe)
                        i++;
                    i++;
                    return i < peers.Count ? {|PERSONA001:peers[i]|} : null;
            """));

    [Fact]
    public Task Element_whose_first_read_may_not_run_is_judged_by_itself() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var peers = index.NearestNeighbours(user, 5);
                    for (var i = 0; i < peers.Count; i++)
                    {
                        if (user.Summary.Length > 0 && !ReaderGuard.Assess(user, peers[i]).IsSafe)
                            continue;
                        cached = {|PERSONA001:peers[i]|};
                    }
                    return null;
            """));

    [Fact]
    public Task Element_whose_first_read_by_a_constant_index_may_not_run_is_judged_by_itself() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var peers = index.NearestNeighbours(user, 5);
                    if (user.Summary.Length > 0 && !ReaderGuard.Assess(user, peers[0]).IsSafe)
                        return null;
                    return {|PERSONA001:peers[0]|};
            """));

    [Fact]
    public Task Element_of_another_index_or_list_is_another_element() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var peers = index.NearestNeighbours(user, 5);
                    var others = index.NearestNeighbours(user, 5);
                    if (!ReaderGuard.Assess(user, peers[0]).IsSafe || !ReaderGuard.Assess(user, others[1]).IsSafe)
                        return null;
                    cached = {|PERSONA001:peers[1]|};
                    return {|PERSONA001:others[0]|};
            """));

    // An enumerator's Current read again before the enumerator moves on is the same element.

    [Fact]
    public Task Current_read_again_after_a_check_in_a_manual_loop_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    using var e = index.NearestNeighbours(user, 5).GetEnumerator();
                    var picked = new List<string>();
                    while (e.MoveNext())
                    {
                        if (ReaderGuard.Classify(user, e.Current) != SimilarityBand.Moderate)
                            continue;
                        picked.AddRange(e.Current.Purchases);
                    }
                    return picked;
            """));

    [Fact]
    public Task Current_read_twice_without_a_check_is_one_unchecked_element() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    using var e = index.NearestNeighbours(user, 5).GetEnumerator();
                    var picked = new List<string>();
                    while (e.MoveNext())
                    {
                        Console.WriteLine({|PERSONA001:e.Current|}.Summary);
                        picked.Add(e.Current.Summary);
                    }
                    return picked;
            """));

    [Fact]
    public Task Current_read_after_the_enumerator_moved_on_is_another_element() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    using var e = index.NearestNeighbours(user, 5).GetEnumerator();
                    if (!e.MoveNext() || ReaderGuard.Classify(user, e.Current) != SimilarityBand.Moderate)
                        return null;
                    e.MoveNext();
                    return {|PERSONA001:e.Current|};
            """));

    [Fact]
    public Task Current_of_another_enumerator_is_another_element() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    using var e = index.NearestNeighbours(user, 5).GetEnumerator();
                    using var f = index.NearestNeighbours(user, 5).GetEnumerator();
                    if (!e.MoveNext() || !f.MoveNext() || ReaderGuard.Classify(user, e.Current) != SimilarityBand.Moderate)
                        return null;
                    return {|PERSONA001:f.Current|};
            """));

    // A collection cleared of the profiles a check rejects holds only checked ones.

    [Theory]
    [InlineData("n => !ReaderGuard.Assess(user, n).IsSafe")]
    [InlineData("n => !ReaderGuard.TrySubstitute(user, n, out _)")]
    [InlineData("n => !(ReaderGuard.Classify(user, n) == SimilarityBand.Moderate)")]
    [InlineData("risky")]
    public Task Neighbours_after_removing_the_unsafe_ones_are_checked(string removed) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = index.NearestNeighbours(user, 5).ToList();
                    System.Predicate<Reader> risky = n => !ReaderGuard.Assess(user, n).IsSafe;
                    neighbours.RemoveAll({{removed}});
                    return neighbours;
            """));

    [Theory]
    [InlineData("n => ReaderGuard.Assess(user, n).IsSafe")]
    [InlineData("n => !ReaderGuard.Assess(user, n).IsSafe && n.Summary.Length > 0")]
    [InlineData("n => n.Summary.Length == 0")]
    [InlineData("safe")]
    public Task Neighbours_after_removing_others_than_the_unsafe_ones_are_reported(string removed) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = {|PERSONA001:index.NearestNeighbours(user, 5)|}.ToList();
                    System.Predicate<Reader> safe = n => ReaderGuard.Assess(user, n).IsSafe;
                    neighbours.RemoveAll({{removed}});
                    return neighbours;
            """));

    // What is left is checked however it is taken: an element of it is no new substitute.
    [Theory]
    [InlineData("foreach (var n in neighbours) cached = n; return cached;")]
    [InlineData("return neighbours.Count > 0 ? neighbours[0].Summary : null;")]
    [InlineData("return neighbours.FirstOrDefault()?.Summary;")]
    [InlineData("var set = new HashSet<Reader>(neighbours); set.RemoveWhere(n => !ReaderGuard.Assess(user, n).IsSafe); foreach (var n in set) return n.Summary; return null;")]
    public Task Elements_taken_after_removing_the_unsafe_ones_are_checked(string taken) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = index.NearestNeighbours(user, 5).ToList();
                    neighbours.RemoveAll(n => !ReaderGuard.Assess(user, n).IsSafe);
                    {{taken}}
            """));

    [Theory]
    [InlineData("if (user.Summary.Length > 0) neighbours.RemoveAll(n => !ReaderGuard.Assess(user, n).IsSafe); foreach (var {|PERSONA001:n|} in neighbours) return n.Summary; return null;")]
    [InlineData("neighbours.RemoveAll(n => n.Summary.Length == 0); return {|PERSONA001:neighbours[0]|}.Summary;")]
    [InlineData("var others = index.NearestNeighbours(user, 3).ToList(); neighbours.RemoveAll(n => !ReaderGuard.Assess(user, n).IsSafe); return {|PERSONA001:others[0]|}.Summary;")]
    public Task Elements_taken_where_the_unsafe_ones_may_remain_are_reported(string taken) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = index.NearestNeighbours(user, 5).ToList();
                    {{taken}}
            """));

    // An all-or-nothing gate: every element went through the check, and its answer decides the way.
    [Theory]
    [InlineData("if (!neighbours.All(n => ReaderGuard.Assess(user, n).IsSafe)) return null;")]
    [InlineData("if (neighbours.Any(n => !ReaderGuard.TrySubstitute(user, n, out _))) return null;")]
    [InlineData("bool Safe(Reader n) => ReaderGuard.Classify(user, n) == SimilarityBand.Moderate; if (!neighbours.All(Safe)) return null;")]
    [InlineData("System.Func<Reader, bool> safe = n => ReaderGuard.Assess(user, n).IsSafe; if (!neighbours.All(safe)) return null;")]
    [InlineData("System.Func<Reader, bool> risky = n => !ReaderGuard.Assess(user, n).IsSafe; if (neighbours.Any(risky)) return null;")]
    public Task Neighbours_after_a_gate_that_checks_every_one_are_checked(string gate) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = index.NearestNeighbours(user, 5);
                    {{gate}}
                    return neighbours.Select(n => n.Summary).ToList();
            """));

    [Theory]
    [InlineData("if (neighbours.All(n => ReaderGuard.Assess(user, n).IsSafe)) return null;")]
    [InlineData("if (!neighbours.Any(n => ReaderGuard.Assess(user, n).IsSafe)) return null;")]
    [InlineData("if (!neighbours.All(n => ReaderGuard.Assess(user, n).IsSafe || n.Summary.Length > 0)) return null;")]
    [InlineData("if (!neighbours.All(n => n.Summary.Length > 0)) return null;")]
    [InlineData("System.Func<Reader, bool> safe = n => ReaderGuard.Assess(user, n).IsSafe; if (neighbours.Any(safe)) return null;")]
    [InlineData("System.Func<Reader, bool> safe = n => ReaderGuard.Assess(user, n).IsSafe; if (user.Id.Length > 0) safe = n => true; if (!neighbours.All(safe)) return null;")]
    public Task Neighbours_after_a_gate_that_lets_unchecked_ones_through_are_reported(string gate) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = {|PERSONA001:index.NearestNeighbours(user, 5)|};
                    {{gate}}
                    return neighbours.Select(n => n.Summary).ToList();
            """));

    [Fact]
    public Task Neighbours_used_before_the_unsafe_ones_are_removed_are_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var neighbours = index.NearestNeighbours(user, 5).ToList();
                    cached = {|PERSONA001:neighbours[0]|};
                    neighbours.RemoveAll(n => !ReaderGuard.Assess(user, n).IsSafe);
                    return neighbours;
            """));

    [Fact]
    public Task Removing_from_or_sorting_a_substitute_collection_is_not_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var neighbours = index.NearestNeighbours(user, 5).ToList();
                    neighbours.RemoveAt(0);
                    neighbours.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
                    neighbours.Clear();
                    return neighbours.Count;
            """));

    // A persona struct looked up as Nullable<T>: HasValue is a null test, Value and GetValueOrDefault the profile.

    private static string WithTasteStruct(string members) => $$"""
        using PersonaAnalyzers;
        [PersonaProfile]
        public readonly record struct Taste([property: PersonaKey] int Id, string Label);
        public interface ITastes { Taste? FindNearest(Taste seed); }
        public static class Checks { [SimilarityBandCheck] public static bool Ok(Taste a, Taste b) => true; }
        public class C
        {
            private readonly ITastes _tastes = null!;
        {{members}}
        }
        """;

    [Fact]
    public Task Nullable_persona_struct_checked_through_its_value_is_checked() =>
        Verify.VerifyAsync(WithTasteStruct("""
                public Taste If(Taste me)
                {
                    var t = _tastes.FindNearest(me);
                    if (t.HasValue && Checks.Ok(me, t.Value))
                        return t.Value;
                    return me;
                }

                public Taste Conditional(Taste me)
                {
                    var t = _tastes.FindNearest(me);
                    return t.HasValue && Checks.Ok(me, t.GetValueOrDefault()) ? t.GetValueOrDefault() : me;
                }
            """));

    [Fact]
    public Task Nullable_persona_struct_used_through_its_value_unchecked_is_reported() =>
        Verify.VerifyAsync(WithTasteStruct("""
                public Taste OrDefault(Taste me) => {|PERSONA001:_tastes.FindNearest(me)|}.GetValueOrDefault(me);

                public Taste NullTestOnly(Taste me)
                {
                    var t = {|PERSONA001:_tastes.FindNearest(me)|};
                    if (!t.HasValue)
                        return me;
                    return t.Value;
                }

                public string Label(Taste me)
                {
                    var t = {|PERSONA001:_tastes.FindNearest(me)|};
                    return t.HasValue ? t.Value.Label : "";
                }
            """));

    [Fact]
    public Task A_verdict_handed_out_by_a_check_whose_answer_is_not_read_still_decides() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.FindNearest(user)!;
                    ReaderGuard.TrySubstitute(user, other, out var verdict);
                    if (!verdict.IsSafe)
                        return null;
                    return other.Summary;
            """));

    [Fact]
    public Task A_property_pattern_over_a_verdict_has_the_sense_of_what_it_matches() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader Safe(Reader user) { var twin = _index.Lookalike(user); return ReaderGuard.Assess(user, twin) is { IsSafe: true } ? twin : user; }
                public Reader Moderate(Reader user) { var twin = _index.Lookalike(user); return ReaderGuard.Assess(user, twin) is { Band: SimilarityBand.Moderate } ? twin : user; }
                public Reader Switched(Reader user)
                {
                    var twin = _index.Lookalike(user);
                    return ReaderGuard.Assess(user, twin) switch { { IsSafe: true } => twin, _ => user };
                }
                public Reader Unsafe(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; if (ReaderGuard.Assess(user, twin) is { IsSafe: false }) return twin; return user; }
                public Reader Near(Reader user) { var twin = {|PERSONA001:_index.Lookalike(user)|}; return ReaderGuard.Assess(user, twin) is { Band: SimilarityBand.NearMatch } ? twin : user; }
                public Reader SwitchedWrong(Reader user)
                {
                    var twin = {|PERSONA001:_index.Lookalike(user)|};
                    return ReaderGuard.Assess(user, twin) switch { { IsSafe: true } => user, _ => twin };
                }
                // The same in a filter: what passes is what the pattern matches.
                public System.Collections.Generic.IEnumerable<Reader> Vetted(Reader user) =>
                    System.Linq.Enumerable.Where(_index.NearestNeighbours(user, 5), n => ReaderGuard.Assess(user, n) is { IsSafe: true });
                public System.Collections.Generic.IEnumerable<Reader> Unsafe(Reader user, int _) =>
                    System.Linq.Enumerable.Where({|PERSONA001:_index.NearestNeighbours(user, 5)|}, n => ReaderGuard.Assess(user, n) is { IsSafe: false });
            }
            """);

    [Fact]
    public Task Verdict_kept_in_a_field_or_auto_property_of_this_object_decides_the_path() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                private bool _approved;
                private static bool s_safe;
                public bool Approved { get; private set; }
                public static bool LastSafe { get; set; }
                private bool _stored;
                public bool Computed { get => !_stored; set => _stored = value; }
                public Reader? Checked(Reader user)
                {
                    var other = _index.FindNearest(user);
                    if (other is null)
                        return null;
                    _approved = ReaderGuard.Assess(user, other).IsSafe;
                    if (!_approved)
                        return null;
                    return other;
                }
                public Reader? CheckedStatic(Reader user)
                {
                    var other = _index.FindNearest(user);
                    if (other is null)
                        return null;
                    this._approved = false;
                    s_safe = ReaderGuard.Classify(user, other) == SimilarityBand.Moderate;
                    return s_safe ? other : null;
                }
                public Reader? OtherObjects(Reader user, C peer)
                {
                    var other = {|PERSONA001:_index.FindNearest(user)|};
                    if (other is null)
                        return null;
                    peer._approved = ReaderGuard.Assess(user, other).IsSafe;
                    if (!_approved)
                        return null;
                    return other;
                }
                public Reader? CheckedInAProperty(Reader user)
                {
                    var other = _index.FindNearest(user);
                    if (other is null)
                        return null;
                    Approved = ReaderGuard.Assess(user, other).IsSafe;
                    if (!Approved)
                        return null;
                    return other;
                }
                public Reader? CheckedInAStaticProperty(Reader user)
                {
                    var other = _index.FindNearest(user);
                    if (other is null)
                        return null;
                    C.LastSafe = ReaderGuard.Classify(user, other) == SimilarityBand.Moderate;
                    return LastSafe ? other : null;
                }
                // Its getter gives back the opposite of what its setter was given: not a variable.
                public Reader? PropertyWithAccessors(Reader user)
                {
                    var other = {|PERSONA001:_index.FindNearest(user)|};
                    if (other is null)
                        return null;
                    Computed = ReaderGuard.Assess(user, other).IsSafe;
                    if (!Computed)
                        return null;
                    return other;
                }
                public Reader? OtherObjectsProperty(Reader user, C peer)
                {
                    var other = {|PERSONA001:_index.FindNearest(user)|};
                    if (other is null)
                        return null;
                    peer.Approved = ReaderGuard.Assess(user, other).IsSafe;
                    if (!Approved)
                        return null;
                    return other;
                }
            }
            """);
    [Fact]
    public Task Check_run_on_the_thread_pool_decides_with_its_awaited_verdict() =>
        Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex index = null!;
                public async Task<string> Kept(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null)
                        return user.Summary;
                    var safe = await Task.Run(() => ReaderGuard.Assess(user, twin).IsSafe);
                    if (!safe)
                        return user.Summary;
                    return twin.Summary;
                }
                public async Task<string> Tested(Reader user)
                {
                    var twin = index.FindNearest(user);
                    return twin is not null && await Task.Run(() => ReaderGuard.Assess(user, twin).IsSafe) ? twin.Summary : user.Summary;
                }
                public async Task<string> Ignored(Reader user)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    var safe = await Task.Run(() => ReaderGuard.Assess(user, twin).IsSafe);
                    return twin?.Summary ?? user.Summary;
                }
                public async Task<string> OfAnother(Reader user, Reader other)
                {
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null || !await Task.Run(() => ReaderGuard.Assess(user, other).IsSafe))
                        return user.Summary;
                    return twin.Summary;
                }
            }
            """);
}
