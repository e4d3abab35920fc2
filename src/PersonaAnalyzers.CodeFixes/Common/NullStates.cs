using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Where the compiler already knows a substitute is there, the guard tests it for null no more
/// (<c>if (!Guard.TrySubstitute(user, n, out _))</c> rather than <c>if (n is null || …)</c>): a null test of a value
/// that cannot be null is dead code to the reader. What the compiler knows is its nullable flow state, never a
/// programmer's <c>!</c>, which asserts a state rather than knowing it.</summary>
internal static class NullStates
{
    /// <summary>The value is not null under nullable annotations: a non-nullable result
    /// (<c>index.FallbackPersona(locale)</c>), an <c>IReadOnlyList&lt;Reader&gt;</c>'s indexer. Never a value under a
    /// <c>!</c>: the compiler then reports the asserted state, for the operand too.</summary>
    public static bool KnownNotNull(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken) =>
        WithoutForgiving(value) == Syntax.Unparenthesized(value) &&
        model.GetTypeInfo(value, cancellationToken).Nullability.FlowState == NullableFlowState.NotNull;

    /// <summary>The elements of a loop's collection are not null: typed so (<c>IReadOnlyList&lt;Reader&gt;</c>, not
    /// <c>Reader?</c>), or the loop variable is known not null where the body first reads it (an async stream read
    /// through <c>WithCancellation(…).ConfigureAwait(false)</c>, whose element type the compiler reports without its
    /// annotation).</summary>
    public static bool ElementsKnownNotNull(SemanticModel model, CommonForEachStatementSyntax forEach, CancellationToken cancellationToken) =>
        model.GetForEachStatementInfo(forEach).ElementType is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.NotAnnotated } ||
        forEach is ForEachStatementSyntax { Identifier.ValueText: var name } && KnownPresent(model, forEach.Statement, name, cancellationToken);

    /// <summary>At its first read in <paramref name="region"/> the compiler knows the variable is not null (a
    /// <c>[NotNullWhen(true)]</c> or <c>[MaybeNullWhen(false)]</c> out parameter where the call succeeded,
    /// <c>TryGetValue</c>'s, one not annotated nullable).</summary>
    public static bool KnownPresent(SemanticModel model, SyntaxNode region, string name, CancellationToken cancellationToken)
    {
        // Under a '!', the compiler reports the state the programmer asserted, not the one it knows.
        var use = region.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().FirstOrDefault(id => id.Identifier.ValueText == name &&
            !id.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression));
        return use is not null && model.GetTypeInfo(use, cancellationToken).Nullability.FlowState == NullableFlowState.NotNull;
    }

    /// <summary>The expression inside its parentheses and <c>!</c>s.</summary>
    public static ExpressionSyntax WithoutForgiving(ExpressionSyntax value)
    {
        while (true)
        {
            switch (value)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    value = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } forgiven:
                    value = forgiven.Operand;
                    break;
                default:
                    return value;
            }
        }
    }
}
