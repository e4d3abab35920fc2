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

    /// <summary>The same for a local that <paramref name="statement"/> gives its value (a declaration, or a call with
    /// it as an <c>out</c> argument: <c>index.TryFindNearest(user, out var twin);</c>); <paramref name="isVar"/> when
    /// it is declared with <c>var</c>.</summary>
    public static StatementSyntax? Guard(SemanticModel model, StatementSyntax statement, ILocalSymbol symbol, bool isVar, ExpressionSyntax check,
        CancellationToken cancellationToken)
    {
        // var holds null under nullable annotations; an explicit type must say '?' there.
        if (statement.Parent is not BlockSyntax block || !symbol.Type.IsReferenceType || !(isVar || symbol.Type.NullableAnnotation != NullableAnnotation.NotAnnotated))
            return null;
        var name = symbol.Name;
        var reads = 0;
        foreach (var later in block.Statements.Skip(block.Statements.IndexOf(statement) + 1))
        {
            foreach (var id in later.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (id.Identifier.ValueText != name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, symbol))
                    continue;
                if (!NullTolerantReads.Contains(id))
                    return null;
                reads++;
            }
        }
        if (reads == 0)
            return null;
        return MakeMissing(name, check);
    }

    /// <summary><c>if (name is not null &amp;&amp; !check) name = null;</c></summary>
    public static StatementSyntax MakeMissing(string name, ExpressionSyntax check)
    {
        var unsafeSubstitute = BinaryExpression(SyntaxKind.LogicalAndExpression, Syntax.IsNotNull(name), PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check));
        var missing = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(name), LiteralExpression(SyntaxKind.NullLiteralExpression)));
        return IfStatement(unsafeSubstitute, missing).Formatted();
    }
}
