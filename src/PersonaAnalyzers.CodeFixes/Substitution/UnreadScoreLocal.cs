using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>After PERSONA003's fix replaced the comparison on a score local (<c>var closeness = Guard.Similarity(a, b);</c>)
/// with the band check, nothing may read the local any more. The fix follows only locals initialised with a pure score
/// call (<c>Similarity</c>, <c>Explain(…).Overall</c> over names and member chains), so dropping the declaration
/// changes nothing that runs; its comments (and a blank line above it) move to the statement after it.</summary>
internal static class UnreadScoreLocal
{
    /// <summary><paramref name="newRoot"/> without the query clause <paramref name="let"/> (of the tree before the edit)
    /// when no clause after it names its range variable any more; otherwise <paramref name="newRoot"/> as it is.</summary>
    public static SyntaxNode Remove(SyntaxNode newRoot, LetClauseSyntax let)
    {
        if (newRoot.FindNode(let.Span) is not LetClauseSyntax current || !current.IsEquivalentTo(let) || current.Parent is not QueryBodySyntax body)
            return newRoot;
        var name = current.Identifier.ValueText;
        var index = body.Clauses.IndexOf(current);
        var read = body.Clauses.Skip(index + 1).Any(clause => Syntax.Mentions(clause, name)) || Syntax.Mentions(body.SelectOrGroup, name) ||
                   body.Continuation is { } continuation && Syntax.Mentions(continuation, name);
        return read ? newRoot : newRoot.ReplaceNode(body, body.WithClauses(body.Clauses.RemoveAt(index)));
    }

    /// <summary><paramref name="newRoot"/> without <paramref name="declaration"/> (a statement of the tree before the
    /// edit) when no statement after it names the local any more; otherwise <paramref name="newRoot"/> as it is.</summary>
    public static SyntaxNode Remove(SyntaxNode newRoot, LocalDeclarationStatementSyntax declaration)
    {
        // The edit replaced code after the declaration, so the declaration is where it was.
        if (newRoot.FindNode(declaration.Span) is not LocalDeclarationStatementSyntax current || !current.IsEquivalentTo(declaration) ||
            current.Parent is not BlockSyntax block || current.Declaration.Variables.Count != 1)
            return newRoot;
        var name = current.Declaration.Variables[0].Identifier.ValueText;
        var index = block.Statements.IndexOf(current);
        // A name the local shares with a lambda's own local or a nameof counts as a read: the declaration then stays.
        if (index + 1 >= block.Statements.Count || Syntax.MentionedAfter(block, index, name))
            return newRoot;
        var next = block.Statements[index + 1];
        var carried = Statements.CarriedComments(current);
        // Without comments, a blank line above the declaration still separates the code it separated.
        if (carried.Count == 0 && !next.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            carried = SyntaxFactory.TriviaList(current.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        next = next.WithLeadingTrivia(carried.AddRange(next.GetLeadingTrivia()));
        var statements = block.Statements.Replace(block.Statements[index + 1], next).RemoveAt(index);
        return newRoot.ReplaceNode(block, block.WithStatements(statements));
    }
}
