namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>The persona type, a hand-written guard shaped like the generated one, and substitute sources that the
/// test snippets use. The tests do not depend on the source generator.</summary>
internal static class PersonaPrelude
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using PersonaAnalyzers;

        namespace Shop
        {
            [PersonaProfile]
            public sealed class Reader
            {
                [PersonaKey] public string Id { get; set; } = "";
                [PersonaFeature(SimilarityMetric.Cosine)] public double[] Topics { get; set; } = Array.Empty<double>();
                public string Summary { get; set; } = "";
                public List<string> Purchases { get; } = new();
            }

            public sealed class Article { public string Title { get; set; } = ""; }

            public sealed class ReaderSimilarity
            {
                public double Overall { get; set; }
                public double Topics { get; set; }
            }

            public static class ReaderGuard
            {
                public static double Similarity(Reader a, Reader b) => 0;
                public static ReaderSimilarity Explain(Reader a, Reader b) => new();
                [SimilarityBandCheck] public static SimilarityBand Classify(Reader target, Reader candidate) => SimilarityBand.Moderate;
                [SimilarityBandCheck] public static SubstitutionVerdict Assess(Reader target, Reader candidate) => default;
                [SimilarityBandCheck] public static bool TrySubstitute(Reader target, Reader candidate, out SubstitutionVerdict verdict) { verdict = default; return false; }
                [SimilarityBandCheck] public static Reader? SafestSubstitute(Reader target, IEnumerable<Reader> candidates) => null;
                [SimilarityBandCheck] public static void EnsureSafe(Reader target, Reader candidate) { }
            }

            public interface IReaderIndex
            {
                [ProfileSubstitute] Reader Lookalike(Reader target);
                Reader? FindNearest(Reader target);
                IReadOnlyList<Reader> NearestNeighbours(Reader target, int k);
                Task<Reader?> FindNearestAsync(Reader target);
                Reader? Own(string id);
                IReadOnlyList<Reader> All { get; }
                Reader FallbackPersona { get; }
            }

            public static class Render
            {
                public static string Prompt(Reader reader) => reader.Summary;
                public static string Blend(Reader own, Reader other, double weight) => "";
                public static IEnumerable<Article> Recommend(Reader reader) => Array.Empty<Article>();
            }
        }
        """;
}
