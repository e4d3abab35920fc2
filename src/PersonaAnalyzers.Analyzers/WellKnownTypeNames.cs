namespace PersonaAnalyzers;

/// <summary>Metadata names of the runtime's public types, the one place the generator, analyzers and fixes spell
/// them. Symbols are resolved from these once per compilation.</summary>
internal static class WellKnownTypeNames
{
    public const string Namespace = "PersonaAnalyzers";
    public const string PersonaProfileAttribute = "PersonaAnalyzers.PersonaProfileAttribute";
    public const string PersonaKeyAttribute = "PersonaAnalyzers.PersonaKeyAttribute";
    public const string PersonaFeatureAttribute = "PersonaAnalyzers.PersonaFeatureAttribute";
    public const string ProfileSubstituteAttribute = "PersonaAnalyzers.ProfileSubstituteAttribute";
    public const string SimilarityBandCheckAttribute = "PersonaAnalyzers.SimilarityBandCheckAttribute";
    public const string SimilarityMetric = "PersonaAnalyzers.SimilarityMetric";
    public const string SimilarityBand = "PersonaAnalyzers.SimilarityBand";
    public const string SimilarityBands = "PersonaAnalyzers.SimilarityBands";
    public const string SimilarityKernels = "PersonaAnalyzers.SimilarityKernels";
    public const string SubstitutionVerdict = "PersonaAnalyzers.SubstitutionVerdict";

    /// <summary>The generated guard's name for a persona type: <c>{T}Guard</c>.</summary>
    public static string GuardName(string personaTypeName) => personaTypeName + "Guard";
}
