using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Syntax the fixes write: the guard's calls, named as they read where they go, and checks.</summary>
internal static class Syntax
{
    /// <summary><c>Guard.Method(arguments)</c>, the guard named as it reads at <paramref name="position"/>.</summary>
    public static InvocationExpressionSyntax GuardCall(INamedTypeSymbol guard, SemanticModel model, int position, string method, params ArgumentSyntax[] arguments) =>
        InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                ParseTypeName(guard.ToMinimalDisplayString(model, position)), IdentifierName(method)),
            ArgumentList(SeparatedList(arguments)));

    /// <summary><c>Guard.TrySubstitute(target, candidate, out _)</c>.</summary>
    public static InvocationExpressionSyntax TrySubstitute(INamedTypeSymbol guard, SemanticModel model, int position, ExpressionSyntax target, ExpressionSyntax candidate) =>
        GuardCall(guard, model, position, "TrySubstitute",
            Argument(target),
            Argument(candidate),
            Argument(null, Token(SyntaxKind.OutKeyword), ParseExpression("_")));

    /// <summary><c>candidate is null || !check</c> for a reference type (the guard throws on null, and a missing
    /// substitute takes the fallback too), just <c>!check</c> for a struct.</summary>
    public static ExpressionSyntax FailedCheck(ExpressionSyntax check, string candidate, bool canBeNull)
    {
        var failed = PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check);
        if (!canBeNull)
            return failed;
        var isNull = IsPatternExpression(IdentifierName(candidate), ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression)));
        return BinaryExpression(SyntaxKind.LogicalOrExpression, isNull, failed);
    }

    /// <summary><c>name is not null</c>.</summary>
    public static ExpressionSyntax IsNotNull(string name) =>
        IsPatternExpression(IdentifierName(name), UnaryPattern(Token(SyntaxKind.NotKeyword), ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression))));

    /// <summary>The replacement for <paramref name="original"/>, in parentheses only where its parent binds tighter than
    /// a <c>??</c> would.</summary>
    /// <remarks>The right of any assignment (<c>_mentor ??= …</c>) and a switch expression arm's value bind loosest too
    /// (probe 15b, repro 08).</remarks>
    public static ExpressionSyntax InPlaceOf(ExpressionSyntax original, ExpressionSyntax replacement) =>
        original.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or
            ExpressionStatementSyntax or ParenthesizedExpressionSyntax or InitializerExpressionSyntax or
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } ||
        original.Parent is AnonymousFunctionExpressionSyntax ||
        original.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } assigned && assigned.Right == original ||
        original.Parent is SwitchExpressionArmSyntax arm && arm.Expression == original
            ? replacement
            : ParenthesizedExpression(replacement);

    /// <summary><c>value is { } name</c>. The tokens carry plain spaces: with the formatter's elastic ones, an expression
    /// that starts on a line of its own (an expression body after <c>=&gt;</c>) had them put on lines of their own.</summary>
    public static IsPatternExpressionSyntax IsSomething(ExpressionSyntax value, string name) =>
        IsPatternExpression(value, Token(TriviaList(Space), SyntaxKind.IsKeyword, TriviaList(Space)), RecursivePattern(null, null,
            PropertyPatternClause(Token(TriviaList(), SyntaxKind.OpenBraceToken, TriviaList(Space)), default, Token(TriviaList(), SyntaxKind.CloseBraceToken, TriviaList(Space))),
            SingleVariableDesignation(Identifier(name))));

    /// <summary><c>value is var name</c>: names a value the compiler knows is there, with plain spaces as
    /// <see cref="IsSomething"/>.</summary>
    public static IsPatternExpressionSyntax IsAny(ExpressionSyntax value, string name) =>
        IsPatternExpression(value, Token(TriviaList(Space), SyntaxKind.IsKeyword, TriviaList(Space)),
            VarPattern(Token(TriviaList(), SyntaxKind.VarKeyword, TriviaList(Space)), SingleVariableDesignation(Identifier(name))));

    public static T Formatted<T>(this T node) where T : SyntaxNode => node.WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>Re-evaluating the expression elsewhere (once instead of per item, or at a band check) reads the same
    /// value: names and member chains only, no calls.</summary>
    public static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member => IsStable(member.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsStable(parenthesized.Expression),
        _ => false,
    };

    public static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
            expression = parenthesized.Expression;
        return expression;
    }

    /// <summary>The expression is <paramref name="name"/> itself, in parentheses or not.</summary>
    public static bool IsName(ExpressionSyntax expression, string name) =>
        Unparenthesized(expression) is IdentifierNameSyntax id && id.Identifier.ValueText == name;

    /// <summary>A statement after the one at <paramref name="index"/> of <paramref name="block"/> names
    /// <paramref name="name"/> (see <see cref="Mentions"/>).</summary>
    public static bool MentionedAfter(BlockSyntax block, int index, string name)
    {
        for (var i = index + 1; i < block.Statements.Count; i++)
        {
            if (Mentions(block.Statements[i], name))
                return true;
        }
        return false;
    }

    /// <summary>The expression names <paramref name="name"/> anywhere (as a simple name, not as a member's name).</summary>
    public static bool Mentions(SyntaxNode node, string name) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == name &&
            !(id.Parent is MemberAccessExpressionSyntax member && member.Name == id));
}
