using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Substitution;

/// <summary>What every PERSONA0xx diagnostic carries: the persona type and its guard, and a readable excerpt of the
/// offending expression for the message.</summary>
internal static class SubstitutionDiagnostics
{
    private const int MaxExcerpt = 60;

    /// <summary>Both names of a persona type, spelled once per type: each spelling walks its namespaces, and a
    /// project reports the same few persona types over and over.</summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, string[]> Names = new();

    public static ImmutableDictionary<string, string?>.Builder PersonaProperties(INamedTypeSymbol? persona)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        var names = persona is null ? null : Names.GetValue(persona, static p => new[] { SubstitutionSymbols.MetadataName(p), SubstitutionSymbols.GuardName(p) });
        builder[SubstitutionProperties.PersonaType] = names?[0] ?? string.Empty;
        builder[SubstitutionProperties.GuardType] = names?[1] ?? string.Empty;
        return builder;
    }

    /// <summary>The expression on one line (every run of white space one space), cut to <see cref="MaxExcerpt"/>
    /// characters. A loop, not a regular expression: it runs for every diagnostic, the first time in a cold compiler.</summary>
    public static string Shorten(string text)
    {
        var line = new System.Text.StringBuilder(System.Math.Min(text.Length, MaxExcerpt + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }
            if (space)
                line.Append(' ');
            space = false;
            line.Append(c);
            if (line.Length > MaxExcerpt)
                break;
        }
        return line.Length <= MaxExcerpt ? line.ToString() : line.ToString(0, MaxExcerpt - 1) + "…";
    }
}
