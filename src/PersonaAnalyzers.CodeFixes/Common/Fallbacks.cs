using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>What a guarded statement does when the band check fails: skip this item in a loop, otherwise leave the
/// function with the least surprising value of its return type — <c>null</c> when it may return nothing, the target
/// user's own profile when it returns a profile that cannot be null, an empty collection for a list of results, nothing for
/// <c>void</c>. Returns null for any other return type: the fix is then not offered, because a made-up value would
/// change what the code means.</summary>
internal static class Fallbacks
{
    public static StatementSyntax? For(SemanticModel model, SyntaxNode statement, ExpressionSyntax target, ITypeSymbol targetType)
    {
        var function = ContainingFunction(statement);
        // Leaving a constructor early would leave the object half built.
        if (function is null or ConstructorDeclarationSyntax)
            return null;
        if (InLoopBody(statement, function))
            return ContinueStatement();
        var method = FunctionSymbol(model, function);
        if (method is null)
            return null;
        if (IsIterator(function))
            return YieldStatement(SyntaxKind.YieldBreakStatement);
        if (method.ReturnsVoid)
            return ReturnStatement();
        var returnType = method.ReturnType;
        if (method.IsAsync)
        {
            if (returnType is not INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { } ns } task ||
                ns.ToDisplayString() != "System.Threading.Tasks")
                return null;
            if (task.TypeArguments.Length == 0)
                return ReturnStatement();
            returnType = task.TypeArguments[0];
        }
        var value = Value(model, statement.SpanStart, returnType, target, targetType);
        return value is null ? null : ReturnStatement(value);
    }

    /// <summary>Where leaving the function has no value that keeps its meaning (a method returning a <c>string</c> built
    /// from the substitute, a prompt; a constructor): the substitute's local takes the target user's own profile instead
    /// (<c>twin = user;</c>), so the code after it personalizes from the user's own data when the substitute is not safe.
    /// Null unless the local can hold the target.</summary>
    public static StatementSyntax? OwnProfileInstead(SemanticModel model, ITypeSymbol? localType, string local, ExpressionSyntax target, ITypeSymbol targetType)
    {
        if (localType is null || !model.Compilation.ClassifyConversion(targetType, localType).IsImplicit)
            return null;
        return ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(local), target.WithoutTrivia()));
    }

    private static ExpressionSyntax? Value(SemanticModel model, int position, ITypeSymbol type, ExpressionSyntax target, ITypeSymbol targetType)
    {
        var compilation = model.Compilation;
        // A result that may be null already says "no one" to its callers: an unsafe substitute is no one as well. The
        // user's own profile there would match a user with themself (a lookalike seed, a match, a donor). Outside
        // nullable annotations (#nullable disable) a reference may be null as well (probe 14b, repro 04).
        if (type is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.Annotated or NullableAnnotation.None } ||
            type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            return LiteralExpression(SyntaxKind.NullLiteralExpression);
        if (type.SpecialType != SpecialType.System_Object && compilation.ClassifyConversion(targetType, type) is { IsImplicit: true, IsUserDefined: false })
            return target;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
            return EmptyArray(model, position, array.ElementType);
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic")
        {
            var element = named.TypeArguments[0];
            switch (named.Name)
            {
                case "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection":
                    return EmptyArray(model, position, element);
                case "List" or "HashSet":
                    return ParseExpression($"new {named.ToMinimalDisplayString(model, position)}()");
            }
        }
        return null;
    }

    private static ExpressionSyntax EmptyArray(SemanticModel model, int position, ITypeSymbol element) =>
        ParseExpression($"{model.Compilation.GetSpecialType(SpecialType.System_Array).ToMinimalDisplayString(model, position)}.Empty<{element.ToMinimalDisplayString(model, position)}>()");

    /// <summary>The method, local function, lambda or accessor whose body holds <paramref name="node"/>.</summary>
    public static SyntaxNode? ContainingFunction(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);

    public static IMethodSymbol? FunctionSymbol(SemanticModel model, SyntaxNode function) => function switch
    {
        AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda).Symbol as IMethodSymbol,
        _ => model.GetDeclaredSymbol(function) as IMethodSymbol,
    };

    private static bool InLoopBody(SyntaxNode statement, SyntaxNode function)
    {
        for (SyntaxNode? child = statement, parent = statement.Parent; parent is not null && parent != function; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case CommonForEachStatementSyntax forEach when forEach.Statement == child:
                case ForStatementSyntax forLoop when forLoop.Statement == child:
                case WhileStatementSyntax whileLoop when whileLoop.Statement == child:
                case DoStatementSyntax doLoop when doLoop.Statement == child:
                    return true;
            }
        }
        return false;
    }

    private static bool IsIterator(SyntaxNode function) =>
        function.DescendantNodes(n => n == function || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(n => n is YieldStatementSyntax);
}
