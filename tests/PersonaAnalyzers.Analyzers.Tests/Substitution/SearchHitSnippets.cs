namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>A vector store's search hit as Microsoft.Extensions.VectorData shapes it: the record beside a nullable score.</summary>
internal static class SearchHitSnippets
{
    public const string VectorSearchResult = """

        public sealed class VectorSearchResult<TRecord>
        {
            public TRecord Record { get; } = default!;
            public double? Score { get; }
        }
        """;

    // Async LINQ over a stream (System.Linq.AsyncEnumerable in .NET 10, System.Linq.Async before): awaited, ToListAsync
    // is the stream's substitutes and FirstOrDefaultAsync one of them, as ToList and FirstOrDefault are.
    public const string AsyncLinq = """
        public static class AsyncEnumerable
        {
            public static ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, System.Threading.CancellationToken ct = default) => default;
            public static ValueTask<T?> FirstOrDefaultAsync<T>(this IAsyncEnumerable<T> source, System.Threading.CancellationToken ct = default) => default;
            public static ValueTask<T?> FirstOrDefaultAsync<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate, System.Threading.CancellationToken ct = default) => default;
            public static ValueTask<int> CountAsync<T>(this IAsyncEnumerable<T> source, System.Threading.CancellationToken ct = default) => default;
        }
        """;

    /// <summary>The usings of a snippet compiled against Microsoft.Extensions.VectorData, and records that are not
    /// profiles (<c>Article</c>) for the searches that must not be reported.</summary>
    public const string VectorDataHeader = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Extensions.VectorData;
        using PersonaAnalyzers;
        using Shop;
        public sealed class Article
        {
            public string Id { get; set; } = "";
        }

        """;
}
