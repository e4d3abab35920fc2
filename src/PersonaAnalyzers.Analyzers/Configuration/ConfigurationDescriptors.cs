using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Diagnostics;

namespace PersonaAnalyzers.Configuration;

/// <summary>The PERSONA1xx descriptors: a persona type's attributes or the bands configuration. Errors are the problems
/// for which the generator emits no guard (the user would otherwise get code that does not compile, or a guard that
/// silently ignores a feature); warnings are the ones the generator works around.</summary>
internal static class ConfigurationDescriptors
{
    public const string NoFeaturesId = "PERSONA101";
    public const string UnsupportedMemberId = "PERSONA102";
    public const string InvalidBandsId = "PERSONA103";
    public const string InvalidWeightId = "PERSONA104";
    public const string InvalidScaleId = "PERSONA105";
    public const string DuplicateKeyId = "PERSONA106";
    public const string InvalidBandsFileId = "PERSONA107";
    public const string NoGuardId = "PERSONA108";

    public static readonly DiagnosticDescriptor NoFeatures = Create(NoFeaturesId,
        "Persona profile has no features",
        "'{0}' has no [PersonaFeature] members; mark at least one property or field with [PersonaFeature(SimilarityMetric...)] so that profiles can be compared",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMember = Create(UnsupportedMemberId,
        "Persona member cannot be used by the guard",
        "The {0} member '{1}' cannot be used: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidBands = Create(InvalidBandsId,
        "Similarity bands are invalid",
        "The similarity bands of '{0}' are invalid: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidWeight = Create(InvalidWeightId,
        "Feature weight is not positive",
        "The Weight of feature '{0}' is {1}; a weight must be a finite number greater than 0 (default 1)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidScale = Create(InvalidScaleId,
        "Gaussian scale or shrinkage is invalid",
        "Feature '{0}': {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateKey = Create(DuplicateKeyId,
        "More than one [PersonaKey]",
        "'{0}' is a second [PersonaKey] of '{1}' (the first is '{2}'); Self is decided by exactly one identity member, so remove [PersonaKey] from all but one",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidBandsFile = Create(InvalidBandsFileId,
        "persona-bands.json cannot be used",
        "{0}; the guards use the next band source instead ([PersonaProfile] arguments, then persona_analyzers.near_match/distant, then the default bands)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoGuard = Create(NoGuardId,
        "No guard can be generated for the persona type",
        "No guard can be generated for '{0}': {1}",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, RuleCategories.Configuration, severity, isEnabledByDefault: true,
            description: null, helpLinkUri: RuleHelp.Link(id));
}
