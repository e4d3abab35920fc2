using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>The shared shape of every PersonaAnalyzers code fix provider: a list of <see cref="PersonaFix"/>es, each
/// offered only where it applies (computed up front, so a fix that would not compile never shows), and Fix All that
/// applies one edit after another (<see cref="SequentialFixAllProvider"/>).</summary>
public abstract class PersonaCodeFixProvider : CodeFixProvider
{
    internal abstract ImmutableArray<PersonaFix> Fixes { get; }

    public sealed override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = ReportedNode(root, diagnostic);
            if (node is null)
                continue;
            foreach (var fix in Fixes)
            {
                var fixedDocument = await fix.ApplyAsync(context.Document, node, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (fixedDocument is null)
                    continue;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title(diagnostic), _ => Task.FromResult(fixedDocument), fix.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    internal PersonaFix? FixFor(string? equivalenceKey) => Fixes.FirstOrDefault(f => f.EquivalenceKey == equivalenceKey);

    /// <summary>The node the diagnostic is reported on (the innermost one for a tie, so an argument's expression rather
    /// than the argument).</summary>
    internal static SyntaxNode? ReportedNode(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            return null;
        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
    }
}
