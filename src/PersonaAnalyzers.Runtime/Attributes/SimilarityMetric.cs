namespace PersonaAnalyzers;

/// <summary>How one <see cref="PersonaFeatureAttribute">persona feature</see> is compared between two profiles.
/// Every metric yields a similarity in [0, 1].</summary>
public enum SimilarityMetric
{
    /// <summary>Cosine of two dense vectors (<c>float[]</c>, <c>double[]</c>, <c>ReadOnlyMemory&lt;float&gt;</c>,
    /// <c>IReadOnlyList&lt;float|double&gt;</c>), clamped at 0: opposite tastes are simply "not similar".</summary>
    Cosine = 0,

    /// <summary>Pearson correlation of two rating maps (<c>IReadOnlyDictionary&lt;TKey, double&gt;</c>) over their
    /// co-rated keys, clamped at 0; 0 with fewer than two co-rated keys.</summary>
    Pearson = 1,

    /// <summary>Jaccard index of two sets; sequences are treated as sets (duplicates ignored).</summary>
    Jaccard = 2,

    /// <summary>1 when the two values are equal (strings ordinally), else 0. For strings, enums, bools and integers.</summary>
    Categorical = 3,

    /// <summary>Numeric closeness <c>exp(-(Δ/Scale)²)</c>; needs <see cref="PersonaFeatureAttribute.Scale"/>.</summary>
    Gaussian = 4,

    /// <summary>1 − Jensen–Shannon divergence (base 2) of two probability distributions
    /// (<c>double[]</c> or <c>IReadOnlyDictionary&lt;TKey, double&gt;</c>).</summary>
    JensenShannon = 5,
}
