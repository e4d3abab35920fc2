using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PersonaAnalyzers.Configuration;
using PersonaAnalyzers.Generator.Model;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>Reads and validates a <c>[PersonaProfile]</c> type. The single model of a persona type: the generator
/// emits from <see cref="PersonaTypeReading.Model"/>, the configuration analyzer reports
/// <see cref="PersonaTypeReading.Problems"/>, so the two can never disagree about what is valid.</summary>
internal static class PersonaTypeReader
{
    /// <summary>Members the generated <c>{T}Similarity</c> struct declares or inherits (from <c>object</c>, whose members a
    /// property of the same name would hide: CS0108); a feature of one of these names, or of the struct's own name (CS0542),
    /// gets the suffix <c>Feature</c> there.</summary>
    private static readonly string[] ReservedStructNames =
    {
        "Overall", "ToString", "FormatScore", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals",
    };

    public static PersonaTypeReading Read(INamedTypeSymbol type, AttributeData profileAttribute, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<ConfigurationProblem>();
        var typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

        var guardBlocker = GuardBlocker(type);
        if (guardBlocker is not null)
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.NoGuard, PersonaAttributes.FirstLocation(type),
                Props(("Reason", guardBlocker)), typeName, guardBlocker));

        var nearMatch = PersonaAttributes.NamedDouble(profileAttribute, "NearMatch", double.NaN);
        var distant = PersonaAttributes.NamedDouble(profileAttribute, "Distant", double.NaN);
        var bandsError = BandsRules.CheckAttribute(nearMatch, distant);
        if (bandsError is not null)
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.InvalidBands,
                PersonaAttributes.LocationOf(profileAttribute, type, cancellationToken),
                Props(("NearMatch", Format(nearMatch)), ("Distant", Format(distant)), ("Source", "attribute")),
                typeName, bandsError));

        var features = new List<FeatureModel>();
        KeyModel? key = null;
        ISymbol? firstKey = null;
        var featureMembers = 0;
        foreach (var member in Members(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (PersonaAttributes.FindOnMember(member, PersonaAttributes.Key) is not null)
            {
                if (firstKey is null)
                {
                    firstKey = member;
                    key = ReadKey(member, problems);
                }
                else
                {
                    problems.Add(new ConfigurationProblem(ConfigurationDescriptors.DuplicateKey, PersonaAttributes.FirstLocation(member),
                        Props(("Key", member.Name), ("FirstKey", firstKey.Name)), member.Name, typeName, firstKey.Name));
                }
            }
            if (PersonaAttributes.FindOnMember(member, PersonaAttributes.Feature) is { } featureAttribute)
            {
                featureMembers++;
                if (ReadFeature(member, featureAttribute, problems, cancellationToken) is { } feature)
                    features.Add(feature);
            }
        }

        if (featureMembers == 0)
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.NoFeatures, PersonaAttributes.FirstLocation(type),
                Props(("Type", typeName)), typeName));

        // A feature that could not be read (its attribute does not compile yet) also stops generation: a guard must
        // never silently leave a feature out.
        var stops = problems.Any(p => p.StopsGeneration) || features.Count != featureMembers || (firstKey is not null && key is null) ||
                    HasDuplicateMembers(type);
        var model = stops ? null : CreateModel(type, key, features, nearMatch, distant);
        return new PersonaTypeReading(model, problems.ToImmutable());
    }

    /// <summary>Why no namespace-level guard can refer to the type, or null when one can.</summary>
    private static string? GuardBlocker(INamedTypeSymbol type)
    {
        if (type.IsStatic) return "it is a static class, so there are no profiles to compare";
        if (type.IsRefLikeType) return "it is a ref struct, which cannot be an element of the candidate collections";
        for (var current = type; current is not null; current = current.ContainingType)
        {
            // A file-local type is visible only in its own file, and the guard is generated into a file of its own.
            if (current.IsFileLocal)
                return SymbolEqualityComparer.Default.Equals(current, type)
                    ? "it is a file-local type ('file'), which the guard, generated in a file of its own, cannot see; remove 'file' (make it internal)"
                    : $"its containing type '{current.Name}' is file-local ('file'), which the guard, generated in a file of its own, cannot see; remove 'file' (make it internal)";
            if (current.Arity > 0)
                return SymbolEqualityComparer.Default.Equals(current, type)
                    ? "it is generic; declare [PersonaProfile] on a non-generic type"
                    : $"it is nested in the generic type '{current.Name}'";
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                return SymbolEqualityComparer.Default.Equals(current, type)
                    ? $"it is {Describe(current.DeclaredAccessibility)}, and the guard is generated beside it in the namespace; make it internal or public"
                    : $"its containing type '{current.Name}' is {Describe(current.DeclaredAccessibility)}, and the guard is generated in the namespace; make it internal or public";
        }
        return null;
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        _ => "private protected",
    };

    /// <summary>Instance fields and properties of the type and its base types, base members first; an override or a
    /// hiding member replaces the base one.</summary>
    private static List<ISymbol> Members(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType);
             current = current.BaseType)
            chain.Add(current);

        var seen = new HashSet<string>();
        var winners = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var current in chain)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member is not (IFieldSymbol or IPropertySymbol { IsIndexer: false })) continue;
                if (seen.Add(member.Name)) winners.Add(member);
            }
        }
        var result = new List<ISymbol>();
        for (var i = chain.Count - 1; i >= 0; i--)
            foreach (var member in chain[i].GetMembers())
                if (winners.Contains(member)) result.Add(member);
        return result;
    }

    /// <summary>Two fields or properties with one name: the compiler reports it, and any access to them would be ambiguous.</summary>
    private static bool HasDuplicateMembers(INamedTypeSymbol type) =>
        type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m is IFieldSymbol or IPropertySymbol { IsIndexer: false })
            .GroupBy(m => m.Name).Any(g => g.Count() > 1);

    private static KeyModel? ReadKey(ISymbol member, ImmutableArray<ConfigurationProblem>.Builder problems)
    {
        var unreadable = Unreadable(member);
        if (unreadable is not null)
        {
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.UnsupportedMember, PersonaAttributes.FirstLocation(member),
                Props(("Member", member.Name), ("Reason", "access")), "[PersonaKey]", member.Name, unreadable));
            return null;
        }
        var type = MemberType(member);
        var underlying = TypeSymbols.NullableUnderlying(type);
        return new KeyModel(Identifier(member.Name), TypeSymbols.Display(underlying ?? type), !type.IsValueType, underlying is not null);
    }

    private static FeatureModel? ReadFeature(ISymbol member, AttributeData attribute, ImmutableArray<ConfigurationProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var memberType = MemberType(member);
        // Code that does not compile yet (no metric, a wrong argument) has its compiler error; no guard until it does.
        if (PersonaAttributes.Metric(attribute) is not { } metricValue) return null;
        var metric = (MetricKind)metricValue;
        var metricName = System.Enum.IsDefined(typeof(MetricKind), metric) ? metric.ToString() : metricValue.ToString(CultureInfo.InvariantCulture);
        var attributeName = $"[PersonaFeature({metricName})]";
        var memberLocation = PersonaAttributes.FirstLocation(member);
        var attributeLocation = PersonaAttributes.LocationOf(attribute, member, cancellationToken);
        var ok = true;

        if (!System.Enum.IsDefined(typeof(MetricKind), metric))
        {
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.UnsupportedMember, attributeLocation,
                Props(("Member", member.Name), ("Metric", metricName), ("Reason", "metric")), attributeName, member.Name,
                $"{metricName} is not a defined SimilarityMetric; use Cosine, Pearson, Jaccard, Categorical, Gaussian or JensenShannon"));
            return null;
        }

        var unreadable = Unreadable(member);
        FeatureShape? shape = null;
        if (unreadable is not null)
        {
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.UnsupportedMember, memberLocation,
                Props(("Member", member.Name), ("Metric", metricName), ("Reason", "access")), attributeName, member.Name, unreadable));
            ok = false;
        }
        else
        {
            shape = FeatureShapes.Resolve(memberType, metric);
            if (shape is null)
            {
                problems.Add(new ConfigurationProblem(ConfigurationDescriptors.UnsupportedMember, memberLocation,
                    Props(("Member", member.Name), ("Metric", metricName), ("MemberType", TypeSymbols.Short(memberType)), ("Reason", "type")),
                    attributeName, member.Name,
                    $"{metricName} cannot compare its type {TypeSymbols.Short(memberType)}; {metricName} takes {FeatureShapes.Allowed(metric)}"));
                ok = false;
            }
        }

        var weight = PersonaAttributes.NamedDouble(attribute, "Weight", 1.0);
        if (!BandsRules.IsFinite(weight) || weight <= 0)
        {
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.InvalidWeight, attributeLocation,
                Props(("Member", member.Name), ("Weight", Format(weight))), member.Name, Format(weight)));
            ok = false;
        }

        var scale = PersonaAttributes.NamedDouble(attribute, "Scale", double.NaN);
        if (metric == MetricKind.Gaussian && (!BandsRules.IsFinite(scale) || scale <= 0))
        {
            var says = double.IsNaN(scale) && !PersonaAttributes.HasNamed(attribute, "Scale")
                ? "a Gaussian feature needs Scale, the distance at which its similarity falls to 1/e; set Scale to a finite number greater than 0"
                : $"Scale is {Format(scale)}; a Gaussian scale must be a finite number greater than 0 (the distance at which similarity falls to 1/e)";
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.InvalidScale, attributeLocation,
                Props(("Member", member.Name), ("Scale", Format(scale)), ("Problem", "scale")), member.Name, says));
            ok = false;
        }

        var shrinkage = PersonaAttributes.NamedDouble(attribute, "Shrinkage", 0.0);
        if (!BandsRules.IsFinite(shrinkage) || shrinkage < 0)
        {
            problems.Add(new ConfigurationProblem(ConfigurationDescriptors.InvalidScale, attributeLocation,
                Props(("Member", member.Name), ("Shrinkage", Format(shrinkage)), ("Problem", "shrinkage")), member.Name,
                $"Shrinkage is {Format(shrinkage)}; it must be a finite number ≥ 0 (0 means no shrinkage)"));
            ok = false;
        }

        if (!ok || shape is null) return null;
        // The name in {T}Similarity is settled once all features are known (StructPropertyNames).
        return new FeatureModel(Identifier(member.Name), Identifier(member.Name), metric, weight,
            metric == MetricKind.Gaussian ? scale : double.NaN, shrinkage, TypeSymbols.Short(memberType), shape);
    }

    /// <summary>Why the generated guard, a separate class in the same assembly, cannot read the member; null when it can.</summary>
    private static string? Unreadable(ISymbol member)
    {
        if (member.IsStatic) return "it is static; a persona member belongs to each profile instance";
        if (!IsVisibleToAssembly(member.DeclaredAccessibility))
            return $"it is {member.DeclaredAccessibility.ToString().ToLowerInvariant()}, and the generated guard can only read public or internal members; make it internal or public";
        if (member is IPropertySymbol property)
        {
            if (property.GetMethod is null) return "it is a write-only property; the guard needs a getter";
            if (!IsVisibleToAssembly(property.GetMethod.DeclaredAccessibility))
                return "its getter is not public or internal, so the generated guard cannot read it; make the getter internal or public";
            if (property.ReturnsByRef || property.ReturnsByRefReadonly) return "it returns by reference; expose the value as an ordinary property";
        }
        return null;
    }

    private static bool IsVisibleToAssembly(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static ITypeSymbol MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => throw new System.ArgumentException($"{member.Name} is neither a field nor a property.", nameof(member)),
    };

    private static PersonaTypeModel CreateModel(INamedTypeSymbol type, KeyModel? key, List<FeatureModel> features, double nearMatch, double distant)
    {
        var containers = new List<INamedTypeSymbol>();
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
            containers.Insert(0, current);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        var dotted = string.Join(".", containers.Select(c => c.Name).Concat(new[] { type.Name }));

        var isPublic = true;
        for (var current = type; current is not null; current = current.ContainingType)
            isPublic &= current.DeclaredAccessibility == Accessibility.Public;
        var kind = type.IsRecord ? (type.IsValueType ? "record struct" : "record") : (type.IsValueType ? "struct" : "class");

        return new PersonaTypeModel(
            Namespace: ns,
            DisplayName: dotted,
            FullyQualifiedName: TypeSymbols.Display(type),
            LookupName: ns.Length == 0 ? dotted : ns + "." + dotted,
            GuardName: WellKnownTypeNames.GuardName(type),
            SimilarityName: WellKnownTypeNames.SimilarityName(type),
            HintName: (ns.Length == 0 ? "" : ns + ".") + dotted + "Guard.g.cs",
            IsPublic: isPublic,
            IsValueType: type.IsValueType,
            Kind: kind,
            Key: key,
            Features: new EquatableArray<FeatureModel>(StructPropertyNames(features, WellKnownTypeNames.SimilarityName(type))),
            AttributeNearMatch: nearMatch,
            AttributeDistant: distant);
    }

    /// <summary>The features with their <c>{T}Similarity</c> property names: the member's own name, unless the struct
    /// already uses it (<see cref="ReservedStructNames"/>, the struct's name); then the name with the suffix
    /// <c>Feature</c>, numbered when another feature already has that name (<c>Overall</c> next to <c>OverallFeature</c>).</summary>
    private static List<FeatureModel> StructPropertyNames(List<FeatureModel> features, string similarityName)
    {
        var reserved = new HashSet<string>(ReservedStructNames, System.StringComparer.Ordinal) { similarityName };
        var taken = new HashSet<string>(reserved, System.StringComparer.Ordinal);
        foreach (var feature in features)
            taken.Add(feature.MemberName.TrimStart('@'));
        var result = new List<FeatureModel>(features.Count);
        foreach (var feature in features)
        {
            var name = feature.MemberName.TrimStart('@');
            if (!reserved.Contains(name))
            {
                result.Add(feature);
                continue;
            }
            var renamed = name + "Feature";
            for (var i = 2; !taken.Add(renamed); i++)
                renamed = name + "Feature" + i.ToString(CultureInfo.InvariantCulture);
            result.Add(feature with { PropertyName = renamed });
        }
        return result;
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static ImmutableDictionary<string, string?> Props(params (string Key, string? Value)[] pairs)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var (k, v) in pairs) builder[k] = v;
        return builder.ToImmutable();
    }
}
