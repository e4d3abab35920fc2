using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA001 on a whole collection of substitutes handed on unchecked (<c>return index.NearestNeighbours(user, 5);</c>,
/// <c>Blend(store.GetMany(similarIds))</c>): keeps only the ones that pass the band check —
/// <c>index.NearestNeighbours(user, 5).Where(n => {T}Guard.TrySubstitute(user, n, out _)).ToList()</c> — so the code
/// that receives them gets the safe ones and never a near-twin. Materialised only as far as the place needs: nothing for
/// an <c>IEnumerable&lt;T&gt;</c>, <c>ToArray()</c> for an array, <c>ToList()</c> for a list or a read-only list or
/// collection; any other collection type gets no fix.</summary>
internal sealed class KeepSafeSubstitutesFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA001.KeepSafeSubstitutes";

    public override string Title(Diagnostic diagnostic) => "Keep only the substitutes that pass the band check";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!(diagnostic.Properties.TryGetValue(SubstitutionProperties.IsCollection, out var collection) && collection == "true") ||
            node is not ExpressionSyntax substitutes)
            return null;
        if (await GuardRewrite.PrepareAsync(document, diagnostic, "TrySubstitute", cancellationToken).ConfigureAwait(false) is not { } rewrite)
            return null;
        // neighbours.Where(c => Similarity(user, c) > 0.75): PERSONA003's fix turns that bar into the check.
        if (await RawBars.DecideAsync(document, node, null, cancellationToken).ConfigureAwait(false))
            return null;
        var (model, root, types) = (rewrite.Model, rewrite.Root, rewrite.Types);
        var info = model.GetTypeInfo(substitutes, cancellationToken);
        if (info.Type is null)
            return null;
        var addLinq = !LinqInScope(model, substitutes, info.Type);
        if (SubstitutionSymbols.For(model.Compilation)?.VettedCandidateOfT is { } vettedType && IsVettedCollection(info.Type, vettedType))
            return await KeepSafeVerdictsAsync(document, root, model, substitutes, info, vettedType, addLinq, cancellationToken).ConfigureAwait(false);
        if (!PersonaCollections.IsCollectionOf(info.Type, types.Persona) ||
            Materialised(info.ConvertedType ?? info.Type, element => PersonaCollections.IsPersona(element, types.Persona)) is not { } materialise)
            return null;

        var candidate = LocalNames.Unique(model, substitutes, "candidate");
        return await TargetProfiles.FirstFixAsync(document, model, substitutes, types.Persona, cancellationToken, target =>
        {
            var check = Syntax.TrySubstitute(types.Guard, model, substitutes.SpanStart, target, IdentifierName(candidate));
            ExpressionSyntax filtered = Call(Receiver(substitutes), "Where", SimpleLambdaExpression(Parameter(Identifier(candidate)), check));
            if (materialise.Length > 0)
                filtered = Call(filtered, materialise);
            var newRoot = root.ReplaceNode(substitutes, filtered.WithTriviaFrom(substitutes).Formatted());
            return addLinq && newRoot is CompilationUnitSyntax unit ? Usings.Ensure(unit, "System.Linq") : newRoot;
        }, substitutes).ConfigureAwait(false);
    }

    /// <summary><c>vetter.Vet(user, pool)</c> hands back every candidate beside its verdict: keep those whose verdict is
    /// safe — <c>vetter.Vet(user, pool).Where(vetted =&gt; vetted.Verdict.IsSafe)</c> — the check is already made.</summary>
    private static async Task<Document?> KeepSafeVerdictsAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax substitutes,
        TypeInfo info, INamedTypeSymbol vettedType, bool addLinq, CancellationToken cancellationToken)
    {
        // The receiver of a further LINQ call needs a sequence only.
        var expected = substitutes.Parent is MemberAccessExpressionSyntax access && access.Expression == substitutes
            ? ""
            : Materialised(info.ConvertedType ?? info.Type!, element => IsVetted(element, vettedType));
        if (expected is null)
            return null;
        var vetted = LocalNames.Unique(model, substitutes, "vetted");
        var isSafe = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(vetted), IdentifierName("Verdict")), IdentifierName("IsSafe"));
        ExpressionSyntax filtered = Call(Receiver(substitutes), "Where", SimpleLambdaExpression(Parameter(Identifier(vetted)), isSafe));
        if (expected.Length > 0)
            filtered = Call(filtered, expected);
        var newRoot = root.ReplaceNode(substitutes, filtered.WithTriviaFrom(substitutes).Formatted());
        if (addLinq && newRoot is CompilationUnitSyntax unit)
            newRoot = Usings.Ensure(unit, "System.Linq");
        return await FinishedDocument.CreateAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsVettedCollection(ITypeSymbol type, INamedTypeSymbol vettedType) =>
        type is IArrayTypeSymbol { ElementType: var element } ? IsVetted(element, vettedType) :
        type is INamedTypeSymbol named && named.AllInterfaces.Append(named).Any(i =>
            i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && IsVetted(i.TypeArguments[0], vettedType));

    private static bool IsVetted(ITypeSymbol element, INamedTypeSymbol vettedType) =>
        SymbolEqualityComparer.Default.Equals(element.OriginalDefinition, vettedType);

    /// <summary>What turns the filtered sequence into what the place expects: "" when a sequence will do, else the
    /// name of the LINQ method; null when no LINQ method gives that type.</summary>
    private static string? Materialised(ITypeSymbol expected, System.Func<ITypeSymbol, bool> isElement)
    {
        if (expected is IArrayTypeSymbol { Rank: 1 })
            return "ToArray";
        if (expected is not INamedTypeSymbol { TypeArguments.Length: 1 } named || !isElement(named.TypeArguments[0]))
            return null;
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            return "";
        return named.OriginalDefinition.SpecialType switch
        {
            SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_ICollection_T or
                SpecialType.System_Collections_Generic_IReadOnlyList_T or SpecialType.System_Collections_Generic_IReadOnlyCollection_T => "ToList",
            _ when named.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.List<T>" => "ToList",
            _ => null,
        };
    }

    /// <summary><c>Where</c> binds as LINQ's extension method here (a <c>using System.Linq;</c> or a global one); else
    /// the fix adds the directive.</summary>
    private static bool LinqInScope(SemanticModel model, ExpressionSyntax at, ITypeSymbol type) =>
        model.LookupSymbols(at.SpanStart, type, "Where", includeReducedExtensionMethods: true)
            .Any(s => s is IMethodSymbol { IsExtensionMethod: true, ContainingType: { Name: "Enumerable", ContainingNamespace.Name: "Linq" } });

    /// <summary>The expression as the receiver of a call: parenthesised unless it already binds tighter (a name, a call,
    /// a member access, an element access).</summary>
    private static ExpressionSyntax Receiver(ExpressionSyntax expression) =>
        expression.WithoutTrivia() is var bare && bare is IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or
            ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? bare
            : ParenthesizedExpression(bare);

    private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string method, params ExpressionSyntax[] arguments) =>
        InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, IdentifierName(method)),
            ArgumentList(SeparatedList(arguments.Select(Argument))));
}
