using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>The shared shape of every PersonaAnalyzers code fix provider: a list of <see cref="PersonaFix"/>es, each
/// offered only where it applies (computed up front, so a fix that would not compile never shows), and Fix All that
/// applies one edit after another (<see cref="SequentialFixAllProvider"/>). Where a rule has several fixes, the first
/// that applies is offered as the rule's <see cref="PreferredFix"/> and the others after it.</summary>
public abstract class PersonaCodeFixProvider : CodeFixProvider
{
    private PreferredFix? _preferred;
    private PreferredFix? _firstThatApplies;

    internal abstract ImmutableArray<PersonaFix> Fixes { get; }

    /// <summary>The title of the preferred fix's Fix All, for a rule with several fixes for the same diagnostic; null
    /// for a provider whose fixes each serve a different rule.</summary>
    internal virtual string? PreferredTitle => null;

    internal PreferredFix? Preferred => PreferredTitle is null ? null : _preferred ??= new PreferredFix(FixableDiagnosticIds[0], Fixes, PreferredTitle);

    /// <summary>Every equivalence key this provider registers.</summary>
    internal ImmutableArray<PersonaFix> AllFixes => Preferred is { } preferred ? Fixes.Insert(0, preferred) : Fixes;

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
            var first = true;
            foreach (var fix in Fixes)
            {
                var fixedDocument = await fix.ApplyAsync(context.Document, node, diagnostic, context.CancellationToken).ConfigureAwait(false);
                // The document itself back: nothing left to do for a diagnostic an earlier edit answered (see PersonaFix).
                if (fixedDocument is null || fixedDocument == context.Document)
                    continue;
                // The first fix that applies goes under the rule's preferred key (see PreferredFix).
                var key = first && Preferred is { } preferred ? preferred.EquivalenceKey : fix.EquivalenceKey;
                first = false;
                context.RegisterCodeFix(CodeAction.Create(fix.Title(diagnostic), _ => Task.FromResult(fixedDocument), key), diagnostic);
            }
        }
    }

    /// <summary>The fix an equivalence key names. <c>dotnet format</c> asks for Fix All with the key of the first action
    /// its first diagnostic of the rule offers — none (a null key) when that one is a shape no fix rewrites; null then
    /// stands for each diagnostic's first fix that applies, so that one unfixable diagnostic does not leave the rule
    /// unfixed everywhere else.</summary>
    internal PersonaFix? FixFor(string? equivalenceKey) =>
        equivalenceKey is null ? Preferred ?? (_firstThatApplies ??= new PreferredFix(FixableDiagnosticIds[0], Fixes, "Fix each with the first fix that applies"))
                               : AllFixes.FirstOrDefault(f => f.EquivalenceKey == equivalenceKey);

    /// <summary>The node the diagnostic is reported on (the innermost one for a tie, so an argument's expression rather
    /// than the argument).</summary>
    internal static SyntaxNode? ReportedNode(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            return null;
        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
    }

    /// <summary>The node at the diagnostic's additional location <paramref name="index"/>, found relative to
    /// <paramref name="reported"/> (the node the diagnostic is reported on, in the document being fixed): in Fix All the
    /// earlier fixes move every position, but not the reported node's own text. Null for a location outside the reported
    /// span.</summary>
    internal static SyntaxNode? AdditionalNode(SyntaxNode reported, Diagnostic diagnostic, int index)
    {
        if (index < 0 || index >= diagnostic.AdditionalLocations.Count)
            return null;
        var reportedSpan = diagnostic.Location.SourceSpan;
        var span = diagnostic.AdditionalLocations[index].SourceSpan;
        if (!reportedSpan.Contains(span))
            return null;
        return reported.FindNode(new TextSpan(reported.SpanStart + span.Start - reportedSpan.Start, span.Length), getInnermostNodeForTie: true);
    }
}
