using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PersonaAnalyzers.Analyzers.Tests.Substitution;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Robustness;

/// <summary>Runs every substitution analyzer over arbitrary C# (complete or broken) and collects what they report
/// and any exception they throw.</summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(() => Resolve(ReferenceAssemblies.Net.Net80));

    /// <summary>With a real vector store API (Microsoft.Extensions.VectorData.Abstractions).</summary>
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> VectorDataReferences =
        new(async () => await Resolve(await PersonaAnalyzers.Tests.VectorDataReferences.Net80Async()));

    private static async Task<ImmutableArray<MetadataReference>> Resolve(ReferenceAssemblies assemblies)
    {
        var framework = await assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return framework.Add(MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location));
    }

    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new UncheckedSubstituteAnalyzer(), new HighestSimilaritySelectionAnalyzer(), new RawThresholdAnalyzer(), new DiscardedCheckAnalyzer());

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions);

    /// <summary>Analyzes the sources (plus the persona prelude) as one compilation.</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, bool vectorData = false)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"/src/File{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(PersonaPrelude.Source, parseOptions, path: "/src/Prelude.cs"));
        var compilation = CSharpCompilation.Create("Robustness", trees, await (vectorData ? VectorDataReferences : References).Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
                exceptions.Enqueue(diagnostic.ToString());
        }
        return new Result(diagnostics, exceptions.ToList());
    }

    /// <summary>The repository root (where PersonaAnalyzers.sln lives).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PersonaAnalyzers.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"PersonaAnalyzers.sln not found above {AppContext.BaseDirectory}.");
    }
}
