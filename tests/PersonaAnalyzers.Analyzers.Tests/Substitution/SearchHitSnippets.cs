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
}
