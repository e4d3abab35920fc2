using System.Linq;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Whether a type can be handed to <c>{T}Guard.SafestSubstitute(target, candidates)</c> as its candidates.</summary>
internal static class PersonaCollections
{
    /// <summary>An array or <c>IEnumerable&lt;T&gt;</c> of exactly the persona type (the nullable annotation aside).</summary>
    public static bool IsCollectionOf(ITypeSymbol? type, INamedTypeSymbol persona)
    {
        if (type is null)
            return false;
        if (type is IArrayTypeSymbol array)
            return SymbolEqualityComparer.Default.Equals(array.ElementType.WithNullableAnnotation(NullableAnnotation.None), persona);
        return type.AllInterfaces.Concat(type is INamedTypeSymbol named ? new[] { named } : Enumerable.Empty<INamedTypeSymbol>())
            .Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T &&
                      SymbolEqualityComparer.Default.Equals(i.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.None), persona));
    }

    /// <summary>The persona type itself (the nullable annotation aside; a <c>Nullable&lt;T&gt;</c> struct is not).</summary>
    public static bool IsPersona(ITypeSymbol? type, INamedTypeSymbol persona) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.WithNullableAnnotation(NullableAnnotation.None), persona.WithNullableAnnotation(NullableAnnotation.None));
}
