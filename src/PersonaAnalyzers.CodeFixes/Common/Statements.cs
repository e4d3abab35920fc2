using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Helpers for fixes that remove statements: the comments a removed statement carried (kept on the statement
/// that replaces it), and whether a local is used anywhere outside given nodes.</summary>
internal static class Statements
{
    /// <summary>The comments (and directives) in the statement's leading trivia, ending with their line break; empty when
    /// it has only whitespace.</summary>
    public static SyntaxTriviaList Comments(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        if (leading.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))
            return SyntaxTriviaList.Empty;
        var end = leading.Count;
        while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            end--;
        return SyntaxFactory.TriviaList(leading.Take(end));
    }

    /// <summary><paramref name="statement"/> with the removed statements' comments in source order around its own:
    /// those of statements before it above its own comments, those after it below them.</summary>
    public static T WithCommentsOf<T>(T statement, SyntaxNode original, IEnumerable<StatementSyntax> removed) where T : StatementSyntax
    {
        var before = removed.Where(s => s.SpanStart < original.SpanStart).OrderBy(s => s.SpanStart).SelectMany(s => Comments(s)).ToList();
        var after = removed.Where(s => s.SpanStart > original.SpanStart).OrderBy(s => s.SpanStart).SelectMany(s => Comments(s)).ToList();
        if (before.Count == 0 && after.Count == 0)
            return statement;
        var own = statement.GetLeadingTrivia();
        var ownComments = Comments(statement);
        // The statement's own leading trivia ends with its indentation, which stays last.
        return statement.WithLeadingTrivia(SyntaxFactory.TriviaList(before.Concat(ownComments).Concat(after).Concat(own.Skip(ownComments.Count))));
    }

    /// <summary>The references to <paramref name="local"/> in <paramref name="scope"/>.</summary>
    public static IEnumerable<IdentifierNameSyntax> References(SemanticModel model, SyntaxNode scope, ILocalSymbol local, CancellationToken cancellationToken) =>
        scope.DescendantNodes().OfType<IdentifierNameSyntax>().Where(id => id.Identifier.ValueText == local.Name &&
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, local));

    /// <summary>The local's declarator, when it is the only one of a local declaration statement directly in a block.</summary>
    public static LocalDeclarationStatementSyntax? SoleDeclaration(ILocalSymbol local, CancellationToken cancellationToken) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax
        {
            Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax } statement },
        } && statement.UsingKeyword.IsKind(SyntaxKind.None) && !statement.IsConst
            ? statement
            : null;
}
