using System;

namespace PersonaAnalyzers;

/// <summary>Weighted mean of feature similarities over the features present in both profiles (Gower's coefficient).
/// A feature missing in either profile is simply not added: absence is no evidence of difference. With no feature
/// present, the profile similarity is 0.</summary>
/// <remarks>A mutable struct so that generated guards aggregate without allocating; use it as a local.</remarks>
public struct SimilarityAccumulator
{
    private double _weightedSum;

    /// <summary>The sum of the weights of the features added so far.</summary>
    public double TotalWeight { get; private set; }

    /// <summary>How many features were present in both profiles.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one feature present in both profiles.</summary>
    /// <param name="similarity">The feature similarity, in [0, 1].</param>
    /// <param name="weight">The feature weight, a finite number &gt; 0.</param>
    /// <exception cref="ArgumentException">The similarity is NaN or outside [0, 1], the weight is not positive, or the
    /// total weight would overflow.</exception>
    public void Add(double similarity, double weight = 1.0)
    {
        Guard.Probability(similarity, nameof(similarity));
        Guard.Positive(weight, nameof(weight));
        // The weighted sum never exceeds the total weight, so a finite total keeps Result finite: no silent NaN.
        if (double.IsInfinity(TotalWeight + weight))
            throw new ArgumentException(
                $"weight is {Guard.Format(weight)}; added to the total so far ({Guard.Format(TotalWeight)}) it overflows. Use smaller, relative weights.",
                nameof(weight));
        _weightedSum += similarity * weight;
        TotalWeight += weight;
        Count++;
    }

    /// <summary>The weighted mean similarity, or 0 when no feature was present in both profiles.</summary>
    public readonly double Result => TotalWeight == 0 ? 0 : SimilarityKernels.Clamp01(_weightedSum / TotalWeight);
}
