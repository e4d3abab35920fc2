using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001: what counts as a substitute.</summary>
public class UncheckedSubstituteSourceTests
{
    [Fact]
    public Task Name_pattern_method_returning_a_persona_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA001:index.FindNearest(user)|};
            """));

    // A [ProfileSubstitute] field or property of a delegate type is no profile: each call of it obtains one, checked or
    // reported where it is called.
    [Fact]
    public Task ProfileSubstitute_delegate_field_or_property_obtains_a_substitute_per_call() =>
        Verify.VerifyAsync("""
            using System;
            using PersonaAnalyzers;
            using Shop;
            public static class Donors
            {
                [ProfileSubstitute] public static Func<Reader, Reader?> Borrow = v => null;
                [ProfileSubstitute] public static Func<Reader, Reader?> Lend { get; } = v => null;

                public static string Checked(Reader v)
                {
                    var donor = Borrow(v);
                    if (donor is null || !ReaderGuard.TrySubstitute(v, donor, out _))
                        return v.Summary;
                    return donor.Summary + (Lend(v) is { } lent && ReaderGuard.Assess(v, lent).IsSafe ? lent.Summary : "");
                }

                public static string Unchecked(Reader v) => {|PERSONA001:Borrow(v)|}?.Summary + {|PERSONA001:Lend(v)|}?.Summary;

                public static string ThroughALocal(Reader v)
                {
                    var borrow = Borrow;
                    return {|PERSONA001:borrow(v)|}!.Summary;
                }
            }
            """);

    /// <summary><c>[property: ProfileSubstitute]</c> on a record's positional parameter marks the property the record
    /// makes of it (probe 13a, repro 02): read in a body that names no other source, it is still found.</summary>
    [Fact]
    public Task ProfileSubstitute_on_a_record_positional_property_is_a_substitute() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public sealed record VisitContext(Reader Visitor, [property: ProfileSubstitute] Reader? StandIn);
            public static class Prompts
            {
                public static string? Unchecked(VisitContext visit) => {|PERSONA001:visit.StandIn|}?.Summary;

                public static string Checked(VisitContext visit) =>
                    visit.StandIn is { } standIn && ReaderGuard.TrySubstitute(visit.Visitor, standIn, out _) ? standIn.Summary : visit.Visitor.Summary;

                public static string Own(VisitContext visit) => visit.Visitor.Summary;
            }
            """);

    /// <summary>An indexer marked <c>[ProfileSubstitute]</c> is a source like an attributed property (probe 13a, repro 04);
    /// a collection's own indexer is not (its element is taken from a substitute collection only).</summary>
    [Fact]
    public Task ProfileSubstitute_indexer_is_a_substitute() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using PersonaAnalyzers;
            using Shop;
            public sealed class DonorBook
            {
                [ProfileSubstitute] public Reader this[Reader reader] => reader;
            }
            public static class Prompts
            {
                public static string Unchecked(DonorBook book, Reader r) => {|PERSONA001:book[r]|}.Summary;

                public static string Checked(DonorBook book, Reader r)
                {
                    var donor = book[r];
                    return ReaderGuard.TrySubstitute(r, donor, out _) ? donor.Summary : r.Summary;
                }

                public static string OwnList(List<Reader> mine) => mine[0].Summary;
            }
            """);

    [Fact]
    public Task ProfileSubstitute_on_the_interface_member_counts_for_the_call() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    return Render.Prompt(other);
            """));

    [Fact]
    public Task ProfileSubstitute_on_a_base_member_counts_for_the_override() =>
        Verify.VerifyAsync("""
            using Shop;
            using PersonaAnalyzers;
            public abstract class Source { [ProfileSubstitute] public abstract Reader Pick(Reader target); }
            public sealed class Concrete : Source { public override Reader Pick(Reader target) => target; }
            public class C
            {
                public string Run(Concrete source, Reader user) => Render.Prompt({|PERSONA001:source.Pick(user)|});
            }
            """);

    /// <summary>A static member implementing a <c>[ProfileSubstitute] static abstract</c> one, called directly as well as
    /// through the type parameter (probe 11a, repro 02). A static member of the same name that implements nothing is not
    /// a substitute.</summary>
    [Fact]
    public Task ProfileSubstitute_on_a_static_abstract_member_counts_for_the_implementation() =>
        Verify.VerifyAsync("""
            using Shop;
            using PersonaAnalyzers;
            using System.Collections.Generic;
            using System.Linq;
            public interface IDonorStrategy<TSelf> where TSelf : IDonorStrategy<TSelf>
            {
                [ProfileSubstitute] static abstract Reader? Pick(Reader user, IReadOnlyList<Reader> pool);
            }
            public sealed class FirstOther : IDonorStrategy<FirstOther>
            {
                public static Reader? Pick(Reader user, IReadOnlyList<Reader> pool) => pool.FirstOrDefault(p => p != user);
            }
            public sealed class Unrelated
            {
                public static Reader? Pick(Reader user, IReadOnlyList<Reader> pool) => pool.FirstOrDefault(p => p != user);
            }
            public static class Runner
            {
                public static string Generic<T>(Reader me, IReadOnlyList<Reader> pool) where T : IDonorStrategy<T> =>
                    {|PERSONA001:T.Pick(me, pool)|}?.Summary ?? me.Summary;
                public static string Direct(Reader me, IReadOnlyList<Reader> pool) =>
                    {|PERSONA001:FirstOther.Pick(me, pool)|}?.Summary ?? me.Summary;
                public static string Other(Reader me, IReadOnlyList<Reader> pool) =>
                    Unrelated.Pick(me, pool)?.Summary ?? me.Summary;
            }
            """);

    [Fact]
    public Task ProfileSubstitute_on_an_implemented_interface_member_counts_for_the_class_call() =>
        Verify.VerifyAsync("""
            using Shop;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public sealed class Index : IReaderIndex
            {
                public Reader Lookalike(Reader target) => target;
                public Reader? FindNearest(Reader target) => null;
                public IReadOnlyList<Reader> NearestNeighbours(Reader target, int k) => new List<Reader>();
                public Task<Reader?> FindNearestAsync(Reader target) => Task.FromResult<Reader?>(null);
                public Reader? Own(string id) => null;
                public IReadOnlyList<Reader> All => new List<Reader>();
                public Reader FallbackPersona => new Reader();
            }
            public class C
            {
                public string Run(Index index, Reader user) => Render.Prompt({|PERSONA001:index.Lookalike(user)|});
            }
            """);

    [Fact]
    public Task Name_pattern_property_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA001:index.FallbackPersona|}.Summary;
            """));

    [Fact]
    public Task Awaited_task_of_a_persona_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:await index.FindNearestAsync(user)|};
                    return other?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Element_taken_by_indexer_from_a_substitute_collection_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var neighbours = index.NearestNeighbours(user, 5);
                    return Render.Prompt({|PERSONA001:neighbours[0]|});
            """));

    [Theory]
    [InlineData("First()")]
    [InlineData("FirstOrDefault()")]
    [InlineData("Single()")]
    [InlineData("SingleOrDefault()")]
    [InlineData("Last()")]
    [InlineData("LastOrDefault()")]
    [InlineData("ElementAt(1)")]
    [InlineData("ElementAtOrDefault(1)")]
    public Task Element_taken_by_a_linq_selector_is_a_substitute(string selector) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = index.NearestNeighbours(user, 5);
                    var other = {|PERSONA001:neighbours.{{selector}}|};
                    return other!.Purchases;
            """));

    [Fact]
    public Task Foreach_element_of_a_substitute_collection_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var prompts = new List<string>();
                    foreach (var {|PERSONA001:other|} in index.NearestNeighbours(user, 5))
                        prompts.Add(other.Summary);
                    return prompts;
            """));

    [Fact]
    public Task Returning_a_substitute_collection_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA001:index.NearestNeighbours(user, 5)|}.Where(r => r.Summary.Length > 0).ToList();
            """));

    [Fact]
    public Task Own_profile_is_not_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var own = index.Own(user.Id);
                    return own?.Summary;
            """));

    [Fact]
    public Task Name_match_with_a_non_persona_type_is_not_a_substitute() =>
        Verify.VerifyAsync("""
            public class C
            {
                public string FindNearestStore(string zip) => zip;
                public string Run() => FindNearestStore("1000").ToUpperInvariant();
            }
            """);

    [Fact]
    public Task Configured_patterns_replace_the_defaults() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                public Reader Borrow(Reader target) => target;
                public Reader? FindNearest(Reader target) => null;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:Borrow(user)|}) + FindNearest(user)?.Summary;
            }
            """, "persona_analyzers.substitute_name_patterns = Borrow*\n");

    [Fact]
    public Task No_runtime_reference_means_no_analysis() =>
        Verify.VerifyAsync("""
            public class Profile { public string Summary = ""; }
            public class C
            {
                public Profile FindNearest(Profile p) => p;
                public string Run(Profile p) => FindNearest(p).Summary;
            }
            """);

    [Fact]
    public Task Patterns_can_come_from_the_msbuild_property() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                public Reader Borrow(Reader target) => target;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:Borrow(user)|});
            }
            """, "build_property.PersonaAnalyzersSubstituteNamePatterns = Borrow*\n");

    [Fact]
    public Task Awaited_with_ConfigureAwait_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:await index.FindNearestAsync(user).ConfigureAwait(false)|};
                    return other?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Theory]
    [InlineData("{|PERSONA001:await index.FindNearestAsync(user).WaitAsync(TimeSpan.FromSeconds(2))|}")]
    [InlineData("{|PERSONA001:await index.FindNearestAsync(user).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false)|}")]
    public Task Awaited_with_a_timeout_is_a_substitute(string lookup) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var other = {{lookup}};
                    return other?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Awaited_with_ConfigureAwait_and_a_check_is_clean() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = await index.FindNearestAsync(user).ConfigureAwait(false);
                    if (other is null || ReaderGuard.Classify(user, other) != SimilarityBand.Moderate)
                        return null;
                    return other.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Task_Result_of_a_source_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.FindNearestAsync(user).Result|};
                    return other?.Summary;
            """));

    [Fact]
    public Task GetAwaiter_GetResult_of_a_source_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.FindNearestAsync(user).GetAwaiter().GetResult()|};
                    return other?.Summary;
            """));

    [Fact]
    public Task GetResult_after_ConfigureAwait_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return Render.Prompt({|PERSONA001:index.FindNearestAsync(user).ConfigureAwait(false).GetAwaiter().GetResult()|}!);
            """));

    [Fact]
    public Task Task_Result_with_a_check_is_clean() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.FindNearestAsync(user).Result;
                    if (other is null || !ReaderGuard.Assess(user, other).IsSafe)
                        return null;
                    return other.Summary;
            """));

    [Fact]
    public Task Result_of_a_task_that_is_not_a_source_is_not_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var own = Task.FromResult(index.Own(user.Id)).Result;
                    return own?.Summary;
            """));

    [Fact]
    public Task Out_parameter_of_a_name_pattern_method_is_a_substitute() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private Reader? _last;
                public bool TryFindNearest(Reader r, out Reader n) { n = r; return true; }
                public string Run(Reader user) => TryFindNearest(user, {|PERSONA001:out var n|}) ? Render.Prompt(n) : "";
                public void Keep(Reader user)
                {
                    Reader n;
                    if (!TryFindNearest(user, {|PERSONA001:out n|}))
                        return;
                    _last = n;
                }
            }
            """);

    [Fact]
    public Task Out_parameter_substitute_with_a_check_or_only_tested_is_clean() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                public bool TryFindNearest(Reader r, out Reader n) { n = r; return true; }
                public string Run(Reader user)
                {
                    if (!TryFindNearest(user, out var n) || ReaderGuard.Classify(user, n) != SimilarityBand.Moderate)
                        return "";
                    return Render.Prompt(n);
                }
                public bool Has(Reader user) => TryFindNearest(user, out var n) && n.Id.Length > 0;
            }
            """);

    [Fact]
    public Task Out_parameter_of_an_ordinary_method_is_not_a_substitute() =>
        Verify.VerifyAsync("""
            using Shop;
            using System.Collections.Generic;
            public class C
            {
                private readonly Dictionary<string, Reader> _profiles = new();
                public string Run(Reader user) => _profiles.TryGetValue(user.Id, out var own) ? Render.Prompt(own) : "";
            }
            """);

    [Fact]
    public Task A_source_that_hands_its_substitute_out_may_assign_it_unchecked() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public bool TryFindNearest(Reader r, out Reader? n)
                {
                    n = _index.FindNearest(r);
                    return n is not null;
                }
            }
            """);

    [Fact]
    public Task Tuple_of_a_profile_and_its_score_is_a_substitute() =>
        Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Shop;
            public class C
            {
                public (Reader Profile, double Similarity) FindMostSimilar(Reader r) => (r, 1);
                public Task<(Reader Profile, double Similarity)> FindMostSimilarAsync(Reader r) => Task.FromResult((r, 1.0));
                public string Member(Reader user) { var best = {|PERSONA001:FindMostSimilar(user)|}; return Render.Prompt(best.Profile); }
                public string Deconstructed(Reader user) { var (n, s) = {|PERSONA001:FindMostSimilar(user)|}; return Render.Prompt(n); }
                public string Inline(Reader user) => {|PERSONA001:FindMostSimilar(user)|}.Profile.Summary;
                public async Task<string> Awaited(Reader user) { var (n, _) = {|PERSONA001:await FindMostSimilarAsync(user)|}; return n.Summary; }
                public (Reader, double) NearestPair(Reader user) => FindMostSimilar(user);
            }
            """);

    [Fact]
    public Task A_substitute_deconstructed_into_fields_is_stored() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex index = null!;
                private Reader? _donor;
                private double _score;
                private readonly Reader[] _recent = new Reader[4];
                public (Reader Profile, double Similarity) FindMostSimilar(Reader r) => (r, 1);
                public void Lookup(Reader user) => (_donor, _score) = {|PERSONA001:FindMostSimilar(user)|};
                public void Built(Reader user)
                {
                    var twin = {|PERSONA001:index.Lookalike(user)|};
                    (_donor, _score) = (twin, ReaderGuard.Similarity(user, twin));
                }
                public void IntoAnArray(Reader user) => (_recent[0], _score) = ({|PERSONA001:index.Lookalike(user)|}, 0);
                public void ScoreOnly(Reader user) => (_, _score) = FindMostSimilar(user);
                public void IntoLocals(Reader user) { var (n, s) = FindMostSimilar(user); _score = s + n.Id.Length; }
                public void Checked(Reader user)
                {
                    var twin = index.Lookalike(user);
                    if (ReaderGuard.Assess(user, twin).IsSafe)
                        (_donor, _score) = (twin, ReaderGuard.Similarity(user, twin));
                }
            }
            """);

    [Fact]
    public Task Tuple_substitute_whose_score_is_read_or_whose_profile_is_checked_is_clean() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                public (Reader Profile, double Similarity) FindMostSimilar(Reader r) => (r, 1);
                public double Score(Reader user) { var best = FindMostSimilar(user); return best.Similarity; }
                public string Key(Reader user) { var (n, s) = FindMostSimilar(user); return n.Id; }
                public string Checked(Reader user)
                {
                    var best = FindMostSimilar(user);
                    if (ReaderGuard.Classify(user, best.Profile) != SimilarityBand.Moderate)
                        return "";
                    return Render.Prompt(best.Profile);
                }
                public string CheckedDeconstructed(Reader user)
                {
                    var (n, _) = FindMostSimilar(user);
                    return ReaderGuard.Classify(user, n) == SimilarityBand.Moderate ? Render.Prompt(n) : "";
                }
            }
            """);

    [Fact]
    public Task Nullable_tuple_of_a_profile_and_its_score_is_a_substitute() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                public (Reader Match, double Score)? NearestOrNone(Reader r) => null;
                public string Pattern(Reader user) => {|PERSONA001:NearestOrNone(user)|} is { } hit ? hit.Match.Summary : "";
                public string Conditional(Reader user) { var hit = {|PERSONA001:NearestOrNone(user)|}; return hit?.Match.Summary ?? ""; }
                public string Value(Reader user) { var hit = {|PERSONA001:NearestOrNone(user)|}; return hit.HasValue ? Render.Prompt(hit.Value.Match) : ""; }
                public string Positional(Reader user) => {|PERSONA001:NearestOrNone(user)|} is var (m, s) && s > 0.5 ? m.Summary : "";
                public string Deconstructed(Reader user) { var hit = {|PERSONA001:NearestOrNone(user)|}; if (hit is null) return ""; var (m, _) = hit.Value; return m.Summary; }
                public bool Found(Reader user) => NearestOrNone(user).HasValue;
                public double Score(Reader user) => NearestOrNone(user)?.Score ?? 0;
            }
            """);

    [Fact]
    public Task Tuple_profile_taken_by_a_pattern_and_checked_is_clean() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                public (Reader Match, double Score) NearestPair(Reader r) => (r, 1);
                public (Reader Match, double Score)? NearestOrNone(Reader r) => null;
                public string Var(Reader user) =>
                    NearestPair(user) is var (m, _) && ReaderGuard.Classify(user, m) == SimilarityBand.Moderate ? m.Summary : "";
                public string NullableVar(Reader user) =>
                    NearestOrNone(user) is var (m, _) && ReaderGuard.Classify(user, m) == SimilarityBand.Moderate ? m.Summary : "";
                public string Positional(Reader user) =>
                    NearestOrNone(user) is (var m, > 0.2) && ReaderGuard.Assess(user, m).IsSafe ? m.Summary : "";
                public string Property(Reader user) =>
                    NearestOrNone(user) is { Match: { } m } && ReaderGuard.Assess(user, m).IsSafe ? m.Summary : "";
                public string Whole(Reader user)
                {
                    var hit = NearestOrNone(user);
                    if (hit is { } h && ReaderGuard.Assess(user, h.Match).IsSafe)
                        return h.Match.Summary;
                    return "";
                }
                public string Value(Reader user)
                {
                    var hit = NearestOrNone(user);
                    return hit.HasValue && ReaderGuard.Assess(user, hit.Value.Match).IsSafe ? hit.Value.Match.Summary : "";
                }
            }
            """);

    [Fact]
    public Task Tuple_pattern_that_reads_the_profile_data_is_a_use() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                public (Reader Match, double Score)? NearestOrNone(Reader r) => null;
                public bool Reads(Reader user) => {|PERSONA001:NearestOrNone(user)|} is ({ Summary: "gold" }, _);
                public bool ReadsByName(Reader user) => {|PERSONA001:NearestOrNone(user)|} is { Match.Summary.Length: > 3 };
                public bool Key(Reader user) => NearestOrNone(user) is ({ Id: "x" }, > 0.5);
            }
            """);

    [Fact]
    public Task Collection_copied_into_a_queue_or_stack_keeps_its_substitutes() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var queue = new Queue<Reader>(index.NearestNeighbours(user, 5));
                    while (queue.TryDequeue(out var next))
                    {
                        if (ReaderGuard.Assess(user, next).IsSafe)
                            return next.Summary;
                    }
                    var stack = new Stack<Reader>(index.NearestNeighbours(user, 5));
                    var copy = new List<Reader>(index.NearestNeighbours(user, 5));
                    var text = stack.TryPop(out var {|PERSONA001:top|}) ? top.Summary : "";
                    return text + Render.Prompt({|PERSONA001:copy[0]|}) + copy.Count + stack.Count;
            """));

    [Theory]
    [InlineData("while (queue.TryDequeue(out var next)) cards.Add(next.Summary);", true)]
    [InlineData("while (queue.TryDequeue(out var next)) if (ReaderGuard.Assess(user, next).IsSafe) cards.Add(next.Summary);", false)]
    [InlineData("while (queue.TryDequeue(out var next)) cards.Add(next.Id);", false)]
    [InlineData("foreach (var next in queue) cards.Add(next.Summary);", true)]
    [InlineData("foreach (var next in queue) { if (!ReaderGuard.Assess(user, next).IsSafe) continue; cards.Add(next.Summary); }", false)]
    [InlineData("while (queue.TryDequeue(out var next)) { if (ReaderGuard.Assess(user, next).IsSafe) cards.Add(next.Summary); } cards.Add(queue.Peek().Summary);", true)]
    public Task A_copy_drained_inside_a_lambda_is_judged_there(string drain, bool reported) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var queue = new Queue<Reader>({{(reported ? "{|PERSONA001:index.NearestNeighbours(user, 5)|}" : "index.NearestNeighbours(user, 5)")}});
                    var cards = new List<string>();
                    System.Action work = () =>
                    {
                        {{drain}}
                    };
                    work();
                    return cards;
            """));

    [Fact]
    public Task Collection_of_scored_profile_tuples_is_a_substitute_collection() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                public List<(Reader Profile, double Similarity)> FindNearestNeighbours(Reader r, int k) => new();
                public string First(Reader user) => Render.Prompt({|PERSONA001:FindNearestNeighbours(user, 5)[0]|}.Profile);
                public double Scores(Reader user) => FindNearestNeighbours(user, 5).Count;
                public string Loop(Reader user)
                {
                    var text = "";
                    foreach (var {|PERSONA001:pair|} in FindNearestNeighbours(user, 5))
                        text += pair.Profile.Summary;
                    return text;
                }
                public string Deconstructed(Reader user)
                {
                    var text = "";
                    foreach ({|PERSONA001:var (n, s)|} in FindNearestNeighbours(user, 5))
                        text += s > 0.5 ? n.Summary : "";
                    return text;
                }
                public string CheckedLoop(Reader user)
                {
                    var text = "";
                    foreach (var pair in FindNearestNeighbours(user, 5))
                    {
                        if (ReaderGuard.Classify(user, pair.Profile) == SimilarityBand.Moderate)
                            text += pair.Profile.Summary;
                    }
                    return text;
                }
            }
            """);

    [Fact]
    public Task Elements_of_an_async_stream_read_with_await_foreach_are_sources() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Shop;
            public interface IStreamingIndex { IAsyncEnumerable<Reader> NeighboursAsync(Reader target); }
            public class C
            {
                private readonly IStreamingIndex _index = null!;
                public async IAsyncEnumerable<string> Unchecked(Reader user)
                {
                    await foreach (var {|PERSONA001:neighbour|} in _index.NeighboursAsync(user))
                        yield return Render.Prompt(neighbour);
                }
                public async IAsyncEnumerable<string> Checked(Reader user)
                {
                    await foreach (var neighbour in _index.NeighboursAsync(user).ConfigureAwait(false))
                    {
                        if (!ReaderGuard.Assess(user, neighbour).IsSafe)
                            continue;
                        yield return Render.Prompt(neighbour);
                    }
                }
                public async Task<int> Counted(Reader user)
                {
                    var n = 0;
                    await foreach (var neighbour in _index.NeighboursAsync(user))
                        n += neighbour is null ? 0 : 1;
                    return n;
                }
            }
            """);

    [Fact]
    public Task Calls_of_a_source_method_group_are_substitutes() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Func<Reader, Reader?> pick = index.FindNearest;
                    var other = {|PERSONA001:pick(user)|};
                    var fallback = new Func<Reader, Reader?>(index.FindNearest);
                    return Render.Prompt(other!) + {|PERSONA001:fallback.Invoke(user)|}!.Summary;
            """));

    [Fact]
    public Task Projection_by_a_source_method_group_is_a_collection_of_substitutes() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twins = pool.Select(index.FindNearest).ToList();
                    var each = pool.ConvertAll(index.FindNearest);
                    var summaries = {|PERSONA001:pool.Select(index.FindNearest)|}.Select(t => t!.Summary);
                    return Render.Prompt({|PERSONA001:twins[0]|}!) + {|PERSONA001:each[0]|}!.Summary + summaries.First();
            """, "public string Run(Reader user)"));

    [Fact]
    public Task Flattening_by_a_source_method_group_is_a_collection_of_substitutes() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class C
            {
                private IReadOnlyList<Reader> NeighboursOf(Reader reader) => new List<Reader>();
                public string Run(List<Reader> users)
                {
                    var all = users.SelectMany(NeighboursOf).ToList();
                    return {|PERSONA001:all[0]|}.Summary;
                }
            }
            """);

    [Fact]
    public Task Checked_call_of_a_method_group_and_other_method_groups_are_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Func<Reader, Reader?> pick = index.FindNearest;
                    var other = pick(user);
                    if (other is null || !ReaderGuard.Assess(user, other).IsSafe)
                        return user.Summary;
                    Func<string, Reader?> own = index.Own;
                    Register(index.FindNearest); // handed on: whoever calls it answers for the check
                    return other.Summary + own("id")?.Summary + pool.Select(Render.Prompt).First();
                }

                private static void Register(Func<Reader, Reader?> source)
                {
            """, "public string Run(Reader user)"));

    [Fact]
    public Task Lookup_typed_as_an_interface_counts_once_marked_ProfileSubstitute() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            public interface IUserProfile { string Bio { get; } }
            [PersonaProfile]
            public sealed class UserProfile : IUserProfile
            {
                [PersonaKey] public string Id { get; set; } = "";
                [PersonaFeature(SimilarityMetric.Cosine)] public double[] Vec { get; set; } = new double[0];
                public string Bio { get; set; } = "";
            }
            public interface IProfiles
            {
                IUserProfile? FindSimilar(string id);
                [ProfileSubstitute] IUserProfile? FindSimilarMarked(string id);
            }
            public class C
            {
                public string Run(IProfiles profiles, string id) =>
                    profiles.FindSimilar(id)?.Bio + {|PERSONA001:profiles.FindSimilarMarked(id)|}?.Bio;
            }
            """);

    [Theory]
    [InlineData("await Task.WhenAll(friends.Select(f => index.FindNearestAsync(f)))")]
    [InlineData("await Task.WhenAll(friends.Select(index.FindNearestAsync))")]
    [InlineData("await Task.WhenAll(friends.Select(f => index.FindNearestAsync(f)).ToList())")]
    [InlineData("await Task.WhenAll(friends.Select(f => index.FindNearestAsync(f))).ConfigureAwait(false)")]
    public Task Lookups_awaited_together_give_a_substitute_collection(string awaited) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var friends = new List<Reader> { user };
                    var twins = {|PERSONA001:{{awaited}}|};
                    return twins.Select(t => t?.Summary).ToList();
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task ValueTask_lookups_made_tasks_and_awaited_together_give_a_substitute_collection() =>
        Verify.VerifyAsync("""
            using System.Linq;
            using System.Threading.Tasks;
            using Shop;
            public interface IValueIndex { ValueTask<Reader?> NearestAsync(Reader target); }
            public class C
            {
                public async Task<string?[]> Run(IValueIndex index, Reader[] users)
                {
                    var twins = {|PERSONA001:await Task.WhenAll(users.Select(u => index.NearestAsync(u).AsTask()))|};
                    return twins.Select(t => t?.Summary).ToArray();
                }
            }
            """);

    [Fact]
    public Task A_ValueTask_lookup_made_a_task_and_waited_for_is_a_substitute() =>
        Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;
            public interface IValueIndex { ValueTask<Reader?> NearestAsync(Reader target); }
            public class C
            {
                public Reader Blocking(IValueIndex index, Reader user) => {|PERSONA001:index.NearestAsync(user).AsTask().GetAwaiter().GetResult()|} ?? user;
                public string? Result(IValueIndex index, Reader user) => {|PERSONA001:index.NearestAsync(user).AsTask().Result|}?.Summary;
                public async Task<string?> Awaited(IValueIndex index, Reader user) => ({|PERSONA001:await index.NearestAsync(user).AsTask().ConfigureAwait(false)|})?.Summary;
                public string? Checked(IValueIndex index, Reader user)
                {
                    var twin = index.NearestAsync(user).AsTask().Result;
                    return twin is not null && ReaderGuard.Classify(user, twin) == SimilarityBand.Moderate ? twin.Summary : null;
                }
            }
            """);

    [Fact]
    public Task Lookups_awaited_together_and_vetted_are_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var friends = new List<Reader> { user };
                    var twins = await Task.WhenAll(friends.Select(f => index.FindNearestAsync(f)));
                    return twins.Where(t => t is not null && ReaderGuard.Assess(user, t).IsSafe).Select(t => t!.Summary).ToList();
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Other_tasks_awaited_together_are_not_substitutes() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var friends = new List<Reader> { user };
                    var own = await Task.WhenAll(friends.Select(f => Task.FromResult(index.Own(f.Id))));
                    return own.Select(o => o?.Summary).ToList();
            """, "public async Task<object?> Run(Reader user)"));

    [Theory]
    [InlineData("await pending")]
    [InlineData("await pending.ConfigureAwait(false)")]
    [InlineData("pending.Result")]
    [InlineData("pending.GetAwaiter().GetResult()")]
    public Task A_lookup_started_into_a_local_and_waited_for_later_is_a_substitute(string waited) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var pending = index.FindNearestAsync(user);
                    Console.WriteLine("started");
                    var twin = {|PERSONA001:{{waited}}|};
                    return twin?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    /// <summary>A lookup's task handed on unawaited gives the substitute to whoever awaits it, unchecked: returned, stored
    /// in a field, or the task of a call a lambda hands the lookup to. A member named as a source may hand it on.</summary>
    [Fact]
    public Task A_lookup_task_handed_on_unawaited_is_a_use() =>
        Verify.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Shop;

            public class Relay
            {
                private readonly IReaderIndex index = null!;
                private Task<Reader?>? pending;

                public Task<Reader?> Returned(Reader user) => {|PERSONA001:index.FindNearestAsync(user)|};

                public void Stored(Reader user) => pending = {|PERSONA001:index.FindNearestAsync(user)|};

                public Task<Reader?> Memoised(Reader user) => {|PERSONA001:Memo(user.Id, () => index.FindNearestAsync(user))|};

                public Task<Reader?> OnThePool(Reader user) => {|PERSONA001:Task.Run(() => index.FindNearest(user))|};

                public Task<Reader?> FindNearestCachedAsync(Reader user) => index.FindNearestAsync(user);

                private static Task<T> Memo<T>(string key, Func<Task<T>> make) => make();
            }
            """);

    [Fact]
    public Task Listed_lookups_awaited_together_give_a_substitute_collection() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twins = {|PERSONA001:await Task.WhenAll(index.FindNearestAsync(user), index.FindNearestAsync(guest))|};
                    return twins.Select(t => t?.Summary).ToList();
            """, "public async Task<object?> Run(Reader user, Reader guest)"));

    [Fact]
    public Task A_lookup_awaited_together_with_the_users_own_profile_is_no_collection_of_substitutes() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var loaded = await Task.WhenAll(Task.FromResult(index.Own(user.Id)), index.FindNearestAsync(user));
                    return loaded[0]?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task A_lookup_started_beside_other_work_and_read_after_WhenAll_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var lookup = index.FindNearestAsync(user);
                    var own = Task.FromResult(index.Own(user.Id));
                    await Task.WhenAll(lookup, own);
                    return {|PERSONA001:lookup.Result|}?.Summary ?? own.Result?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    /// <summary>A lookup run on the thread pool into a local and waited for later: what the pool computes is the
    /// substitute, obtained where the task is waited for.</summary>
    [Theory]
    [InlineData("Task.Run(() => index.FindNearest(user))", "await lookup")]
    [InlineData("Task.Run(() => index.FindNearest(user))", "lookup.Result")]
    [InlineData("Task.Run(() => index.FindNearest(user))", "await lookup.ConfigureAwait(false)")]
    [InlineData("Task.Factory.StartNew(() => index.FindNearest(user))", "await lookup")]
    [InlineData("Task.Run(async () => await index.FindNearestAsync(user))", "await lookup")]
    [InlineData("Task.Run(() => index.FindNearestAsync(user))", "lookup.GetAwaiter().GetResult()")]
    [InlineData("Task.Run(() => { Console.WriteLine(\"looking\"); return index.FindNearest(user); })", "await lookup")]
    public Task A_lookup_run_on_the_pool_into_a_local_and_waited_for_later_is_a_substitute(string started, string waited) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var lookup = {{started}};
                    Console.WriteLine("started");
                    var twin = {|PERSONA001:{{waited}}|};
                    return twin?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task A_lookup_run_on_the_pool_into_a_local_and_checked_once_awaited_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var lookup = Task.Run(() => index.FindNearest(user));
                    var twin = await lookup;
                    return twin is not null && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : null;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Other_work_run_on_the_pool_into_a_local_is_no_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var load = Task.Run(() => index.Own(user.Id));
                    var count = Task.Run(() => index.NearestNeighbours(user, 3).Count);
                    var own = await load;
                    return (own?.Summary, await count);
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task A_lookup_started_into_a_local_and_checked_once_awaited_is_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var pending = index.FindNearestAsync(user);
                    var twin = await pending;
                    return twin is not null && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : null;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Another_task_kept_in_a_local_is_no_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var pending = Task.FromResult(index.Own(user.Id));
                    var started = index.FindNearestAsync(user);
                    var own = await pending;
                    return own?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Lookups_started_into_a_local_and_awaited_together_give_a_substitute_collection() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var friends = new List<Reader> { user };
                    var lookups = friends.Select(f => index.FindNearestAsync(f)).ToList();
                    Console.WriteLine(lookups.Count);
                    var twins = {|PERSONA001:await Task.WhenAll(lookups)|};
                    return twins.Select(t => t?.Summary).ToList();
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Lookups_started_into_a_local_awaited_together_and_vetted_are_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var friends = new List<Reader> { user };
                    var lookups = friends.Select(index.FindNearestAsync);
                    var twins = await Task.WhenAll(lookups);
                    var own = await Task.WhenAll(friends.Select(f => Task.FromResult(index.Own(f.Id))).ToArray());
                    return twins.Where(t => t is not null && ReaderGuard.Assess(user, t).IsSafe).Select(t => t!.Summary).Concat(own.Select(o => o!.Summary)).ToList();
            """, "public async Task<object?> Run(Reader user)"));

    // A search hit holds the profile beside its score (a vector store's VectorSearchResult<T>): the profile is the
    // substitute, the score is not a use of it.
    private static string WithVectorStore(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using PersonaAnalyzers;
        using Shop;
        public class C
        {
            private readonly IVectorStoreCollection<Reader> _store = null!;
        {{members}}
        }
        {{SearchHitSnippets.VectorSearchResult}}
        public interface IVectorStoreCollection<TRecord>
        {
            IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync(ReadOnlyMemory<float> vector, int top);
            Task<List<VectorSearchResult<TRecord>>> FindNearestHitsAsync(ReadOnlyMemory<float> vector, int top);
        }
        public sealed record Review(Reader Author, int Stars);
        """;

    [Fact]
    public Task Hits_streamed_by_a_configured_vector_search_hold_substitutes() =>
        Verify.VerifyAsync(WithVectorStore("""
                public async Task<string?> First(ReadOnlyMemory<float> embedding)
                {
                    await foreach (var {|PERSONA001:hit|} in _store.SearchAsync(embedding, 3))
                        return hit.Record.Summary;
                    return null;
                }
                public async Task<string?> Checked(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in _store.SearchAsync(embedding, 3))
                    {
                        if (ReaderGuard.Classify(user, hit.Record) == SimilarityBand.Moderate)
                            return hit.Record.Summary;
                    }
                    return null;
                }
                public async Task<double> OnlyScores(ReadOnlyMemory<float> embedding)
                {
                    var best = 0.0;
                    await foreach (var hit in _store.SearchAsync(embedding, 3))
                        best = Math.Max(best, hit.Score ?? 0);
                    return best;
                }
            """), "persona_analyzers.substitute_name_patterns = *Nearest*, *SearchAsync*");

    // Microsoft.Extensions.VectorData's searches need no configuration: their hits are the records nearest the query,
    // lookalikes when the records are profiles. Compiled against the real package.
    private static string WithVectorData(string members) => SearchHitSnippets.VectorDataHeader + $$"""
        public class C
        {
            private readonly VectorStoreCollection<string, Reader> _readers = null!;
            private readonly IKeywordHybridSearchable<Reader> _hybrid = null!;
            private readonly VectorStoreCollection<string, Article> _articles = null!;
        {{members}}
        }
        """;

    [Fact]
    public Task A_vector_store_search_over_profiles_is_a_source_without_configuration() =>
        Verify.VerifyWithVectorDataAsync(WithVectorData("""
                public async Task<string?> First(ReadOnlyMemory<float> embedding)
                {
                    await foreach (var {|PERSONA001:hit|} in _readers.SearchAsync(embedding, top: 3))
                        return hit.Record.Summary;
                    return null;
                }
                public async Task<string?> Hybrid(ReadOnlyMemory<float> embedding)
                {
                    await foreach (var {|PERSONA001:hit|} in _hybrid.HybridSearchAsync(embedding, new[] { "jazz" }, top: 1))
                        return hit.Record.Summary;
                    return null;
                }
                public async Task<string?> Checked(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in _readers.SearchAsync(embedding, top: 3))
                    {
                        if (ReaderGuard.Assess(user, hit.Record).IsSafe)
                            return hit.Record.Summary;
                    }
                    return null;
                }
                public async Task<double> OnlyScores(ReadOnlyMemory<float> embedding)
                {
                    var best = 0.0;
                    await foreach (var hit in _readers.SearchAsync(embedding, top: 3))
                        best = Math.Max(best, hit.Score ?? 0);
                    return best;
                }
            """));

    // A candidate source over a vector store that collects its hits unchecked: each hit added is a use.
    [Fact]
    public Task Hits_of_a_vector_store_added_to_a_list_unchecked_are_reported() =>
        Verify.VerifyWithVectorDataAsync(SearchHitSnippets.VectorDataHeader + """
            public sealed class VectorStoreCandidateSource : ICandidateSource<Reader>
            {
                private readonly VectorStoreCollection<string, Reader> _collection;
                private readonly Func<Reader, ReadOnlyMemory<float>> _embed;

                public VectorStoreCandidateSource(VectorStoreCollection<string, Reader> collection, Func<Reader, ReadOnlyMemory<float>> embed) =>
                    (_collection, _embed) = (collection, embed);

                public async Task<IReadOnlyList<Reader>> GetCandidatesAsync(Reader target, int count, System.Threading.CancellationToken cancellationToken = default)
                {
                    var candidates = new List<Reader>(count);
                    await foreach (var {|PERSONA001:hit|} in _collection.SearchAsync(_embed(target), top: count, cancellationToken: cancellationToken))
                        candidates.Add(hit.Record);
                    return candidates;
                }
            }
            """);

    // Marked [ProfileSubstitute], a candidate source retrieves and never decides: the list it fills and returns hands
    // the hits on to whoever calls it (the vetter checks them).
    [Fact]
    public Task A_substitute_source_that_fills_the_list_it_returns_hands_the_hits_on() =>
        Verify.VerifyWithVectorDataAsync(SearchHitSnippets.VectorDataHeader + """
            public sealed class VectorStoreCandidateSource : ICandidateSource<Reader>
            {
                private readonly VectorStoreCollection<string, Reader> _collection = null!;
                private readonly Func<Reader, ReadOnlyMemory<float>> _embed = null!;
                private List<Reader>? _last;

                [ProfileSubstitute]
                public async Task<IReadOnlyList<Reader>> GetCandidatesAsync(Reader target, int count, System.Threading.CancellationToken cancellationToken = default)
                {
                    var candidates = new List<Reader>(count);
                    await foreach (var hit in _collection.SearchAsync(_embed(target), top: count, cancellationToken: cancellationToken))
                        candidates.Add(hit.Record);
                    return candidates;
                }

                [ProfileSubstitute]
                public List<Reader> Neighbours(IReaderIndex index, Reader user)
                {
                    var found = new List<Reader>();
                    foreach (var n in index.NearestNeighbours(user, 5))
                        found.Add(n);
                    return found;
                }

                // Returned through ?: the graph captures the list for its arm, and the capture is what leaves.
                [ProfileSubstitute]
                public IReadOnlyList<Reader> OrNone(IReaderIndex index, Reader user)
                {
                    var found = new List<Reader>();
                    foreach (var n in index.NearestNeighbours(user, 5))
                        found.Add(n);
                    return found.Count == 0 ? Array.Empty<Reader>() : found;
                }

                [ProfileSubstitute]
                public IReadOnlyList<Reader> KeptOrNone(IReaderIndex index, Reader user)
                {
                    var found = new List<Reader>();
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 5))
                        found.Add(n);
                    _last = found.Count == 0 ? null : found;
                    return found;
                }

                // The list goes elsewhere as well (a field), or is read here: the adds are uses.
                [ProfileSubstitute]
                public List<Reader> Kept(IReaderIndex index, Reader user)
                {
                    var found = new List<Reader>();
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 5))
                        found.Add(n);
                    _last = found;
                    return found;
                }

                [ProfileSubstitute]
                public List<Reader> Read(IReaderIndex index, Reader user)
                {
                    var found = new List<Reader>();
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 5))
                        found.Add(n);
                    Console.WriteLine(Render.Prompt(found[0]));
                    return found;
                }

                // Not a substitute source itself: the list it returns is its own use.
                public List<Reader> Unmarked(IReaderIndex index, Reader user)
                {
                    var found = new List<Reader>();
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 5))
                        found.Add(n);
                    return found;
                }
            }
            """);

    [Fact]
    public Task A_vector_store_search_over_other_records_or_a_search_that_returns_no_hits_is_no_source() =>
        Verify.VerifyWithVectorDataAsync(WithVectorData("""
                public async Task<string?> Articles(ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in _articles.SearchAsync(embedding, top: 3))
                        return hit.Record.Id;
                    return null;
                }
                // A search of the user's own name: it returns profiles, not a vector store's hits.
                private static async IAsyncEnumerable<Reader> SearchAsync(string name)
                {
                    await Task.Yield();
                    yield break;
                }
                public async Task<string?> ByName(string name)
                {
                    await foreach (var reader in SearchAsync(name))
                        return reader.Summary;
                    return null;
                }
            """));

    [Fact]
    public Task Hits_returned_in_a_list_by_a_source_hold_substitutes() =>
        Verify.VerifyAsync(WithVectorStore("""
                public async Task<string> Top(ReadOnlyMemory<float> embedding)
                {
                    var hits = await _store.FindNearestHitsAsync(embedding, 3);
                    return {|PERSONA001:hits[0]|}.Record.Summary;
                }
                public async Task<List<string>> Filtered(Reader user, ReadOnlyMemory<float> embedding)
                {
                    var hits = await _store.FindNearestHitsAsync(embedding, 10);
                    return hits.Where(h => ReaderGuard.Assess(user, h.Record).IsSafe).Select(h => h.Record.Summary).ToList();
                }
                public async Task<int> Count(ReadOnlyMemory<float> embedding) => (await _store.FindNearestHitsAsync(embedding, 10)).Count;
            """));

    [Fact]
    public Task A_profile_beside_a_number_that_is_no_score_is_not_a_hit() =>
        Verify.VerifyAsync(WithVectorStore("""
                public List<Review> FallbackReviews() => new();
                public string Top() => FallbackReviews()[0].Author.Summary;
            """));

    [Fact]
    public Task Awaited_async_linq_over_a_substitute_stream_keeps_the_substitutes() =>
        Verify.VerifyAsync(WithVectorStore("""
                public async Task<string> Hits(ReadOnlyMemory<float> embedding)
                {
                    var hits = await _store.SearchAsync(embedding, 3).ToListAsync().ConfigureAwait(false);
                    return {|PERSONA001:hits[0]|}.Record.Summary;
                }
                public async Task<string?> CheckedHits(Reader user, ReadOnlyMemory<float> embedding)
                {
                    var hits = await _store.SearchAsync(embedding, 3).ToListAsync();
                    return hits.FirstOrDefault(h => ReaderGuard.Assess(user, h.Record).IsSafe)?.Record.Summary;
                }
                public async Task<string?> First(ReadOnlyMemory<float> embedding)
                {
                    var first = {|PERSONA001:await _store.SearchAsync(embedding, 3).FirstOrDefaultAsync()|};
                    return first?.Record.Summary;
                }
                public async Task<string?> FirstChecked(Reader user, ReadOnlyMemory<float> embedding)
                {
                    var first = await _store.SearchAsync(embedding, 3).FirstOrDefaultAsync(h => ReaderGuard.Assess(user, h.Record).IsSafe);
                    return first?.Record.Summary;
                }
                public async Task<int> Counted(ReadOnlyMemory<float> embedding) => await _store.SearchAsync(embedding, 3).CountAsync();
            """) + SearchHitSnippets.AsyncLinq,
            "persona_analyzers.substitute_name_patterns = *Nearest*, *SearchAsync*");
}
