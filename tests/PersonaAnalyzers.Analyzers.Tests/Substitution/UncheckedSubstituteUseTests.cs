using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001: what counts as a use, and what does not.</summary>
public class UncheckedSubstituteUseTests
{
    [Fact]
    public Task Storing_in_a_field_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    cached = {|PERSONA001:index.FindNearest(user)|};
                    return null;
            """));

    [Fact]
    public Task Storing_in_an_array_element_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var slots = new Reader?[1];
                    slots[0] = {|PERSONA001:index.FindNearest(user)|};
                    return slots;
            """));

    // A ref local writes where it refers: here, a dictionary's slot.
    [Fact]
    public Task Storing_through_a_ref_local_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var byId = new Dictionary<string, Reader>();
                    var twin = {|PERSONA001:index.FindNearest(user)|};
                    if (twin is null) return null;
                    ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byId, user.Id, out _);
                    slot = twin;
                    Reader copy;
                    copy = twin;
                    return byId;
            """));

    /// <summary>Binding a ref local to a substitute element stores nothing: the alias is judged as a local is — checked
    /// first, only null-tested or only its key read, nothing is reported (probe 9b, repro 02).</summary>
    [Theory]
    [InlineData("ref var first = ref arr[0]; if (!ReaderGuard.Assess(user, first).IsSafe) return user.Summary; return first.Summary;")]
    [InlineData("ref readonly var first = ref arr[0]; return ReaderGuard.TrySubstitute(user, first, out _) ? first.Summary : user.Summary;")]
    [InlineData("ref var first = ref arr[0]; return first is null ? \"none\" : first.Id;")]
    [InlineData("var total = 0; System.ReadOnlySpan<Reader> ns = arr; foreach (ref readonly var n in ns) { if (!ReaderGuard.Assess(user, n).IsSafe) continue; total += n.Summary.Length; } return total.ToString();")]
    public Task Binding_a_ref_local_to_a_substitute_element_stores_nothing(string body) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var arr = index.NearestNeighbours(user, 3).ToArray();
                    {{body}}
            """, "public string Run(Reader user)"));

    [Fact]
    public Task A_ref_local_bound_to_a_substitute_element_and_read_unchecked_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var arr = index.NearestNeighbours(user, 3).ToArray();
                    ref var first = ref {|PERSONA001:arr[0]|};
                    return first.Summary;
            """, "public string Run(Reader user)"));

    /// <summary>A factory whose substitute a cache keeps (<c>GetOrAdd</c>, <c>AddOrUpdate</c>, <c>GetOrCreateAsync</c>) with
    /// the call's value thrown away: the substitute is stored unchecked and nothing is left here to check (probe 9a,
    /// repro 03). With the value used, the check belongs where it is used.</summary>
    [Fact]
    public Task A_cache_factory_whose_value_is_thrown_away_stores_the_substitute() =>
        Verify.VerifyAsync("""
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Shop;
            public static class Caching
            {
                public static Task<T> GetOrCreateAsync<T>(this Dictionary<string, object> cache, string key, Func<string, Task<T>> factory) => factory(key);
            }
            public class Prewarm
            {
                private readonly ConcurrentDictionary<string, Reader?> _donors = new();
                private readonly Dictionary<string, object> _cache = new();
                public void Factory(IReaderIndex index, Reader user) => {|PERSONA001:_donors.GetOrAdd(user.Id, _ => index.FindNearest(user))|};
                public void Update(IReaderIndex index, Reader user) { _ = {|PERSONA001:_donors.AddOrUpdate(user.Id, _ => index.FindNearest(user), (_, old) => old)|}; }
                public async Task Async(IReaderIndex index, Reader user) => {|PERSONA001:await _cache.GetOrCreateAsync(user.Id, _ => index.FindNearestAsync(user))|};
                public string? Used(IReaderIndex index, Reader user)
                {
                    var donor = _donors.GetOrAdd(user.Id, _ => index.FindNearest(user));
                    return donor is not null && ReaderGuard.Assess(user, donor).IsSafe ? Render.Prompt(donor) : null;
                }
                public void Checked(IReaderIndex index, Reader user) =>
                    _donors.GetOrAdd(user.Id, key => index.FindNearest(user) is { } d && ReaderGuard.TrySubstitute(user, d, out _) ? d : null);
            }
            """);

    /// <summary>A <c>finally</c> is reached from its <c>try</c> (probe 10, repro 01); a check before the <c>try</c> still
    /// covers it.</summary>
    [Theory]
    [InlineData("var other = {|PERSONA001:index.FindNearest(user)|}!; try { log.Add(\"a\"); } finally { log.Add(other.Summary); }")]
    [InlineData("var other = {|PERSONA001:index.FindNearest(user)|}; try { log.Add(\"a\"); } finally { cached = other; }")]
    [InlineData("var other = index.FindNearest(user); if (other is null || !ReaderGuard.Assess(user, other).IsSafe) return; try { log.Add(\"a\"); } finally { log.Add(other.Summary); }")]
    // A check inside the try that leaves early does not cover the finally, which runs on that way out too (probe 11a, C21).
    [InlineData("var other = {|PERSONA001:index.FindNearest(user)|}; try { if (other is null || !ReaderGuard.Assess(user, other).IsSafe) return; log.Add(other.Summary); } finally { cached = other; }")]
    [InlineData("var other = index.FindNearest(user); try { if (other is null || !ReaderGuard.Assess(user, other).IsSafe) return; log.Add(other.Summary); } finally { log.Add(\"done\"); }")]
    public Task A_use_in_a_finally_block_is_judged_on_every_way_into_it(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body, "public void Run(Reader user, List<string> log)"));

    [Fact]
    public Task Storing_in_an_object_initializer_property_is_a_use() =>
        Verify.VerifyAsync("""
            using Shop;
            public sealed class Context { public Reader? Persona { get; set; } }
            public class C
            {
                public Context Run(IReaderIndex index, Reader user) => new Context { Persona = {|PERSONA001:index.FindNearest(user)|} };
            }
            """);

    [Fact]
    public Task Passing_to_an_ordinary_method_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.FindNearest(user)|};
                    return Render.Recommend(other!);
            """));

    [Fact]
    public Task Adding_to_a_collection_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.FindNearest(user)|};
                    pool.Add(other!);
                    return null;
            """));

    [Fact]
    public Task Collection_initializer_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return new List<Reader> { {|PERSONA001:index.FindNearest(user)|}! };
            """));

    [Fact]
    public Task Reading_a_feature_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.FindNearest(user)|};
                    var topics = other!.Topics;
                    return topics.Length;
            """));

    [Fact]
    public Task Interpolating_into_a_prompt_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.FindNearest(user)|};
                    return $"Write for a reader like: {other!.Summary}";
            """));

    [Fact]
    public Task Conditional_access_reads_the_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA001:index.FindNearest(user)|}?.Purchases;
            """));

    [Fact]
    public Task Coalescing_with_the_own_profile_still_uses_the_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var profile = index.Own(user.Id) ?? {|PERSONA001:index.FindNearest(user)|};
                    return Render.Prompt(profile!);
            """));

    [Fact]
    public Task Capture_in_an_escaping_lambda_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.FindNearest(user)|};
                    Func<string> prompt = () => Render.Prompt(other!);
                    return prompt;
            """));

    [Fact]
    public Task Null_test_and_key_read_are_not_uses() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.FindNearest(user);
                    if (other is null || other == null)
                        return null;
                    return other.Id;
            """));

    [Fact]
    public Task Logging_the_substitute_is_not_a_use() =>
        Verify.VerifyAsync("""
            using Shop;
            public static class AuditLog { public static void LogSubstitute(string id, string summary) { } }
            public class C
            {
                public void Run(IReaderIndex index, Reader user)
                {
                    var other = index.FindNearest(user);
                    AuditLog.LogSubstitute(other!.Id, $"{other.Summary}");
                    System.Diagnostics.Debug.WriteLine(other.Summary);
                }
            }
            """);

    [Fact]
    public Task Logging_the_substitute_through_a_LoggerMessage_method_is_not_a_use() =>
        Verify.VerifyAsync("""
            using Microsoft.Extensions.Logging;
            using Shop;
            namespace Microsoft.Extensions.Logging
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class LoggerMessageAttribute : System.Attribute { public LoggerMessageAttribute(int eventId, string message) { } }
            }
            public sealed partial class Recommender
            {
                private readonly IReaderIndex index = null!;
                public string? Describe(Reader user)
                {
                    var nearest = index.FindNearest(user);
                    NearestFound(nearest?.Summary);
                    return user.Summary;
                }
                public string? Borrow(Reader user)
                {
                    var nearest = {|PERSONA001:index.FindNearest(user)|};
                    Remember(nearest?.Summary);
                    return user.Summary;
                }
                [LoggerMessage(1, "Nearest profile {Summary}")]
                private partial void NearestFound(string? summary);
                private partial void NearestFound(string? summary) { }
                // Partial without [LoggerMessage]: an ordinary method.
                private partial void Remember(string? summary);
                private partial void Remember(string? summary) { }
            }
            """);

    [Fact]
    public Task Throwing_with_the_substitute_in_the_message_is_not_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.FindNearest(user);
                    throw new InvalidOperationException($"no own profile, nearest was {other?.Summary}");
            """));

    [Fact]
    public Task Counting_a_substitute_collection_is_not_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var neighbours = index.NearestNeighbours(user, 10);
                    return neighbours.Count + (neighbours.Any() ? 1 : 0);
            """));

    [Fact]
    public Task A_substitute_member_may_return_its_substitute_unchecked() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            using System.Collections.Generic;
            using System.Linq;
            public class Lookalikes
            {
                private readonly IReaderIndex index = null!;
                [ProfileSubstitute] public Reader Pick(Reader target) => index.Lookalike(target);
                public Reader? FindNearestCached(Reader target) => index.FindNearest(target);
                public IEnumerable<Reader> SimilarReaders(Reader target)
                {
                    foreach (var other in index.NearestNeighbours(target, 3))
                        yield return other;
                }
            }
            """);

    [Fact]
    public Task A_substitute_member_that_is_not_async_may_return_its_substitute_in_a_completed_task() =>
        Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;
            public class InMemoryLookalikes
            {
                private readonly IReaderIndex index = null!;
                public Task<Reader?> FindNearestAsync(Reader target) => Task.FromResult(index.FindNearest(target));
                [ProfileSubstitute] public Task<Reader> Donor(Reader target) => Task.FromResult<Reader>(index.Lookalike(target));
                public ValueTask<Reader?> FindNearestFastAsync(Reader target) => ValueTask.FromResult(index.FindNearest(target));
                public ValueTask<Reader?> FindSimilarAsync(Reader target)
                {
                    var twin = index.FindNearest(target);
                    return new ValueTask<Reader?>(twin);
                }
            }
            """);

    [Fact]
    public Task A_substitute_member_may_return_a_collection_it_builds_from_substitutes() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class FakeIndex
            {
                private readonly IReaderIndex inner = null!;
                public Reader? Nearest { get; set; }
                public IReadOnlyList<Reader> NearestOne(Reader target) { var twin = inner.Lookalike(target); return [twin]; }
                public IReadOnlyList<Reader> NearestAll(Reader target) => [.. inner.NearestNeighbours(target, 5)];
                public IReadOnlyList<Reader> NearestOrNone(Reader target) => Nearest is null ? [] : [Nearest];
                public List<Reader> NearestList(Reader target) => new List<Reader> { inner.Lookalike(target) };
                public Reader[] NearestArray(Reader target) { var twin = inner.Lookalike(target); return new[] { twin }; }
                public IReadOnlyList<Reader> NearestKept(Reader target)
                {
                    List<Reader> kept = [inner.Lookalike(target)];
                    kept.Add(inner.Lookalike(target));
                    return kept;
                }
                public IReadOnlyList<Reader> NearestShared(Reader target)
                {
                    List<Reader> kept = [{|PERSONA001:inner.Lookalike(target)|}];
                    Shared = kept;
                    return kept;
                }
                public List<Reader>? Shared { get; set; }
            }
            """);

    [Fact]
    public Task An_ordinary_member_returning_a_collection_it_builds_from_substitutes_is_a_use() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;
            public class Profiles
            {
                private readonly IReaderIndex inner = null!;
                public IReadOnlyList<Reader> ProfilesFor(Reader target) { var twin = {|PERSONA001:inner.Lookalike(target)|}; return [twin]; }
                public List<Reader> Borrowed(Reader target) => new List<Reader> { {|PERSONA001:inner.Lookalike(target)|} };
                public Reader[] Donors(Reader target) { var twin = {|PERSONA001:inner.Lookalike(target)|}; return new[] { twin }; }
                public IReadOnlyList<Reader> Kept(Reader target)
                {
                    List<Reader> kept = [{|PERSONA001:inner.Lookalike(target)|}];
                    return kept;
                }
            }
            """);

    [Fact]
    public Task An_ordinary_member_returning_a_substitute_in_a_completed_task_is_a_use() =>
        Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Shop;
            public class Profiles
            {
                private readonly IReaderIndex index = null!;
                public Task<Reader?> ProfileForAsync(Reader target) => Task.FromResult({|PERSONA001:index.FindNearest(target)|});
                public Task<Reader?> BorrowedProfileAsync(Reader target)
                {
                    var twin = {|PERSONA001:index.FindNearest(target)|};
                    return Task.FromResult(twin);
                }
            }
            """);

    [Fact]
    public Task Yield_return_from_an_ordinary_iterator_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    foreach (var {|PERSONA001:other|} in index.NearestNeighbours(user, 3))
                        yield return other;
            """, "public IEnumerable<Reader> Run(Reader user)"));

    [Fact]
    public Task Coalescing_assignment_into_a_local_carries_the_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Reader? twin = index.Own(user.Id);
                    twin ??= {|PERSONA001:index.FindNearest(user)|};
                    return twin?.Summary;
            """));

    [Fact]
    public Task Coalescing_assignment_into_a_local_then_checked_is_clean() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    Reader? twin = index.Own(user.Id);
                    twin ??= index.FindNearest(user);
                    if (twin is null || !ReaderGuard.Assess(user, twin).IsSafe)
                        return null;
                    return twin.Summary;
            """));

    [Fact]
    public Task Coalescing_assignment_into_a_field_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    cached ??= {|PERSONA001:index.FindNearest(user)|};
                    return null;
            """));

    [Fact]
    public Task Collection_expression_element_and_spread_are_uses() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public Reader[] Element(Reader user) => [user, {|PERSONA001:_index.Lookalike(user)|}];
                public List<Reader> Spread(Reader user) => [.. {|PERSONA001:_index.NearestNeighbours(user, 3)|}];
                public Reader[] Checked(Reader user)
                {
                    var twin = _index.Lookalike(user);
                    if (!ReaderGuard.Assess(user, twin).IsSafe)
                        return [user];
                    return [user, twin];
                }
            }
            """);

    [Fact]
    public Task Test_over_neighbours_that_reads_their_data_is_a_use() =>
        Verify.VerifyAsync("""
            using System.Linq;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public bool Bought(Reader user, string item) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Any(n => n.Purchases.Contains(item));
                public int Described(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Count(n => n.Summary.Length > 0);
                public bool Exists(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.ToList().Exists(n => n.Purchases.Count > 3);
            }
            """);

    [Fact]
    public Task Test_over_neighbours_by_key_identity_check_or_count_is_not() =>
        Verify.VerifyAsync("""
            using System.Linq;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public bool Known(Reader user) => _index.NearestNeighbours(user, 5).Any(n => n.Id == user.Id);
                public bool Same(Reader user) => _index.NearestNeighbours(user, 5).Any(n => n == user);
                public bool AllSafe(Reader user) => _index.NearestNeighbours(user, 5).All(n => ReaderGuard.Assess(user, n).IsSafe);
                public bool Close(Reader user) => _index.NearestNeighbours(user, 5).Any(n => ReaderGuard.Similarity(user, n) > 0.5);
                public int Count(Reader user) => _index.NearestNeighbours(user, 5).Count;
                public bool Any(Reader user) => _index.NearestNeighbours(user, 5).Any();
                public bool SafeBought(Reader user) => _index.NearestNeighbours(user, 5).Where(n => ReaderGuard.Assess(user, n).IsSafe).Any(n => n.Purchases.Count > 3);
            }
            """);

    [Fact]
    public Task A_lambda_handed_the_neighbours_that_uses_their_data_unchecked_is_a_use() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public List<string> Summaries(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Select(n => n.Summary).ToList();
                public int Bought(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Sum(n => n.Purchases.Count);
                public int Overlapping(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Count(n => Overlap(user.Topics, n.Topics) > 0.5);
                private static double Overlap(double[] a, double[] b) => 0;
                public void Each(Reader user, List<string> into) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.ToList().ForEach(n => into.Add(n.Summary));
                public void Parallel(Reader user, List<string> into) =>
                    System.Threading.Tasks.Parallel.ForEach({|PERSONA001:_index.NearestNeighbours(user, 5)|}, n => { lock (into) into.Add(n.Summary); });
                public IEnumerable<string> Prompts(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Select(n => Render.Prompt(n));
                // The dictionary holds the neighbours themselves, whatever its key selector reads.
                public Dictionary<string, Reader> ById(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.ToDictionary(n => n.Id);
                // Checked on one way only.
                public IEnumerable<string> Half(Reader user) => {|PERSONA001:_index.NearestNeighbours(user, 5)|}.Select(n => n.Summary.Length > 3 || ReaderGuard.Assess(user, n).IsSafe ? n.Summary : "");
            }
            """);

    [Fact]
    public Task A_lambda_handed_the_neighbours_that_checks_them_or_reads_only_keys_is_not() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                public IEnumerable<string> Ids(Reader user) => _index.NearestNeighbours(user, 5).Select(n => n.Id);
                public string Joined(Reader user) => string.Join(",", _index.NearestNeighbours(user, 5).Select(n => n.Id));
                public IEnumerable<string?> Vetted(Reader user) =>
                    _index.NearestNeighbours(user, 5).Select(n => ReaderGuard.Assess(user, n).IsSafe ? n.Summary : null);
                public void Parallel(Reader user, List<string> into) =>
                    System.Threading.Tasks.Parallel.ForEach(_index.NearestNeighbours(user, 5), n =>
                    {
                        if (ReaderGuard.Classify(user, n) != SimilarityBand.Moderate)
                            return;
                        lock (into) into.Add(n.Summary);
                    });
                public void Each(Reader user, List<string> into) =>
                    _index.NearestNeighbours(user, 5).ToList().ForEach(n => { if (ReaderGuard.Assess(user, n).IsSafe) into.Add(n.Summary); });
                public double[] Scores(Reader user) => _index.NearestNeighbours(user, 5).Select(n => ReaderGuard.Similarity(user, n)).ToArray();
                public int Close(Reader user) => _index.NearestNeighbours(user, 5).Count(n => CosineSimilarity(user.Topics, n.Topics) > 0.5);
                private static double CosineSimilarity(double[] a, double[] b) => 0;
            }
            """);

    [Fact]
    public Task A_lambda_handed_the_elements_of_a_substitute_stream_is_judged_with_them() =>
        Verify.VerifyAsync("""
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Shop;
            public class C
            {
                public IAsyncEnumerable<Reader> StreamSimilarAsync(Reader r, CancellationToken ct) => null!;
                public Task Checked(Reader user, ConcurrentBag<string> cards, CancellationToken ct) =>
                    Parallel.ForEachAsync(StreamSimilarAsync(user, ct), ct, (similar, token) =>
                    {
                        if (ReaderGuard.TrySubstitute(user, similar, out _))
                            cards.Add(similar.Summary);
                        return ValueTask.CompletedTask;
                    });
                public Task KeysOnly(Reader user, ConcurrentBag<string> ids, CancellationToken ct) =>
                    Parallel.ForEachAsync(StreamSimilarAsync(user, ct), ct, (similar, token) => { ids.Add(similar.Id); return ValueTask.CompletedTask; });
                public Task Unchecked(Reader user, ConcurrentBag<string> cards, CancellationToken ct) =>
                    Parallel.ForEachAsync({|PERSONA001:StreamSimilarAsync(user, ct)|}, ct, (similar, token) => { cards.Add(similar.Summary); return ValueTask.CompletedTask; });
                public Task Handed(Reader user, CancellationToken ct) => Send({|PERSONA001:StreamSimilarAsync(user, ct)|});
                private static Task Send(IAsyncEnumerable<Reader> readers) => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task A_continuation_handed_a_lookup_task_is_judged_with_its_result() =>
        Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Shop;
            public class C
            {
                private readonly IReaderIndex index = null!;
                public Task<string> Tone(Reader user) => {|PERSONA001:index.FindNearestAsync(user)|}.ContinueWith(t => t.Result?.Summary ?? "neutral");
                public async Task<string> Awaited(Reader user) => await {|PERSONA001:index.FindNearestAsync(user)|}.ContinueWith(t => t.Result?.Summary ?? "neutral");
                public Task<string> Checked(Reader user) =>
                    index.FindNearestAsync(user).ContinueWith(t => t.Result is { } twin && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : user.Summary);
                public Task<string?> Key(Reader user) => index.FindNearestAsync(user).ContinueWith(t => t.Result?.Id);
                public Task<bool> Failed(Reader user) => index.FindNearestAsync(user).ContinueWith(t => t.IsFaulted);
            }
            """);

    /// <summary>IQueryable's operators take their lambdas as expression trees (an ORM's query): read as the same lambdas.</summary>
    [Fact]
    public Task Lambdas_over_a_queryable_of_substitutes_are_read_as_over_a_list() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public interface IReaderQueries { IQueryable<Reader> SimilarReaders(Reader user); }
            public class C
            {
                private readonly IReaderQueries queries = null!;
                public List<string> Checked(Reader user) => queries.SimilarReaders(user).Where(r => ReaderGuard.Assess(user, r).IsSafe).Select(r => r.Summary).ToList();
                public List<string> Keys(Reader user) => queries.SimilarReaders(user).Select(r => r.Id).ToList();
                public List<string> Unchecked(Reader user) => {|PERSONA001:queries.SimilarReaders(user)|}.Select(r => r.Summary).ToList();
            }
            """);

    [Fact]
    public Task A_tuple_pairing_the_user_with_the_twin_carries_the_twin_in_its_place() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;

                public List<string?> Vetted(IEnumerable<Reader> users) =>
                    users.Select(u => (User: u, Twin: _index.FindNearest(u)))
                         .Where(p => p.Twin is not null && ReaderGuard.Assess(p.User, p.Twin).IsSafe)
                         .Select(p => p.Twin?.Summary).ToList();

                public List<string> OwnSide(IEnumerable<Reader> users) =>
                    users.Select(u => (User: u, Twin: _index.FindNearest(u))).Select(p => p.User.Summary).ToList();

                public List<string?> Unvetted(IEnumerable<Reader> users) =>
                    {|PERSONA001:users.Select(u => (User: u, Twin: _index.FindNearest(u)))|}.Select(p => p.Twin?.Summary).ToList();

                public List<string> Loop(IEnumerable<Reader> users)
                {
                    var result = new List<string>();
                    foreach (var (user, twin) in users.Select(u => (u, _index.FindNearest(u))).ToList())
                    {
                        if (twin is null || !ReaderGuard.TrySubstitute(user, twin, out _))
                            continue;
                        result.Add(twin.Summary + user.Summary);
                    }
                    foreach ({|PERSONA001:var (user, twin)|} in users.Select(u => (u, _index.FindNearest(u))))
                        result.Add(user.Summary + twin?.Summary);
                    return result;
                }

                public string Local(Reader user)
                {
                    var pair = (Me: user, Other: {|PERSONA001:_index.FindNearest(user)|});
                    var own = pair.Me.Summary;
                    var (_, other) = pair;
                    return own + other?.Summary;
                }

                public (Reader, Reader?) Returned(Reader user) => (user, {|PERSONA001:_index.FindNearest(user)|});
            }
            """);

    [Theory]
    [InlineData("return {|PERSONA001:index.FindNearest(user)|} is { } twin ? twin.Summary : null;")]
    [InlineData("if ({|PERSONA001:index.FindNearest(user)|} is Reader twin and not null) return twin.Summary; return null;")]
    [InlineData("return {|PERSONA001:index.FindNearest(user)|} switch { { Summary: var summary } => summary, null => null };")]
    [InlineData("return {|PERSONA001:index.FindNearest(user)|} is { Summary.Length: > 10 } ? \"long\" : \"short\";")]
    [InlineData("if ({|PERSONA001:index.FindNearest(user)|} is not { } twin) return null; return twin.Summary;")]
    [InlineData("if ({|PERSONA001:index.FindNearest(user)|} is not Reader twin) return null; return twin.Summary;")]
    [InlineData("var found = {|PERSONA001:index.FindNearest(user)|}; if (found is not { Summary.Length: > 0 } twin) return null; return twin.Summary;")]
    public Task Patterns_carry_the_substitute_and_read_its_data(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Theory]
    [InlineData("if ({|PERSONA001:index.NearestNeighbours(user, 5)|} is [var first, ..]) return first.Summary; return null;")]
    [InlineData("return {|PERSONA001:index.NearestNeighbours(user, 5)|} switch { [var only] => only.Summary, _ => null };")]
    [InlineData("if (index.NearestNeighbours(user, 5).ToArray() is [_, .. var rest]) return {|PERSONA001:rest[0]|}.Summary; return null;")]
    [InlineData("if ({|PERSONA001:index.NearestNeighbours(user, 5)|} is [_, ..] all) return all; return null;")]
    public Task List_patterns_carry_the_substitutes(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Theory]
    [InlineData("if (index.NearestNeighbours(user, 5) is [var first, ..] && ReaderGuard.Assess(user, first).IsSafe) return first.Summary; return null;")]
    [InlineData("return index.NearestNeighbours(user, 5) is [_, _, ..] ? \"several\" : \"few\";")]
    public Task List_patterns_checked_or_only_counting_are_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Fact]
    public Task Deconstructing_a_profile_reads_its_data() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            [PersonaProfile]
            public sealed record Persona([property: PersonaKey] string UserId, [property: PersonaFeature(SimilarityMetric.Cosine)] double[] Taste, string Voice);
            public interface IPersonaStore { Persona? FindMostSimilar(string userId); }
            public class Prompter
            {
                public string Voice(IPersonaStore store, string userId)
                {
                    var (_, _, voice) = {|PERSONA001:store.FindMostSimilar(userId)|}!;
                    return voice;
                }
            }
            """);

    [Theory]
    [InlineData("return index.FindNearest(user) is { } twin && ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : null;")]
    [InlineData("return index.FindNearest(user) is null ? \"none\" : \"some\";")]
    [InlineData("if (index.FindNearest(user) is not { } twin || !ReaderGuard.Assess(user, twin).IsSafe) return null; return twin.Summary;")]
    [InlineData("if (index.FindNearest(user) is not Reader twin) return null; if (ReaderGuard.Classify(user, twin) != SimilarityBand.Moderate) return null; return twin.Summary;")]
    [InlineData("return index.FindNearest(user) is { Id: var key } ? key : null;")]
    public Task Checked_patterns_and_null_or_key_tests_are_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Fact]
    public Task Local_function_that_uses_a_captured_substitute_uses_it_where_it_is_called() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var twin = {|PERSONA001:index.FindNearest(user)|}!;
                    return Describe();
                    string Describe() => "Likes " + twin.Summary;
            """));

    [Theory]
    [InlineData("if (!ReaderGuard.Assess(user, twin).IsSafe) return user.Summary; return Describe(); string Describe() => twin.Summary;")]
    [InlineData("return Describe(); string Describe() => ReaderGuard.Assess(user, twin).IsSafe ? twin.Summary : user.Summary;")]
    [InlineData("return user.Summary; string Describe() => twin.Summary;")] // never called
    [InlineData("return Describe(); string Describe() => twin.Id;")] // reads only the key
    public Task Local_function_capture_that_is_checked_or_harmless_is_not_reported(string rest) =>
        Verify.VerifyAsync(Verify.InMethod("        var twin = index.FindNearest(user)!;\n        " + rest));

    [Theory]
    [InlineData("(from n in {|PERSONA001:index.NearestNeighbours(user, 5)|} select n.Summary).ToList()")]
    [InlineData("(from n in {|PERSONA001:index.NearestNeighbours(user, 5)|} where n.Id != user.Id select n.Summary).ToList()")]
    [InlineData("(from n in {|PERSONA001:index.NearestNeighbours(user, 5)|} let s = n.Summary select s).ToList()")]
    [InlineData("(from n in {|PERSONA001:index.NearestNeighbours(user, 5)|} select n).ToList()")]
    public Task Substitutes_read_in_a_query_expression_are_used(string query) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{query}};
            """));

    [Theory]
    [InlineData("(from u in users let twin = index.FindNearest(u) where twin != null && ReaderGuard.Assess(u, twin).IsSafe select twin.Summary).ToList()")]
    [InlineData("(from u in users let twin = index.FindNearest(u) select twin == null ? \"\" : twin.Id).ToList()")]
    [InlineData("(from u in users let twin = index.FindNearest(u) where twin != null select u.Summary).ToList()")]
    [InlineData("users.Select(u => new { User = u, Twin = index.FindNearest(u) }).Select(p => p.Twin?.Id).ToList()")]
    [InlineData("users.Select(u => new { User = u, Twin = index.FindNearest(u) }).Where(p => p.Twin != null && ReaderGuard.Assess(p.User, p.Twin).IsSafe).Select(p => p.Twin!.Summary).ToList()")]
    [InlineData("users.Select(u => new { User = u, Twin = index.FindNearest(u) }).Select(p => p.User.Summary).ToList()")]
    public Task Substitutes_a_query_let_or_an_anonymous_object_carries_are_judged_where_they_are_read(string query) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{query}};
            """, "public object? Run(System.Collections.Generic.IEnumerable<Reader> users)"));

    [Theory]
    [InlineData("(from u in users {|PERSONA001:let twin = index.FindNearest(u)|} where twin != null select twin.Summary).ToList()")]
    [InlineData("{|PERSONA001:users.Select(u => new { User = u, Twin = index.FindNearest(u) })|}.Select(p => p.Twin!.Summary).ToList()")]
    [InlineData("{|PERSONA001:users.Select(u => new { User = u, Twin = index.FindNearest(u) })|}.Where(p => p.Twin != null && ReaderGuard.Assess(p.User, p.Twin).IsSafe || p.User.Id.Length > 3).Select(p => p.Twin!.Summary).ToList()")]
    public Task Substitutes_a_query_let_or_an_anonymous_object_carries_are_reported_at_the_call_they_are_handed_to(string query) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    return {{query}};
            """, "public object? Run(System.Collections.Generic.IEnumerable<Reader> users)"));

    [Theory]
    [InlineData("var pair = new { User = user, Twin = {|PERSONA001:index.FindNearest(user)|} }; return pair.Twin?.Summary;")]
    [InlineData("var pair = new { User = user, Twin = {|PERSONA001:index.FindNearest(user)|} }; return pair;")]
    [InlineData("var pair = new { User = user, Twin = index.FindNearest(user) }; return pair.User.Summary + pair.Twin?.Id;")]
    [InlineData("var pair = new { User = user, Twin = index.FindNearest(user) }; return pair.Twin is { } t && ReaderGuard.Assess(user, t).IsSafe ? t.Summary : null;")]
    public Task An_anonymous_object_holding_a_substitute_is_judged_by_the_member_read(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Theory]
    [InlineData("dynamic twin = {|PERSONA001:index.FindNearest(user)|}!; string summary = twin.Summary; return summary;")]
    [InlineData("dynamic twin = {|PERSONA001:index.FindNearest(user)|}!; return Render.Prompt(twin);")]
    [InlineData("dynamic twin = index.FindNearest(user)!; string id = twin.Id; return id;")]
    [InlineData("dynamic twin = index.FindNearest(user)!; if (!ReaderGuard.Assess(user, (Reader)twin).IsSafe) return null; string summary = twin.Summary; return summary;")]
    [InlineData("dynamic twin = {|PERSONA001:index.FindNearest(user)|}!; if (!ReaderGuard.Assess(user, twin).IsSafe) return null; string summary = twin.Summary; return summary;")]
    public Task A_substitute_held_as_dynamic_is_judged_by_what_is_read(string body) =>
        Verify.VerifyAsync(Verify.InMethod("        " + body));

    [Fact]
    public Task Substitutes_a_query_filters_by_the_check_are_checked() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return (from n in index.NearestNeighbours(user, 5) where ReaderGuard.Assess(user, n).IsSafe select n.Summary).ToList();
            """));

    [Theory]
    [InlineData("(from n in index.NearestNeighbours(user, 5) select n).FirstOrDefault()")]
    [InlineData("index.NearestNeighbours(user, 5).Select(n => n).FirstOrDefault()")]
    public Task Element_taken_after_an_identity_select_is_the_substitute_and_checked_there(string taken) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var first = {{taken}};
                    if (first is null || !ReaderGuard.Assess(user, first).IsSafe)
                        return null;
                    return first;
            """));

    /// <summary><c>ExceptBy</c>, <c>IntersectBy</c>, <c>UnionBy</c> pass the substitutes on, as <c>Where</c> does, and
    /// <c>Chunk</c> hands them on in batches, each judged as the collection (probe 14a, repro 01).</summary>
    [Theory]
    [InlineData("return index.NearestNeighbours(user, 100).ExceptBy(new[] { \"a\" }, a => a.Id).Select(a => a.Id).ToList();")]
    [InlineData("return index.NearestNeighbours(user, 100).IntersectBy(new[] { \"a\" }, a => a.Id).Count();")]
    [InlineData("var n = 0; foreach (var batch in index.NearestNeighbours(user, 100).Chunk(10)) foreach (var l in batch) { if (!ReaderGuard.TrySubstitute(user, l, out _)) continue; n += l.Purchases.Count; } return n;")]
    [InlineData("foreach (var page in index.NearestNeighbours(user, 100).Chunk(10)) if (ReaderGuard.SafestSubstitute(user, page) is { } pick) return pick.Summary; return null;")]
    [InlineData("return index.NearestNeighbours(user, 100).Chunk(10).Select(batch => batch.Length).ToList();")]
    [InlineData("return index.NearestNeighbours(user, 10).UnionBy(index.NearestNeighbours(user, 20), a => a.Id).Select(a => a.Id).ToList();")]
    [InlineData("return ReaderGuard.SafestSubstitute(user, pool.Concat(index.NearestNeighbours(user, 10)));")]
    public Task Set_operators_and_batches_pass_the_substitutes_on_without_using_them(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("return {|PERSONA001:index.NearestNeighbours(user, 100)|}.Chunk(10).Sum(batch => batch.Sum(l => l.Purchases.Count));")]
    [InlineData("return {|PERSONA001:index.NearestNeighbours(user, 100).UnionBy(pool, a => a.Id).First()|}.Summary;")]
    [InlineData("return pool.Concat({|PERSONA001:index.NearestNeighbours(user, 10)|}).Select(a => a.Summary).ToList();")]
    [InlineData("return {|PERSONA001:index.NearestNeighbours(user, 100)|}.ExceptBy(new[] { \"a\" }, a => a.Id).Select(a => a.Summary).ToList();")]
    [InlineData("var batches = index.NearestNeighbours(user, 100).Chunk(10).ToList(); return Render.Prompt({|PERSONA001:batches[0][0]|});")]
    [InlineData("foreach (var batch in index.NearestNeighbours(user, 100).Chunk(10)) foreach (var {|PERSONA001:l|} in batch) return l.Summary; return null;")]
    public Task Set_operators_and_batches_that_reach_a_use_are_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    /// <summary>An element taken from the end (<c>ns[^1]</c>), a slice (<c>arr[..3]</c>) and a span view of the
    /// substitutes are taken from them as <c>ns[0]</c> is (probe 14b, repro 12; probe 14a, repro 03).</summary>
    [Theory]
    [InlineData("var ns = index.NearestNeighbours(user, 5); return {|PERSONA001:ns[^1]|}.Summary;")]
    [InlineData("var ns = index.NearestNeighbours(user, 5).ToArray(); return {|PERSONA001:ns[^1]|}.Summary;")]
    [InlineData("var ns = {|PERSONA001:index.NearestNeighbours(user, 5)|}.ToArray(); return ns[..3];")]
    [InlineData("var ns = index.NearestNeighbours(user, 5).ToArray(); foreach (var {|PERSONA001:n|} in ns.AsSpan(0, 2)) return n.Summary; return null;")]
    [InlineData("var ns = index.NearestNeighbours(user, 5).ToArray(); foreach (var {|PERSONA001:n|} in ns.AsSpan().Slice(1)) return n.Summary; return null;")]
    public Task Elements_from_the_end_slices_and_spans_are_taken_from_the_substitutes(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    [Theory]
    [InlineData("var ns = index.NearestNeighbours(user, 5).ToArray(); return ReaderGuard.SafestSubstitute(user, ns.AsSpan(0, 2).ToArray());")]
    [InlineData("var ns = index.NearestNeighbours(user, 5).ToList(); var n = 0; foreach (var l in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ns)) { if (!ReaderGuard.TrySubstitute(user, l, out _)) continue; n += l.Purchases.Count; } return n;")]
    [InlineData("var ns = index.NearestNeighbours(user, 5); var last = ns[^1]; return ReaderGuard.TrySubstitute(user, last, out _) ? last.Summary : null;")]
    [InlineData("var ns = index.NearestNeighbours(user, 5).ToArray(); var n = 0; foreach (var l in ns.AsSpan().Slice(1, 2)) { if (!ReaderGuard.TrySubstitute(user, l, out _)) continue; n += l.Purchases.Count; } return n;")]
    public Task Checked_elements_from_the_end_and_span_views_are_not_reported(string body) =>
        Verify.VerifyAsync(Verify.InMethod(body));

    /// <summary>A list of the body's own filled only for a band check to choose from is no use of what it is given (probe
    /// 14a, S09); one that is also returned, stored or read is.</summary>
    [Theory]
    [InlineData("return ReaderGuard.SafestSubstitute(user, candidates);")]
    [InlineData("if (candidates.Count == 0) return null; return ReaderGuard.SafestSubstitute(user, candidates)?.Summary;")]
    public Task A_list_filled_only_for_the_guard_to_choose_from_is_no_use(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var candidates = new List<Reader>();
                    foreach (var n in index.NearestNeighbours(user, 10))
                        candidates.Add(n);
                    {{rest}}
            """));

    [Theory]
    [InlineData("return candidates;")]
    [InlineData("var pick = ReaderGuard.SafestSubstitute(user, candidates); return candidates[0].Summary;")]
    public Task A_list_filled_for_the_guard_and_also_used_keeps_the_adds_as_uses(string rest) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var candidates = new List<Reader>();
                    foreach (var {|PERSONA001:n|} in index.NearestNeighbours(user, 10))
                        candidates.Add(n);
                    {{rest}}
            """));
}
