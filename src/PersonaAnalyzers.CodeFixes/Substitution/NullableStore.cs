using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>A substitute stored where it is read after this code is done — an <c>out</c> parameter
/// (<c>donor = index.FindNearest(c); return donor != null;</c>), a field, a property, a dictionary's or array's slot
/// (<c>_donors[p.Id] = index.FindNearest(p);</c>), an object initializer's property (<c>new Report { Reference = … }</c>)
/// — into a slot that already holds null when there is no substitute: the code and its callers have their answer for "no one", and an unsafe substitute is no one as well. The
/// check then goes in place, before the store (<c>donor = index.FindNearest(c) is { } substitute &amp;&amp;
/// Guard.TrySubstitute(c, substitute, out _) ? substitute : null;</c>): the user's own profile there would make a
/// <c>Try…</c> say "found" for a missing neighbour, and a guard that leaves would keep what the slot held before.</summary>
internal static class NullableStore
{
    /// <summary>The assignment stores a value that may be null (not under a <c>!</c>) into an <c>out</c> or <c>ref</c>
    /// parameter, a field, a property or indexer, or an array element that may hold null (annotated <c>?</c>, or outside
    /// nullable annotations). Not a local or a by-value parameter, which only this code goes on to read.</summary>
    public static bool KeepsMissing(SemanticModel model, AssignmentExpressionSyntax store, CancellationToken cancellationToken) =>
        model.GetOperation(store, cancellationToken) is ISimpleAssignmentOperation { Target: var slot } &&
        DeclaredType(slot) is { IsReferenceType: true, NullableAnnotation: not NullableAnnotation.NotAnnotated } &&
        model.GetTypeInfo(store.Right, cancellationToken).Nullability.FlowState != NullableFlowState.NotNull;

    /// <summary>The type the slot is declared with (the operation's own type may be the state after the store, in an
    /// object initializer); null for a local or a by-value parameter.</summary>
    private static ITypeSymbol? DeclaredType(IOperation slot) => slot switch
    {
        IParameterReferenceOperation { Parameter: { RefKind: RefKind.Out or RefKind.Ref } parameter } => parameter.Type,
        IFieldReferenceOperation field => field.Field.Type,
        IPropertyReferenceOperation property => property.Property.Type,
        IArrayElementReferenceOperation { ArrayReference.Type: IArrayTypeSymbol array } => array.ElementType,
        _ => null,
    };
}
