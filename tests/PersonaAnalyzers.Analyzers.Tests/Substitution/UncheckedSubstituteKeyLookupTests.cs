using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001: a similarity search that gives other users' ids, and the lookup that turns one into that user's
/// profile — the shape of a vector index that holds only ids beside a profile store.</summary>
public class UncheckedSubstituteKeyLookupTests
{
    private const string Stores = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Shop;

        public interface IVectorIndex
        {
            Task<IReadOnlyList<string>> FindSimilarReaderIdsAsync(double[] topics, int k);
            string? NearestReaderId(double[] topics);
            IReadOnlyList<Guid> LookalikeIds(string segment);
            int NeighbourCount { get; }
        }

        public interface IReaderStore
        {
            Task<Reader?> GetAsync(string id);
            Reader Get(string id);
            Reader ByGuid(Guid id);
            IReadOnlyList<Reader> GetMany(IEnumerable<string> ids);
            IReadOnlyList<Reader> MostActive(int count);
        }

        """;

    /// <summary>Members of a class that has an id index, a profile store and a cache of profiles by id.</summary>
    private static string WithStores(string members) => Stores + $$"""
        public class C
        {
            private readonly IVectorIndex vectors = null!;
            private readonly IReaderStore store = null!;
            private readonly Dictionary<string, Reader> cache = new();

        {{members}}
        }
        """;

    [Fact]
    public Task Ids_from_a_search_started_into_a_local_and_awaited_later_are_followed() =>
        Verify.VerifyAsync(WithStores("""
                public async Task<Reader> Awaited(Reader user)
                {
                    var search = vectors.FindSimilarReaderIdsAsync(user.Topics, 1);
                    Console.WriteLine("searching");
                    var ids = await search;
                    var twin = {|PERSONA001:await store.GetAsync(ids[0])|};
                    return twin ?? user;
                }

                public async Task<int> OnlyCounted(Reader user)
                {
                    var search = vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    var ids = await search;
                    return ids.Count;
                }
            """));

    /// <summary>One of the ids read in the predicate itself (<c>ids[0]</c>, <c>ids.First()</c>, <c>ids[^1]</c>) names
    /// another user's profile as a local holding it does (probe 15a, repro 01).</summary>
    [Fact]
    public Task A_profile_found_by_an_id_read_in_the_predicate_is_a_substitute() =>
        Verify.VerifyAsync(WithStores("""
                public async Task<string?> First(Reader user, IQueryable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    return {|PERSONA001:readers.FirstOrDefault(p => p.Id == ids[0])|}?.Summary;
                }

                public async Task<string?> Selected(Reader user, IQueryable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    return {|PERSONA001:readers.FirstOrDefault(p => ids.First() == p.Id)|}?.Summary;
                }

                public async Task<List<string>> Last(Reader user, IEnumerable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    return {|PERSONA001:readers.Where(p => p.Id == ids[^1])|}.Select(d => d.Summary).ToList();
                }

                public async Task<string?> Checked(Reader user, IQueryable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    var twin = readers.FirstOrDefault(p => p.Id == ids[0]);
                    return twin is not null && ReaderGuard.TrySubstitute(user, twin, out _) ? twin.Summary : null;
                }

                public string? OwnId(Reader user, IQueryable<Reader> readers, IReadOnlyList<string> mine) =>
                    readers.FirstOrDefault(p => p.Id == mine[0])?.Summary;
            """));

    /// <summary>The bulk load an ORM user writes: the profiles whose id is among the ids.</summary>
    [Fact]
    public Task Profiles_filtered_by_membership_in_the_ids_are_substitutes() =>
        Verify.VerifyAsync(WithStores("""
                public async Task<List<string>> Bulk(Reader user, IQueryable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    var donors = {|PERSONA001:readers.Where(p => ids.Contains(p.Id))|}.ToList();
                    return donors.Select(d => d.Summary).ToList();
                }

                public string? One(Reader user, IEnumerable<Reader> readers)
                {
                    var id = vectors.NearestReaderId(user.Topics);
                    return {|PERSONA001:readers.FirstOrDefault(p => p.Id == id && p.Summary.Length > 0)|}?.Summary;
                }

                public async Task<List<string>> Checked(Reader user, IQueryable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    return readers.Where(p => ids.Contains(p.Id)).Where(d => ReaderGuard.Assess(user, d).IsSafe).Select(d => d.Summary).ToList();
                }

                public async Task<List<string>> Others(Reader user, IQueryable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    return readers.Where(p => !ids.Contains(p.Id)).Select(d => d.Summary).ToList();
                }

