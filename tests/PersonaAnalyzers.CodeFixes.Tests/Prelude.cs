namespace PersonaAnalyzers.CodeFixes.Tests;

/// <summary>A persona type the real generator turns into <c>Shop.ReaderGuard</c>, and the kind of store and index
/// recommender code calls. The snippets under test use it.</summary>
internal static class Prelude
{
    /// <summary>What the real generator writes for <see cref="Source"/>: the fixed code must compile against it.
    /// (Added as a source rather than by running the generator inside the code-fix test, whose workspace does not
    /// hand generated documents to code fixes.)</summary>
    public static readonly Lazy<string> GeneratedGuard = new(() =>
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Prelude",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source) },
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Select(p => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p))
                .Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var run = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new PersonaAnalyzers.Generator.PersonaGuardGenerator())
            .RunGenerators(compilation).GetRunResult();
        var guard = run.GeneratedTrees.Single(t => t.FilePath.Contains("ReaderGuard"));
        return guard.GetText().ToString();
    });

    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PersonaAnalyzers;

        namespace Shop
        {
            [PersonaProfile]
            public sealed class Reader
            {
                [PersonaKey] public string Id { get; set; } = "";
                [PersonaFeature(SimilarityMetric.Cosine)] public double[] Topics { get; set; } = Array.Empty<double>();
                [PersonaFeature(SimilarityMetric.Jaccard)] public HashSet<string> Authors { get; set; } = new();
                public string Summary { get; set; } = "";
            }

            public sealed class Article { public string Title { get; set; } = ""; }

            public interface IReaderIndex
            {
                [ProfileSubstitute] Reader Lookalike(Reader target);
                Reader? FindNearest(Reader target);
                IReadOnlyList<Reader> NearestNeighbours(Reader target, int k);
                Task<Reader?> FindNearestAsync(Reader target);
                Reader? Own(string id);
                Reader FallbackPersona { get; }
            }

            public static class Render
            {
                public static string Prompt(Reader reader) => reader.Summary;
                public static IReadOnlyList<Article> Recommend(Reader reader) => Array.Empty<Article>();
            }
        }
        """;
}
