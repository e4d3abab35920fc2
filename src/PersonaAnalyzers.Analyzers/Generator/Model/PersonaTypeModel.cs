namespace PersonaAnalyzers.Generator.Model;

/// <summary>A valid <c>[PersonaProfile]</c> type, as the generator needs it: names and strings only, no symbols,
/// so that the pipeline caches it across compilations.</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="DisplayName">The type's name as C# code writes it inside its namespace (<c>Outer.Inner</c>).</param>
/// <param name="FullyQualifiedName">The type with <c>global::</c>, for the generated code.</param>
/// <param name="LookupName">The name looked up in <c>persona-bands.json</c> (<c>Contoso.Outer.Inner</c>).</param>
/// <param name="GuardName">The generated static class (<c>{T}Guard</c>; nested types prefix their containers).</param>
/// <param name="SimilarityName">The generated struct returned by <c>Explain</c> (<c>{T}Similarity</c>).</param>
/// <param name="HintName">The generated file's hint name, unique per type.</param>
/// <param name="IsPublic">Public when the type is effectively public, otherwise internal.</param>
/// <param name="IsValueType">A struct or record struct: no null checks, and no identity without a key.</param>
/// <param name="Kind">How the type is declared (<c>class</c>, <c>record</c>, <c>struct</c>, <c>record struct</c>), for comments.</param>
/// <param name="Key">The <c>[PersonaKey]</c>, if any.</param>
/// <param name="Features">The features, in declaration order (base types first).</param>
/// <param name="AttributeNearMatch">The <c>[PersonaProfile]</c> <c>NearMatch</c> argument, NaN when not set.</param>
/// <param name="AttributeDistant">The <c>[PersonaProfile]</c> <c>Distant</c> argument, NaN when not set.</param>
internal sealed record PersonaTypeModel(
    string Namespace,
    string DisplayName,
    string FullyQualifiedName,
    string LookupName,
    string GuardName,
    string SimilarityName,
    string HintName,
    bool IsPublic,
    bool IsValueType,
    string Kind,
    KeyModel? Key,
    EquatableArray<FeatureModel> Features,
    double AttributeNearMatch,
    double AttributeDistant);
