using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Syntax the fixes write: fully qualified names that the simplifier shortens and that bring their usings with
/// them, and the guard's calls.</summary>
internal static class Syntax
{
    public static TypeSyntax TypeName(ITypeSymbol type) =>
        ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary><c>Guard.Method(arguments)</c> with the guard fully qualified.</summary>
    public static InvocationExpressionSyntax GuardCall(INamedTypeSymbol guard, string method, params ArgumentSyntax[] arguments) =>
        InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(guard), IdentifierName(method)),
            ArgumentList(SeparatedList(arguments)));

    /// <summary><c>Guard.TrySubstitute(target, candidate, out _)</c>.</summary>
    public static InvocationExpressionSyntax TrySubstitute(INamedTypeSymbol guard, ExpressionSyntax target, ExpressionSyntax candidate) =>
        GuardCall(guard, "TrySubstitute",
            Argument(target),
            Argument(candidate),
            Argument(null, Token(SyntaxKind.OutKeyword), IdentifierName("_")));

    /// <summary><c>candidate is not null &amp;&amp; !check</c> for a reference type (a null substitute is no use and keeps
    /// its old path; the guard throws on null), just <c>!check</c> for a struct.</summary>
    public static ExpressionSyntax FailedCheck(ExpressionSyntax check, string candidate, bool canBeNull, LanguageVersion version)
    {
        var failed = PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check);
        if (!canBeNull)
            return failed;
        ExpressionSyntax notNull = version >= LanguageVersion.CSharp9
            ? IsPatternExpression(IdentifierName(candidate), UnaryPattern(Token(SyntaxKind.NotKeyword), ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression))))
            : PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, ParenthesizedExpression(
                IsPatternExpression(IdentifierName(candidate), ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression)))));
        return BinaryExpression(SyntaxKind.LogicalAndExpression, notNull, failed);
    }

    public static T Formatted<T>(this T node) where T : SyntaxNode => node.WithAdditionalAnnotations(Formatter.Annotation);

    public static LanguageVersion Version(SyntaxTree tree) =>
        tree.Options is CSharpParseOptions options ? options.LanguageVersion : LanguageVersion.CSharp9;
}
