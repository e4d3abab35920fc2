namespace PersonaAnalyzers;

/// <summary>Metadata names of the runtime's public types, the one place the generator, analyzers and fixes spell
/// them. Symbols are resolved from these once per compilation.</summary>
internal static class WellKnownTypeNames
{
    public const string Namespace = "PersonaAnalyzers";
    public const string PersonaProfileAttribute = "PersonaAnalyzers.PersonaProfileAttribute";
    /// <summary>The runtime assembly that defines these types, where they are looked up first.</summary>
    public const string RuntimeAssembly = "PersonaAnalyzers.Runtime";

    public const string PersonaKeyAttribute = "PersonaAnalyzers.PersonaKeyAttribute";
    public const string PersonaFeatureAttribute = "PersonaAnalyzers.PersonaFeatureAttribute";
    public const string ProfileSubstituteAttribute = "PersonaAnalyzers.ProfileSubstituteAttribute";
    public const string SimilarityBandCheckAttribute = "PersonaAnalyzers.SimilarityBandCheckAttribute";
    public const string SimilarityMetric = "PersonaAnalyzers.SimilarityMetric";
    public const string SimilarityBand = "PersonaAnalyzers.SimilarityBand";
    public const string SimilarityBands = "PersonaAnalyzers.SimilarityBands";
    public const string SimilarityKernels = "PersonaAnalyzers.SimilarityKernels";
    public const string SubstitutionVerdict = "PersonaAnalyzers.SubstitutionVerdict";
    public const string VettedCandidate = "PersonaAnalyzers.VettedCandidate`1";
    public const string CandidateVetter = "PersonaAnalyzers.CandidateVetter`1";

    /// <summary>The generated guard's name for a persona type: <c>{T}Guard</c>.</summary>
    public static string GuardName(string personaTypeName) => personaTypeName + "Guard";

    /// <summary>Whether <paramref name="type"/> is named as a generated guard is (<c>{T}Guard</c>): the guard's own members
    /// (<c>Explain</c>, <c>IsSelf</c>) are known by that name, in the user's compilation as in the package's tests.</summary>
    public static bool IsGuardName(Microsoft.CodeAnalysis.INamedTypeSymbol? type) =>
        type?.Name.EndsWith("Guard", System.StringComparison.Ordinal) == true;

    /// <summary>The generated guard's simple name for a persona type that may be nested: the containing types' names,
    /// outermost first, then <c>{T}Guard</c> (<c>Catalog.Buyer</c> → <c>CatalogBuyerGuard</c>). The guard lives in the
    /// type's namespace, so a nested type's guard carries its containers' names and never collides with another.</summary>
    public static string GuardName(Microsoft.CodeAnalysis.INamedTypeSymbol personaType) => GuardName(NestedPrefix(personaType));

    /// <summary>The generated <c>Explain</c> result's simple name: <c>{T}Similarity</c>, prefixed like the guard.</summary>
    public static string SimilarityName(Microsoft.CodeAnalysis.INamedTypeSymbol personaType) => NestedPrefix(personaType) + "Similarity";

    private static string NestedPrefix(Microsoft.CodeAnalysis.INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            name = outer.Name + name;
        return name;
    }
}
