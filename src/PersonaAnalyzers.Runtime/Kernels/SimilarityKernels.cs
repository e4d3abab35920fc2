using System;

namespace PersonaAnalyzers;

/// <summary>The similarity kernels, one per <see cref="SimilarityMetric"/>. Every kernel returns a value in [0, 1],
/// allocates nothing on its span and set paths, and throws <see cref="ArgumentException"/> naming the offending
/// value on bad input (NaN, ±∞, mismatched dimensions, empty input where a value is needed).</summary>
/// <remarks>The generated guards call these; so can hand-written code. One file per metric:
/// <c>SimilarityKernels.Cosine.cs</c>, <c>.Pearson.cs</c>, <c>.Jaccard.cs</c>, <c>.Categorical.cs</c>,
/// <c>.Gaussian.cs</c>, <c>.JensenShannon.cs</c>.</remarks>
public static partial class SimilarityKernels
{
    /// <summary>Support-aware shrinkage (Herlocker et al. 1999; Koren 2008): <c>s · n / (n + λ)</c>. A similarity
    /// computed from few co-rated keys or shared elements is pulled toward 0 so that it cannot pass for a near-twin.</summary>
    /// <param name="similarity">The raw similarity, in [0, 1].</param>
    /// <param name="support">The number of co-rated keys or shared elements behind it.</param>
    /// <param name="shrinkage">λ ≥ 0; 0 leaves the similarity unchanged.</param>
    /// <exception cref="ArgumentException"><paramref name="similarity"/> is NaN or outside [0, 1],
    /// <paramref name="support"/> is negative, or <paramref name="shrinkage"/> is negative or not finite.</exception>
    public static double Shrink(double similarity, int support, double shrinkage)
    {
        Guard.Probability(similarity, nameof(similarity));
        Guard.NonNegative(shrinkage, nameof(shrinkage));
        if (support < 0)
            throw new ArgumentException($"support is {support}; it must be ≥ 0.", nameof(support));
        if (shrinkage == 0) return similarity;
        return support == 0 ? 0 : similarity * support / (support + shrinkage);
    }

    /// <summary>Clamps a computed score into [0, 1]: negative correlations count as "not similar" and rounding may
    /// overshoot 1 by an ulp.</summary>
    internal static double Clamp01(double value) => value <= 0 ? 0 : value >= 1 ? 1 : value;
}
