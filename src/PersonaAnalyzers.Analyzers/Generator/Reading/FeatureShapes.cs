using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Generator.Model;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>The one place that decides which member types each metric supports and how a value reaches the metric's
/// kernel. The generator emits from the shape; the configuration analyzer reports PERSONA102 when there is none.</summary>
internal static class FeatureShapes
{
    private const string Generic = "System.Collections.Generic";

    /// <summary>What each metric accepts, in the words of a PERSONA102 message.</summary>
    public static string Allowed(MetricKind metric) => metric switch
    {
        MetricKind.Cosine => "float[], double[], ReadOnlyMemory<float|double>, Memory<float|double>, ImmutableArray<float|double>, or an IReadOnlyList<float|double> such as List<float>",
        MetricKind.Pearson => "a rating map IReadOnlyDictionary<TKey, double> such as Dictionary<TKey, double>",
        MetricKind.Jaccard => "an array, ReadOnlyMemory<T>, ImmutableArray<T>, or a collection such as HashSet<T>, ISet<T>, IReadOnlySet<T> or List<T> (a string is not a set: use Categorical)",
        MetricKind.Categorical => "string, bool, char, an enum or an integer type, or a nullable one of these",
        MetricKind.Gaussian => "a number (an integer type, float, double or decimal), or a nullable one",
        MetricKind.JensenShannon => "double[], float[], ReadOnlyMemory<double|float>, ImmutableArray<double|float>, or a distribution IReadOnlyDictionary<TKey, double>",
        _ => "nothing: the metric is not a defined SimilarityMetric",
    };

    /// <summary>The shape of a member of type <paramref name="type"/> compared by <paramref name="metric"/>, or null
    /// when the metric cannot compare it.</summary>
    public static FeatureShape? Resolve(ITypeSymbol type, MetricKind metric)
    {
        var underlying = TypeSymbols.NullableUnderlying(type);
        var value = underlying ?? type;
        var nullableValue = underlying is not null;
        var canBeNull = !type.IsValueType;

        switch (metric)
        {
            case MetricKind.Cosine:
                return Span(value, nullableValue, TypeSymbols.IsFloatOrDouble)
                    ?? Collection(value, canBeNull, nullableValue, "IReadOnlyList", 1, t => TypeSymbols.IsFloatOrDouble(t.TypeArguments[0]));
            case MetricKind.JensenShannon:
                return Span(value, nullableValue, TypeSymbols.IsFloatOrDouble)
                    ?? RatingMap(value, canBeNull, nullableValue);
            case MetricKind.Pearson:
                return RatingMap(value, canBeNull, nullableValue);
            case MetricKind.Jaccard:
                if (value.SpecialType == SpecialType.System_String) return null;
                return Span(value, nullableValue, _ => true)
                    ?? Collection(value, canBeNull, nullableValue, "IEnumerable", 1, _ => true);
            case MetricKind.Categorical:
                if (type.SpecialType == SpecialType.System_String)
                    return new FeatureShape(ShapeKind.String, "", "string", "", "", false, true, false);
                return IsCategoricalScalar(value) ? Scalar(value, nullableValue, false) : null;
            case MetricKind.Gaussian:
                if (TypeSymbols.IsIntegral(value) || TypeSymbols.IsFloatOrDouble(value))
                    return Scalar(value, nullableValue, false);
                return value.SpecialType == SpecialType.System_Decimal ? Scalar(value, nullableValue, true) : null;
            default:
                return null;
        }
    }

