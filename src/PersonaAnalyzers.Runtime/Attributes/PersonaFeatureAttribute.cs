using System;

namespace PersonaAnalyzers;

/// <summary>Marks a member that enters the profile similarity, and how it is compared.</summary>
/// <remarks>The profile similarity is the weighted mean of the feature similarities over the features present in
/// both profiles (Gower's coefficient); a null or empty feature drops out instead of counting as "different".</remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class PersonaFeatureAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="metric">How the feature is compared.</param>
    public PersonaFeatureAttribute(SimilarityMetric metric) => Metric = metric;

    /// <summary>How the feature is compared.</summary>
    public SimilarityMetric Metric { get; }

    /// <summary>The feature's weight in the profile similarity; must be &gt; 0. Default 1.</summary>
    public double Weight { get; set; } = 1.0;

    /// <summary>The distance at which a <see cref="SimilarityMetric.Gaussian"/> similarity falls to 1/e; must be &gt; 0
    /// and is required for that metric. <see cref="double.NaN"/> means "not set".</summary>
    public double Scale { get; set; } = double.NaN;

    /// <summary>Support-aware shrinkage λ ≥ 0 (Herlocker / Koren significance weighting): the feature similarity
    /// <c>s</c> becomes <c>s · n / (n + λ)</c>, with <c>n</c> the co-rated keys or shared elements, so that a high
    /// score built on little evidence does not pass for a near-twin. Default 0 (none).</summary>
    public double Shrinkage { get; set; }
}
