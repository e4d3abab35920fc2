namespace PersonaAnalyzers.Generator.Model;

/// <summary>The <c>[PersonaKey]</c> member that decides Self.</summary>
/// <param name="MemberName">The member as written in C#.</param>
/// <param name="TypeName">Its fully qualified type (the underlying type for a nullable value type).</param>
/// <param name="CanBeNull">A reference type: a null key identifies nobody, so it never makes Self.</param>
/// <param name="IsNullableValue">A <c>Nullable&lt;T&gt;</c>: an empty key identifies nobody.</param>
internal sealed record KeyModel(string MemberName, string TypeName, bool CanBeNull, bool IsNullableValue);
