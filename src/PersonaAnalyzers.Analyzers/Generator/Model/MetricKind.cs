namespace PersonaAnalyzers.Generator.Model;

/// <summary>Mirror of the runtime's <c>SimilarityMetric</c> (same values): the compiler cannot load the runtime
/// assembly, so the attribute's constructor argument is read as its underlying integer.</summary>
internal enum MetricKind
{
    Cosine = 0,
    Pearson = 1,
    Jaccard = 2,
    Categorical = 3,
    Gaussian = 4,
    JensenShannon = 5,
}
