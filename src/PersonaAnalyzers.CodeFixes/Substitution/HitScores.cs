using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>The profile a search hit or a scored pair holds. PERSONA003's fix where the score is a hit's own
/// (<c>hit.Score</c> beside <c>hit.Profile</c>, or <c>score</c> taken apart beside <c>reader</c> in <c>foreach (var
/// (reader, score) in hits)</c>): the profile beside the score is the candidate, and since the score does not say whose
/// profile the hit was compared with, the target is the one the PERSONA001 fixes would pick at the comparison
/// (<see cref="TargetProfiles"/>). PERSONA001's fix of a loop over hits checks the same profile.</summary>
internal static class HitScores
{
    /// <summary>The profile the hit holds beside <paramref name="score"/>, as an expression to check; null when the hit
    /// holds none, or more than one.</summary>
    public static ExpressionSyntax? Candidate(SemanticModel model, ExpressionSyntax score, INamedTypeSymbol persona, CancellationToken cancellationToken)
    {
        score = Syntax.Unparenthesized(score);
        if (score is MemberAccessExpressionSyntax { Expression: var hit } && Syntax.IsStable(hit) &&
            model.GetTypeInfo(hit, cancellationToken).Type is INamedTypeSymbol hitType && ProfileMember(hitType, persona) is { } member)
            return MemberAccessExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression, hit.WithoutTrivia(), IdentifierName(member));
        if (score is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local &&
            local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is SingleVariableDesignationSyntax
            {
                Parent: ParenthesizedVariableDesignationSyntax apart,
            } &&
            ProfileBeside(model, apart, persona, cancellationToken) is { } beside)
            return IdentifierName(beside);
        return null;
    }

    /// <summary>The name of the hit's one instance field or property (a tuple's one element) of the persona type; null
    /// when it has none or more than one.</summary>
    public static string? ProfileMember(INamedTypeSymbol hit, INamedTypeSymbol persona)
    {
        if (hit.IsTupleType)
        {
            var elements = hit.TupleElements.Where(e => IsPersona(e.Type, persona)).ToList();
            return elements.Count == 1 ? elements[0].Name : null;
        }
        var members = hit.GetMembers()
            .Where(m => !m.IsStatic && !m.IsImplicitlyDeclared && m switch
            {
                IPropertySymbol { IsIndexer: false } property => IsPersona(property.Type, persona),
                IFieldSymbol field => IsPersona(field.Type, persona),
                _ => false,
            })
            .ToList();
        return members.Count == 1 ? members[0].Name : null;
    }

    /// <summary>The one other variable of the designation that holds a profile.</summary>
    private static string? ProfileBeside(SemanticModel model, ParenthesizedVariableDesignationSyntax apart, INamedTypeSymbol persona, CancellationToken cancellationToken)
    {
        var profiles = apart.Variables.OfType<SingleVariableDesignationSyntax>()
            .Where(v => model.GetDeclaredSymbol(v, cancellationToken) is ILocalSymbol local && IsPersona(local.Type, persona))
            .ToList();
        return profiles.Count == 1 ? profiles[0].Identifier.ValueText : null;
    }

    /// <summary>The persona type itself, annotated nullable or not (the default comparer ignores annotations), or a
    /// <c>Nullable&lt;T&gt;</c> of a persona struct.</summary>
    public static bool IsPersona(ITypeSymbol type, INamedTypeSymbol persona) =>
        SymbolEqualityComparer.Default.Equals(type, persona) ||
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } &&
        SymbolEqualityComparer.Default.Equals(inner, persona);
}
