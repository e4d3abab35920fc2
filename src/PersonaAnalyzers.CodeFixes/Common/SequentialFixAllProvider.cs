using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Fix All in document, project and solution that applies the chosen fix to one diagnostic after another in
/// each document. The batch fixer merges independent text changes instead, which breaks fixes that introduce locals
/// (two fixes in one block would both declare <c>substitute</c>) or edit the same statement.</summary>
internal sealed class SequentialFixAllProvider : FixAllProvider
{
    private readonly PersonaCodeFixProvider _provider;

    public SequentialFixAllProvider(PersonaCodeFixProvider provider) => _provider = provider;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var fix = _provider.FixFor(fixAllContext.CodeActionEquivalenceKey);
        if (fix is null)
            return null;
        var documents = await DiagnosticsByDocumentAsync(fixAllContext).ConfigureAwait(false);
        var first = documents.SelectMany(d => d.Value).FirstOrDefault();
        if (first is null)
            return null;
        return CodeAction.Create(
            fix.Title(first),
            ct => FixSolutionAsync(fixAllContext.Solution, documents, fix, ct),
            fix.EquivalenceKey);
    }

    private static async Task<Dictionary<DocumentId, ImmutableArray<Diagnostic>>> DiagnosticsByDocumentAsync(FixAllContext context)
    {
        var result = new Dictionary<DocumentId, ImmutableArray<Diagnostic>>();
        IEnumerable<Document> documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents,
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
            _ => Enumerable.Empty<Document>(),
        };
        foreach (var document in documents)
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
                result[document.Id] = diagnostics;
        }
        return result;
    }

    private static async Task<Solution> FixSolutionAsync(Solution solution, Dictionary<DocumentId, ImmutableArray<Diagnostic>> documents,
        PersonaFix fix, CancellationToken cancellationToken)
    {
        foreach (var pair in documents)
        {
            var document = solution.GetDocument(pair.Key);
            if (document is null)
                continue;
            var fixedDocument = await FixDocumentAsync(document, pair.Value, fix, cancellationToken).ConfigureAwait(false);
            solution = fixedDocument.Project.Solution;
        }
        return solution;
    }

    /// <summary>Marks every reported node, then fixes them in source order (as one fix after another would), finding each mark again in the edited tree.</summary>
    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, PersonaFix fix,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
            return document;
        var marks = new List<(SyntaxAnnotation Mark, Diagnostic Diagnostic)>();
        var nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var node = PersonaCodeFixProvider.ReportedNode(root, diagnostic);
            if (node is null || nodes.ContainsKey(node))
                continue;
            var mark = new SyntaxAnnotation("PersonaFixAll");
            nodes[node] = mark;
            marks.Add((mark, diagnostic));
        }
        root = root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original]));
        document = document.WithSyntaxRoot(root);
        foreach (var (mark, diagnostic) in marks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = current?.GetAnnotatedNodes(mark).FirstOrDefault();
            if (node is null)
                continue;
            var fixedDocument = await fix.ApplyAsync(document, node, diagnostic, cancellationToken).ConfigureAwait(false);
            if (fixedDocument is not null)
                document = fixedDocument;
        }
        return document;
    }
}