                public async Task<List<string>> EitherOr(Reader user, IQueryable<Reader> readers)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    return readers.Where(p => ids.Contains(p.Id) || p.Id == user.Id).Select(d => d.Summary).ToList();
                }
            """));

    [Fact]
    public Task A_profile_looked_up_by_an_id_from_a_similarity_search_is_a_substitute() =>
        Verify.VerifyAsync(WithStores("""
                public async Task<Reader> Awaited(Reader user)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 1);
                    var twin = {|PERSONA001:await store.GetAsync(ids[0])|};
                    return twin ?? user;
                }

                public Reader OutOfACache(Reader user)
                {
                    if (vectors.NearestReaderId(user.Topics) is { } id && cache.TryGetValue(id, {|PERSONA001:out var twin|}))
                        return twin;
                    return user;
                }

                public Reader Indexed(Reader user) => {|PERSONA001:cache[vectors.NearestReaderId(user.Topics)!]|};

                public Reader ByGuid(Reader user) => {|PERSONA001:store.ByGuid(vectors.LookalikeIds(user.Id).First())|};

                public string Several(Reader user) =>
                    Render.Prompt({|PERSONA001:store.GetMany(vectors.LookalikeIds(user.Id).Select(g => g.ToString()))[0]|});

                public async Task<Reader> Projected(Reader user) =>
                    {|PERSONA001:(await vectors.FindSimilarReaderIdsAsync(user.Topics, 3)).Select(id => store.Get(id)).First()|};

                public async Task<Reader> InALoop(Reader user)
                {
                    foreach (var id in await vectors.FindSimilarReaderIdsAsync(user.Topics, 5))
                    {
                        if (id == user.Id)
                            continue;
                        return {|PERSONA001:store.Get(id)|};
                    }
                    return user;
                }
            """));

    // The vector store holds what embeds each reader under the reader's id; the profile store is elsewhere.
    private const string ReaderVectors = SearchHitSnippets.VectorDataHeader + """
        public sealed class ReaderVector
        {
            [VectorStoreKey] public string ReaderId { get; set; } = "";
            [VectorStoreData] public string Segment { get; set; } = "";
            [VectorStoreVector(3)] public ReadOnlyMemory<float> Embedding { get; set; }
        }

        public interface IReaderStore
        {
            Task<Reader?> GetAsync(string id);
        }

        """;

    [Fact]
    public Task A_profile_looked_up_by_the_key_of_a_vector_store_hit_is_a_substitute() =>
        Verify.VerifyWithVectorDataAsync(ReaderVectors + """
            public class C
            {
                private readonly VectorStoreCollection<string, ReaderVector> vectors = null!;
                private readonly IReaderStore store = null!;

                public async Task<Reader> Streamed(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in vectors.SearchAsync(embedding, top: 1))
                        return {|PERSONA001:await store.GetAsync(hit.Record.ReaderId)|} ?? user;
                    return user;
                }

                public async Task<Reader> Listed(Reader user, ReadOnlyMemory<float> embedding)
                {
                    var hits = await vectors.SearchAsync(embedding, top: 3).ToListAsync();
                    var id = hits[0].Record.ReaderId;
                    return {|PERSONA001:await store.GetAsync(id)|} ?? user;
                }

                public async Task<Reader> Checked(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in vectors.SearchAsync(embedding, top: 5))
                    {
                        if (await store.GetAsync(hit.Record.ReaderId) is { } candidate && ReaderGuard.Assess(user, candidate).IsSafe)
                            return candidate;
                    }
                    return user;
                }

                // A data property of the record is no key: the reader it names is not the one the vector embeds.
                public async Task<Reader?> BySegment(ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in vectors.SearchAsync(embedding, top: 1))
                        return await store.GetAsync(hit.Record.Segment);
                    return null;
                }
            }
            """ + SearchHitSnippets.AsyncLinq);

    [Fact]
    public Task Checked_lookups_counts_own_ids_and_the_ids_themselves_are_not_reported() =>
        Verify.VerifyAsync(WithStores("""
                public async Task<Reader> Checked(Reader user)
                {
                    foreach (var id in await vectors.FindSimilarReaderIdsAsync(user.Topics, 10))
                    {
                        var candidate = await store.GetAsync(id);
                        if (candidate is not null && ReaderGuard.Assess(user, candidate).IsSafe)
                            return candidate;
                    }
                    return user;
                }

                public Reader Safest(Reader user) =>
                    ReaderGuard.SafestSubstitute(user, store.GetMany(vectors.LookalikeIds(user.Id).Select(g => g.ToString()))) ?? user;

                // A name-matching count is no id.
                public IReadOnlyList<Reader> Count() => store.MostActive(vectors.NeighbourCount);

                // The ids are no profile: returning or logging them hands no one's data on.
                public async Task<IReadOnlyList<string>> Ids(Reader user)
                {
                    var ids = await vectors.FindSimilarReaderIdsAsync(user.Topics, 5);
                    Console.WriteLine(string.Join(",", ids));
                    return ids;
                }

                public Reader Own(Reader user) => store.Get(user.Id);

                // The profiles the ids do not name.
                public List<Reader> Others(Reader user, List<Reader> all) =>
                    all.ExceptBy(vectors.LookalikeIds(user.Id).Select(g => g.ToString()), r => r.Id).ToList();
            """));
}
