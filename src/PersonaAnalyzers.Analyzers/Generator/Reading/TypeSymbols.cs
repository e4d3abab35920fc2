using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>Small questions about type symbols that the shape rules ask, answered by name so that the rules do not
/// need a <see cref="Compilation"/> (the generator's transform reads one type at a time).</summary>
internal static class TypeSymbols
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat;

    public static string Display(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

    /// <summary>The type as a user reads it in a message (<c>List&lt;float&gt;</c>, <c>int?</c>).</summary>
    public static string Short(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    /// <summary>Whether <paramref name="type"/> is <c>{ns}.{name}`{arity}</c> (any type arguments).</summary>
    public static bool Is(ITypeSymbol? type, string ns, string name, int arity) =>
        type is INamedTypeSymbol named && named.Name == name && named.Arity == arity && InNamespace(named, ns);

    public static bool InNamespace(ISymbol symbol, string ns) =>
        symbol.ContainingType is null && symbol.ContainingNamespace?.ToDisplayString() == ns;

    /// <summary>The type itself or the first interface it implements that is <c>{ns}.{name}`{arity}</c> and whose type
    /// arguments satisfy <paramref name="accept"/>.</summary>
    public static INamedTypeSymbol? FindInterface(ITypeSymbol type, string ns, string name, int arity,
        System.Func<INamedTypeSymbol, bool>? accept = null)
    {
        if (Is(type, ns, name, arity) && (accept is null || accept((INamedTypeSymbol)type)))
            return (INamedTypeSymbol)type;
        foreach (var candidate in type.AllInterfaces)
            if (Is(candidate, ns, name, arity) && (accept is null || accept(candidate)))
                return candidate;
        return null;
    }

    /// <summary>The underlying type of <c>Nullable&lt;T&gt;</c>, or null when the type is not one.</summary>
    public static ITypeSymbol? NullableUnderlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } named
            ? named.TypeArguments[0]
            : null;

    public static bool IsIntegral(ITypeSymbol type) => type.SpecialType is
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;

    public static bool IsFloatOrDouble(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    /// <summary>Whether a public instance <c>int Count { get; }</c> is reachable on the type or its base classes.</summary>
    public static bool HasPublicCount(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface) return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Count"))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } p &&
                    p.Type.SpecialType == SpecialType.System_Int32 &&
                    p.GetMethod is { DeclaredAccessibility: Accessibility.Public })
                    return true;
            }
        }
        return false;
    }

    /// <summary>Whether the type has a public instance <c>AsSpan()</c> returning <c>ReadOnlySpan&lt;E&gt;</c>
    /// (<c>ImmutableArray&lt;T&gt;</c>, for one); returns E.</summary>
    public static ITypeSymbol? AsSpanElement(ITypeSymbol type)
    {
        foreach (var member in type.GetMembers("AsSpan"))
        {
            if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0, TypeParameters.Length: 0, DeclaredAccessibility: Accessibility.Public } m &&
                Is(m.ReturnType, "System", "ReadOnlySpan", 1))
                return ((INamedTypeSymbol)m.ReturnType).TypeArguments[0];
        }
        return null;
    }
}
