namespace PersonaAnalyzers.Generator.Model;

/// <summary>One <c>[PersonaFeature]</c> member, validated.</summary>
/// <param name="MemberName">The member as written in C# (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="PropertyName">Its name in the generated <c>{T}Similarity</c> struct.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Weight">The weight, finite and &gt; 0.</param>
/// <param name="Scale">The Gaussian scale (NaN for other metrics).</param>
/// <param name="Shrinkage">Support shrinkage λ ≥ 0 (used by Pearson and Jaccard).</param>
/// <param name="MemberType">The member's declared type, for documentation comments.</param>
/// <param name="Shape">How the value reaches the kernel.</param>
internal sealed record FeatureModel(
    string MemberName,
    string PropertyName,
    MetricKind Metric,
    double Weight,
    double Scale,
    double Shrinkage,
    string MemberType,
    FeatureShape Shape);
