using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>A substitute local that the code reads only where a missing one is already handled —
/// <c>return [donor?.Tone ?? user.Tone];</c>, <c>$"{donor?.Summary ?? "neutral"}"</c>: the code says what happens
/// without a substitute, so an unsafe one is made missing — <c>if (donor is not null &amp;&amp; !Guard.TrySubstitute(user,
/// donor, out _)) donor = null;</c> — and every read keeps its own fallback. Leaving with the fix's value (an empty list,
/// the user's profile) would take the no-substitute case away from that fallback.</summary>
internal static class OwnMissingFallback
{
    /// <summary>The statement that makes an unsafe substitute missing, or null where some read of the local is not
    /// null-tolerant, the local is written again, or it cannot hold <c>null</c> without a nullable warning.</summary>
    public static StatementSyntax? Guard(SemanticModel model, LocalDeclarationStatementSyntax local, ExpressionSyntax check, CancellationToken cancellationToken) =>
        model.GetDeclaredSymbol(local.Declaration.Variables[0], cancellationToken) is ILocalSymbol symbol
            ? Guard(model, local, symbol, local.Declaration.Type.IsVar, check, cancellationToken)
            : null;

    /// <summary>The same for a local that <paramref name="statement"/> gives its value (a declaration, a call with it as
    /// an <c>out</c> argument: <c>index.TryFindNearest(user, out var twin);</c>, or an assignment: <c>n =
    /// index.FindNearest(user);</c> — also inside an <c>if</c>/<c>else</c>, a <c>try</c>, a <c>switch</c> section, a
    /// <c>using</c> or a <c>lock</c>); <paramref name="isVar"/> when it is declared with <c>var</c>.</summary>
    public static StatementSyntax? Guard(SemanticModel model, StatementSyntax statement, ILocalSymbol symbol, bool isVar, ExpressionSyntax check,
        CancellationToken cancellationToken)
    {
        // var holds null under nullable annotations; an explicit type must say '?' there.
        if (statement.Parent is not (BlockSyntax or SwitchSectionSyntax) && !IsEmbedded(statement) || !symbol.Type.IsReferenceType ||
            !(isVar || symbol.Type.NullableAnnotation != NullableAnnotation.NotAnnotated))
            return null;
        return LaterReadsAllowMissing(model, statement, symbol, cancellationToken) ? MakeMissing(symbol.Name, check) : null;
    }

    /// <summary>A statement that is the body of an <c>if</c> or <c>else</c> without braces: the guard goes beside it in a
    /// block made for the two.</summary>
    public static bool IsEmbedded(StatementSyntax statement) => statement.Parent is IfStatementSyntax or ElseClauseSyntax;

    /// <summary>Whether the local is read after <paramref name="statement"/>, and only where a missing one is allowed
    /// for: every statement after it in its block, then after each enclosing statement in turn, up to the block the
    /// local is declared in. False where a loop encloses it below that block (the next round reads it again), a lambda
    /// or a local function does, or a <c>catch</c> or <c>finally</c> of a <c>try</c> it sits in reads it.</summary>
    private static bool LaterReadsAllowMissing(SemanticModel model, StatementSyntax statement, ILocalSymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol.DeclaringSyntaxReferences.FirstOrDefault()?.Span is not { } declared)
            return false;
        var reads = 0;
        SyntaxNode current = statement;
        while (current.Parent is { } parent)
        {
            IEnumerable<SyntaxNode>? later = parent switch
            {
                BlockSyntax block => block.Statements.Skip(block.Statements.IndexOf((StatementSyntax)current) + 1),
                SwitchSectionSyntax section => section.Statements.Skip(section.Statements.IndexOf((StatementSyntax)current) + 1),
                // A handler can run between the lookup and the guard (an exception from the check itself), where it
                // would read the unchecked substitute: no guard after the lookup settles a read there.
                TryStatementSyntax attempt when attempt.Block == current =>
                    attempt.Catches.Cast<SyntaxNode>().Append(attempt.Finally)
                        .Any(handler => handler is not null && Statements.References(model, handler, symbol, cancellationToken).Any())
                        ? null
                        : Enumerable.Empty<SyntaxNode>(),
                IfStatementSyntax or ElseClauseSyntax or SwitchStatementSyntax or UsingStatementSyntax or LockStatementSyntax or CheckedStatementSyntax or
                    TryStatementSyntax or CatchClauseSyntax or FinallyClauseSyntax => Enumerable.Empty<SyntaxNode>(),
                _ => null,
            };
            if (later is null)
                return false; // a loop, a lambda or a local function between the statement and the declaration
            foreach (var node in later)
            {
                foreach (var id in Statements.References(model, node, symbol, cancellationToken))
                {
                    if (!NullTolerantReads.Contains(id))
                        return false;
                    reads++;
                }
            }
            if (parent is BlockSyntax or SwitchSectionSyntax && parent.Span.Contains(declared))
                return reads > 0;
            current = parent;
        }
        return false;
    }

    /// <summary><c>if (name is not null &amp;&amp; !check) name = null;</c></summary>
    public static StatementSyntax MakeMissing(string name, ExpressionSyntax check)
    {
        var unsafeSubstitute = BinaryExpression(SyntaxKind.LogicalAndExpression, Syntax.IsNotNull(name), PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check));
        var missing = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(name), LiteralExpression(SyntaxKind.NullLiteralExpression)));
        return IfStatement(unsafeSubstitute, missing).Formatted();
    }
}
