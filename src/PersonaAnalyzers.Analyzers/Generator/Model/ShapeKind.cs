namespace PersonaAnalyzers.Generator.Model;

/// <summary>How a feature member's value reaches its kernel. Decided once, in <c>FeatureShapes</c>, for both the
/// generator (which emits the call) and the configuration analyzer (which reports the types that have no shape).</summary>
internal enum ShapeKind
{
    /// <summary>An array, <c>ReadOnlyMemory&lt;E&gt;</c>, <c>Memory&lt;E&gt;</c> or a type with <c>ReadOnlySpan&lt;E&gt; AsSpan()</c>:
    /// the kernel runs on a span; an empty span means "missing".</summary>
    Span,

    /// <summary>A collection passed to the kernel as an interface (<c>IReadOnlyList</c>, <c>IReadOnlyDictionary</c>,
    /// <c>IEnumerable</c>); null or a count of 0 means "missing".</summary>
    Collection,

    /// <summary>A string, compared ordinally; null or empty means "missing".</summary>
    String,

    /// <summary>An enum, bool, char or integer (or a nullable one; null means "missing").</summary>
    Scalar,
}
