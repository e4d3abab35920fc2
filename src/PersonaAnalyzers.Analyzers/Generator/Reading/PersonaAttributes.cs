using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>Recognises the runtime's attributes by name (the generator's transform has no compilation-wide symbol
/// table, and a name test is as exact: the namespace is checked too).</summary>
internal static class PersonaAttributes
{
    public const string Profile = "PersonaProfileAttribute";
    public const string Feature = "PersonaFeatureAttribute";
    public const string Key = "PersonaKeyAttribute";

    public static bool Is(AttributeData attribute, string name) =>
        attribute.AttributeClass is { } type && type.Name == name && TypeSymbols.InNamespace(type, WellKnownTypeNames.Namespace);

    public static AttributeData? Find(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
            if (Is(attribute, name)) return attribute;
        return null;
    }

    /// <summary>The attribute on a member or, for an override, on the member it overrides (the attributes are
    /// <c>Inherited = true</c>).</summary>
    public static AttributeData? FindOnMember(ISymbol member, string name)
    {
        for (var current = member; current is not null; current = (current as IPropertySymbol)?.OverriddenProperty)
        {
            if (Find(current, name) is { } found) return found;
        }
        return null;
    }

    /// <summary>A named <c>double</c> argument, or NaN when it is not given.</summary>
    public static double NamedDouble(AttributeData attribute, string name, double fallback)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && Number(argument.Value) is { } value)
                return value;
        }
        return fallback;
    }

    /// <summary>A numeric constant as a double; null for anything else (code that does not compile yet, for one).</summary>
    public static double? Number(TypedConstant constant) => constant.Kind == TypedConstantKind.Error ? null : constant.Value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        uint u => u,
        ulong ul => ul,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>The metric of a <c>[PersonaFeature]</c> as its underlying integer, or null when it cannot be read.</summary>
    public static int? Metric(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1) return null;
        var argument = attribute.ConstructorArguments[0];
        return argument.Kind == TypedConstantKind.Error ? null : argument.Value switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            short s => s,
            byte b => b,
            _ => null,
        };
    }

    public static bool HasNamed(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
            if (argument.Key == name) return true;
        return false;
    }

    public static Location? LocationOf(AttributeData attribute, ISymbol owner, System.Threading.CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? FirstLocation(owner);

    public static Location? FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : null;
}
