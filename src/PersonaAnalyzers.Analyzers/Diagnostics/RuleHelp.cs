namespace PersonaAnalyzers.Diagnostics;

/// <summary>Where every rule's documentation lives. Each descriptor's <c>helpLinkUri</c> is built here, and a test
/// checks that the page exists in <c>docs/rules/</c>.</summary>
internal static class RuleHelp
{
    public const string DocsBase = "https://github.com/persona-analyzers/PersonaAnalyzers/blob/main/docs/rules/";

    public static string Link(string id) => DocsBase + id + ".md";
}

/// <summary>Diagnostic categories.</summary>
internal static class RuleCategories
{
    /// <summary>PERSONA0xx: substituting one user's profile for another's.</summary>
    public const string Substitution = "PersonaSubstitution";

    /// <summary>PERSONA1xx: a persona type's attributes or the bands configuration.</summary>
    public const string Configuration = "PersonaConfiguration";
}
