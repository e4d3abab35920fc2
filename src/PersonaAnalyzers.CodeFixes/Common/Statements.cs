using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Helpers for fixes that remove statements: the comments a removed statement carried (kept on the statement
/// that takes its place), and the references to a local.</summary>
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

    /// <summary>Every comment a removed statement carries: its leading comments as they were, then each comment inside
    /// it or after it on its last line, on a line of its own at the statement's indentation.</summary>
    public static SyntaxTriviaList CarriedComments(StatementSyntax removed)
    {
        var leading = removed.GetLeadingTrivia();
        var result = new List<SyntaxTrivia>(Comments(removed));
        var indentation = Indentation(removed);
        var endOfLine = removed.DescendantTrivia(descendIntoTrivia: false).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine.IsKind(SyntaxKind.None))
            endOfLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
        foreach (var trivia in removed.DescendantTrivia(descendIntoTrivia: false))
        {
            if (leading.Contains(trivia) || !IsComment(trivia))
                continue;
            result.AddRange(indentation);
            result.Add(trivia);
            result.Add(endOfLine);
        }
        return SyntaxFactory.TriviaList(result);
    }

    /// <summary>The whitespace that ends the node's leading trivia: its indentation.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node) =>
        SyntaxFactory.TriviaList(node.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());

    public static int CommentCount(SyntaxNode node) => node.DescendantTrivia(descendIntoTrivia: false).Count(IsComment);

    private static bool IsComment(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) ||
        trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);

    /// <summary><paramref name="statement"/> with the removed statements' comments above it, in source order around its
    /// own: those of statements before it (or of the one it replaces) first, those after it last.</summary>
    public static T WithCommentsOf<T>(T statement, SyntaxNode original, IEnumerable<StatementSyntax> removed) where T : StatementSyntax
    {
        var before = removed.Where(s => s.SpanStart <= original.SpanStart).OrderBy(s => s.SpanStart).SelectMany(s => CarriedComments(s)).ToList();
        var after = removed.Where(s => s.SpanStart > original.SpanStart).OrderBy(s => s.SpanStart).SelectMany(s => CarriedComments(s)).ToList();
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

    /// <summary>The loop body with <paramref name="first"/> in front of its statements, made a block where it was one
    /// statement.</summary>
    /// <remarks>A statement made a block keeps its own end-of-line comment (<c>list.Add(n.Summary); // shown on the
    /// dashboard</c>); the block's closing brace takes only the line break, not a second copy of it (probe 15b, repro 05).</remarks>
    public static StatementSyntax Prepended(StatementSyntax body, StatementSyntax first) =>
        body is BlockSyntax block
            ? block.WithStatements(block.Statements.Insert(0, first))
            : SyntaxFactory.Block(first, body.WithoutLeadingTrivia())
                .WithLeadingTrivia(body.GetLeadingTrivia())
                .WithTrailingTrivia(body.GetTrailingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)))
                .Formatted();

    /// <summary>Control never runs past the statement: it returns, throws, continues or breaks, or is a block that ends
    /// so.</summary>
    public static bool Leaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => true,
        BlockSyntax block => block.Statements.Count > 0 && Leaves(block.Statements[block.Statements.Count - 1]),
        _ => false,
    };
}
