using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>The band check for a nullable (profile, score) tuple or hit a lookup gives when it may find no one
/// (<c>var hit = index.MostSimilar(user);</c>, typed <c>(Reader Profile, double Similarity)?</c>, or a hit record
/// <c>MemoryHit?</c> holding the profile beside its score): the profile it holds is checked, <c>Guard.TrySubstitute(user,
/// hit.Value.Profile, out _)</c> (<c>hit.Profile</c> of a record), after the test that it is there — joined to the
/// programmer's own null exit (<c>if (hit is null || !…) return user.Summary;</c>) when that is the next statement, else
/// in a guard of its own that leaves as the band check's fallback does.</summary>
internal static class NullableTupleCheck
{
    /// <summary>A lookup's value that may be missing and holds one profile beside other data: a nullable tuple or struct
    /// hit, or a hit record or class typed as maybe null.</summary>
    public static bool IsNullableHit(SemanticModel model, ExpressionSyntax lookup, INamedTypeSymbol persona, out bool isStruct, CancellationToken cancellationToken)
    {
        var hit = Hit(model.GetTypeInfo(lookup, cancellationToken).Type, persona);
        isStruct = hit is { IsStruct: true };
        return hit is not null;
    }

    private static (INamedTypeSymbol Hit, bool IsStruct)? Hit(ITypeSymbol? type, INamedTypeSymbol persona) => type switch
    {
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [INamedTypeSymbol hit] } => (hit, true),
        INamedTypeSymbol { IsReferenceType: true, NullableAnnotation: NullableAnnotation.Annotated } hit
            when !SymbolEqualityComparer.Default.Equals(hit.WithNullableAnnotation(NullableAnnotation.NotAnnotated), persona) && HitScores.ProfileMember(hit, persona) is not null => (hit, false),
        _ => null,
    };

    public static SyntaxNode? Apply(SyntaxNode root, SemanticModel model, ExpressionSyntax lookup, GuardTypes types, ExpressionSyntax target,
        CancellationToken cancellationToken)
    {
        if (lookup.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ||
            declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax } local } ||
            Hit(model.GetTypeInfo(lookup, cancellationToken).Type, types.Persona) is not var (hit, isStruct) ||
            HitScores.ProfileMember(hit, types.Persona) is not { } profile)
            return null;
        var name = declarator.Identifier.ValueText;
        ExpressionSyntax held = isStruct ? MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(name), IdentifierName("Value")) : IdentifierName(name);
        var candidate = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, held, IdentifierName(profile));
        var check = Syntax.TrySubstitute(types.Guard, model, local.SpanStart, target, candidate);
        var fallback = Fallbacks.For(model, local, target, types.Persona);
        // Where the fix has no value to leave with (a prompt string), the programmer's own `return …;` for no hit is the
        // answer for an unsafe one too; ExistingNullCheck takes a stand-in statement for that case (no tuple can take
        // the user's own profile in its place).
        if (ExistingNullCheck.After(local, name, fallback ?? ExpressionStatement(IdentifierName(name))) is { } nullCheck)
            return ExistingNullCheck.Extend(root, nullCheck, check, name);
        if (fallback is null)
            return null;
        // if (hit is null) throw …;: the guard after it, where the hit is there.
        if (ExistingNullCheck.LeavingAfter(local, name) is { } leaving)
            return root.InsertNodesAfter(leaving, new[] { IfStatement(Syntax.FailedCheck(check, name, canBeNull: false), fallback).Formatted() });
        return root.InsertNodesAfter(local, new[] { IfStatement(Syntax.FailedCheck(check, name, canBeNull: true), fallback).Formatted() });
    }
}
