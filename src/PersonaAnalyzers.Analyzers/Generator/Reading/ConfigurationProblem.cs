using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>A configuration problem found while reading a persona type. The analyzer reports it; the generator only
/// asks whether there is one that stops generation (it never keeps a problem: a <see cref="Location"/> would defeat
/// caching).</summary>
internal sealed class ConfigurationProblem
{
    public ConfigurationProblem(DiagnosticDescriptor descriptor, Location? location, ImmutableDictionary<string, string?> properties, params object[] arguments)
    {
        Descriptor = descriptor;
        Location = location;
        Properties = properties;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }
    public Location? Location { get; }
    public ImmutableDictionary<string, string?> Properties { get; }
    public object[] Arguments { get; }

    /// <summary>Whether the generator must not emit a guard for the type.</summary>
    public bool StopsGeneration => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Properties, Arguments);
}
