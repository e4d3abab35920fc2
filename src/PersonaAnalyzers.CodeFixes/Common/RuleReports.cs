using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>What another of the package's rules reports inside a region, asked of that rule's own analyzer. Where two
/// rules meet on the same code, one fix steps aside for the other's so that <c>dotnet format</c> writes the same code
/// whichever rule it happens to fix first. Only a fix pays for this, never a build.</summary>
internal static class RuleReports
{
    public static async Task<ImmutableArray<Diagnostic>> InAsync(Document document, SemanticModel model, DiagnosticAnalyzer analyzer,
        string id, TextSpan region, CancellationToken cancellationToken)
    {
        var diagnostics = await model.Compilation.WithAnalyzers(ImmutableArray.Create(analyzer), document.Project.AnalyzerOptions)
            .GetAnalyzerSemanticDiagnosticsAsync(model, region, cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => d.Id == id && region.Contains(d.Location.SourceSpan)).ToImmutableArray();
    }

    /// <summary>Where another rule's report on the same substitute stands: the statement itself and, where a variable holds
    /// the substitute, the rest of its block.</summary>
    public static TextSpan Region(SyntaxNode statement, bool restOfBlock) =>
        TextSpan.FromBounds(statement.SpanStart,
            restOfBlock && statement.Parent is BlockSyntax block ? block.Statements.Last().Span.End : statement.Span.End);

    /// <summary>Whether <paramref name="fix"/> rewrites the code for that rule's report: one it leaves as it is settles
    /// nothing, and stepping aside for it would leave both reports unfixed.</summary>
    public static async Task<bool> FixedByAsync(PersonaFix fix, Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        PersonaCodeFixProvider.ReportedNode(root, diagnostic) is { } reported &&
        await fix.ApplyAsync(document, reported, diagnostic, cancellationToken).ConfigureAwait(false) is { } fixedDocument &&
        fixedDocument != document;
}
