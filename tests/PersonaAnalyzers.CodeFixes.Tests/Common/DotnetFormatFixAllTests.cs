using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PersonaAnalyzers.CodeFixes.Substitution;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Tests.Common;

/// <summary>Fix All as <c>dotnet format analyzers</c> asks for it: with the equivalence key of the first action the
/// rule's first diagnostic offers, which is none (a null key) when that diagnostic is a shape no fix rewrites. The rule
/// must still be fixed everywhere else.</summary>
public class DotnetFormatFixAllTests
{
    [Fact]
    public async Task Fix_all_with_no_key_fixes_each_diagnostic_that_has_a_fix()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using Shop;

            public class Picks
            {
                // A key given by name: reported, no rewrite offered (PERSONA002.md).
                public Reader? Named(Reader user, List<Reader> pool) => pool.MaxBy(Score);
                private static double Score(Reader c) => ReaderGuard.Similarity(c, c);

                public Reader? Lambda(Reader user, List<Reader> pool) => pool.MaxBy(c => ReaderGuard.Similarity(user, c));
            }
            """;
        var document = await DocumentWithAsync(source);
        var diagnostics = await DiagnosticsAsync(document, new HighestSimilaritySelectionAnalyzer());
        Assert.Equal(2, diagnostics.Length);

        var fixer = new HighestSimilaritySelectionCodeFixProvider();
        // dotnet format's first diagnostic is the named key's, which registers no action: the key it passes is null.
        var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => actions.Add(action), CancellationToken.None));
        Assert.Empty(actions);

        var context = new FixAllContext(document, fixer, FixAllScope.Solution, null!, fixer.FixableDiagnosticIds,
            new Provider(diagnostics), CancellationToken.None);
        var fixAll = await fixer.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(fixAll);
        var operations = await fixAll!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("public Reader? Lambda(Reader user, List<Reader> pool) => ReaderGuard.SafestSubstitute(user, pool);", text);
        Assert.Contains("pool.MaxBy(Score)", text);
    }

    private static async Task<Document> DocumentWithAsync(string source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Picks", "Picks", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            metadataReferences: references.Add(MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location))));
        project = project.AddDocument("Prelude.cs", SourceText.From(Prelude.Source)).Project;
        project = project.AddDocument("ReaderGuard.g.cs", SourceText.From(Prelude.GeneratedGuard.Value)).Project;
        return project.AddDocument("Picks.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, DiagnosticAnalyzer analyzer)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
