namespace PersonaAnalyzers.Generator.Model;

/// <summary>The emission recipe of one feature: which kernel overload receives the member's value, and how.</summary>
/// <param name="Kind">The access pattern.</param>
/// <param name="SpanAccess">For <see cref="ShapeKind.Span"/>: the suffix that turns the value into a span
/// (<c>""</c> for arrays, <c>".Span"</c>, <c>".AsSpan()"</c>).</param>
/// <param name="ElementType">The fully qualified element type (span element, set element, dictionary key, scalar type).</param>
/// <param name="KernelArgumentType">For <see cref="ShapeKind.Collection"/>: the interface the kernel takes, fully qualified,
/// or empty when the member's type is that interface already.</param>
/// <param name="CountExpression">For <see cref="ShapeKind.Collection"/>: how to read the count of a value <c>{0}</c>
/// (a format string), or empty when emptiness needs <c>Enumerable.Any</c>.</param>
/// <param name="IsNullableValue">The member is a <c>Nullable&lt;T&gt;</c>; null means "missing".</param>
/// <param name="CanBeNull">The member's type is a reference type: null means "missing".</param>
/// <param name="NeedsDoubleCast">For Gaussian: the value needs an explicit <c>(double)</c> (decimal).</param>
internal sealed record FeatureShape(
    ShapeKind Kind,
    string SpanAccess,
    string ElementType,
    string KernelArgumentType,
    string CountExpression,
    bool IsNullableValue,
    bool CanBeNull,
    bool NeedsDoubleCast);