    private static bool IsCategoricalScalar(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum || TypeSymbols.IsIntegral(type) ||
        type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char;

    private static FeatureShape Scalar(ITypeSymbol value, bool nullableValue, bool needsDoubleCast) =>
        new(ShapeKind.Scalar, "", TypeSymbols.Display(value), "", "", nullableValue, false, needsDoubleCast);

    /// <summary>Arrays, <c>ReadOnlyMemory&lt;E&gt;</c>, <c>Memory&lt;E&gt;</c> and value types with an <c>AsSpan()</c>:
    /// the kernel's span overload, no allocation.</summary>
    private static FeatureShape? Span(ITypeSymbol value, bool nullableValue, System.Func<ITypeSymbol, bool> acceptElement)
    {
        ITypeSymbol? element;
        string access;
        if (value is IArrayTypeSymbol { IsSZArray: true } array && !nullableValue)
        {
            element = array.ElementType;
            access = "";
        }
        else if (TypeSymbols.Is(value, "System", "ReadOnlyMemory", 1) || TypeSymbols.Is(value, "System", "Memory", 1))
        {
            element = ((INamedTypeSymbol)value).TypeArguments[0];
            access = ".Span";
        }
        else if (value.IsValueType && TypeSymbols.AsSpanElement(value) is { } spanElement)
        {
            element = spanElement;
            access = ".AsSpan()";
        }
        else
        {
            return null;
        }
        return acceptElement(element)
            ? new FeatureShape(ShapeKind.Span, access, TypeSymbols.Display(element), "", "", nullableValue, false, false)
            : null;
    }

    private static FeatureShape? RatingMap(ITypeSymbol value, bool canBeNull, bool nullableValue) =>
        Collection(value, canBeNull, nullableValue, "IReadOnlyDictionary", 2,
            t => t.TypeArguments[1].SpecialType == SpecialType.System_Double);

    /// <summary>A collection the kernel takes as the interface <c>{name}`{arity}</c> (found on the type itself or among
    /// its interfaces). Element is the interface's first type argument (the key, for a dictionary).</summary>
    private static FeatureShape? Collection(ITypeSymbol value, bool canBeNull, bool nullableValue, string name, int arity,
        System.Func<INamedTypeSymbol, bool> accept)
    {
        if (value.SpecialType == SpecialType.System_String) return null;
        var kernelInterface = TypeSymbols.FindInterface(value, Generic, name, arity, accept);
        if (kernelInterface is null) return null;
        var kernelType = TypeSymbols.Display(kernelInterface);
        var argumentType = SymbolEqualityComparer.Default.Equals(kernelInterface, value) ? "" : kernelType;
        return new FeatureShape(ShapeKind.Collection, "", TypeSymbols.Display(kernelInterface.TypeArguments[0]),
            argumentType, CountExpression(value, kernelInterface), nullableValue, canBeNull, false);
    }

    /// <summary>How generated code reads the count of a value <c>{0}</c>: its public <c>Count</c> when it has one,
    /// else through the collection interface it implements (a cast between interfaces, no allocation for classes);
    /// empty when it is a bare sequence.</summary>
    private static string CountExpression(ITypeSymbol value, INamedTypeSymbol kernelInterface)
    {
        // A class with a public Count, or the kernel's own interface (whose Count is unambiguous): read it directly.
        if (TypeSymbols.HasPublicCount(value) ||
            (SymbolEqualityComparer.Default.Equals(value, kernelInterface) && kernelInterface.Name != "IEnumerable"))
            return "{0}.Count";
        var element = kernelInterface.Arity == 2
            ? null // dictionaries: count through the kernel interface itself (an IReadOnlyCollection of pairs)
            : kernelInterface.TypeArguments[0];
        if (element is null || TypeSymbols.Is(kernelInterface, Generic, "IReadOnlyList", 1))
            return "((" + TypeSymbols.Display(kernelInterface) + "){0}).Count";
        var readOnlyCollection = TypeSymbols.FindInterface(value, Generic, "IReadOnlyCollection", 1,
            t => SymbolEqualityComparer.Default.Equals(t.TypeArguments[0], element));
        if (readOnlyCollection is not null)
            return "((" + TypeSymbols.Display(readOnlyCollection) + "){0}).Count";
        var collection = TypeSymbols.FindInterface(value, Generic, "ICollection", 1,
            t => SymbolEqualityComparer.Default.Equals(t.TypeArguments[0], element));
        return collection is not null ? "((" + TypeSymbols.Display(collection) + "){0}).Count" : "";
    }
}
