using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Substitution;

/// <summary>What every PERSONA0xx diagnostic carries: the persona type and its guard, and a readable excerpt of the
/// offending expression for the message.</summary>
internal static class SubstitutionDiagnostics
{
    private const int MaxExcerpt = 60;

    public static ImmutableDictionary<string, string?>.Builder PersonaProperties(INamedTypeSymbol? persona)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder[SubstitutionProperties.PersonaType] = persona is null ? string.Empty : SubstitutionSymbols.MetadataName(persona);
        builder[SubstitutionProperties.GuardType] = persona is null ? string.Empty : SubstitutionSymbols.GuardName(persona);
        return builder;
    }

    public static string Shorten(string text)
    {
        var singleLine = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        return singleLine.Length <= MaxExcerpt ? singleLine : singleLine.Substring(0, MaxExcerpt - 1) + "…";
    }
}
