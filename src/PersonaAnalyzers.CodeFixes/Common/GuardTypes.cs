using System.Linq;
using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>The persona type and its generated guard named by a PERSONA0xx diagnostic, found in the compilation (the
/// guard exists only when the generator ran and the type's configuration is valid; without it no fix is offered).</summary>
internal sealed class GuardTypes
{
    private GuardTypes(INamedTypeSymbol persona, INamedTypeSymbol guard)
    {
        Persona = persona;
        Guard = guard;
    }

    public INamedTypeSymbol Persona { get; }

    public INamedTypeSymbol Guard { get; }

    public static GuardTypes? For(Diagnostic diagnostic, Compilation compilation, string requiredMethod)
    {
        if (!diagnostic.Properties.TryGetValue(SubstitutionProperties.PersonaType, out var personaName) || string.IsNullOrEmpty(personaName) ||
            !diagnostic.Properties.TryGetValue(SubstitutionProperties.GuardType, out var guardName) || string.IsNullOrEmpty(guardName))
            return null;
        var persona = compilation.GetTypeByMetadataName(personaName!);
        var guard = compilation.GetTypeByMetadataName(guardName!);
        if (persona is null || guard is null || !guard.GetMembers(requiredMethod).OfType<IMethodSymbol>().Any())
            return null;
        return new GuardTypes(persona, guard);
    }
}
