using System;

namespace PersonaAnalyzers;

/// <summary>The decision about one candidate substitute for one target user.</summary>
public readonly struct SubstitutionVerdict : IEquatable<SubstitutionVerdict>
{
    /// <summary>Creates a verdict. Usually produced by <see cref="SubstitutionPolicy.Assess(SimilarityBand, double)"/> or a generated guard.</summary>
    /// <exception cref="ArgumentException">A number is NaN or outside [0, 1] (the relative error must be ≥ 0).</exception>
    public SubstitutionVerdict(SimilarityBand band, double similarity, bool isSafe, double confidence, double expectedRelativeError, string reason)
    {
        Guard.Probability(similarity, nameof(similarity));
        Guard.Probability(confidence, nameof(confidence));
        Guard.NonNegative(expectedRelativeError, nameof(expectedRelativeError));
        Band = band;
        Similarity = similarity;
        IsSafe = isSafe;
        Confidence = confidence;
        ExpectedRelativeError = expectedRelativeError;
        _reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>The candidate's band relative to the target.</summary>
    public SimilarityBand Band { get; }

    /// <summary>The profile similarity, in [0, 1].</summary>
    public double Similarity { get; }

    /// <summary>Whether the substitute is expected to beat the non-personalized baseline.</summary>
    public bool IsSafe { get; }

    /// <summary>How much of the substitute's personalization to apply, in [0, 1]; the rest goes to the population
    /// prior. 0 whenever <see cref="IsSafe"/> is false.</summary>
    public double Confidence { get; }

    /// <summary>The expected error of personalizing with this candidate, relative to the user's own profile (0) and
    /// to no personalization (1). Above 1 means worse than no personalization.</summary>
    public double ExpectedRelativeError { get; }

    /// <summary>Why the verdict came out as it did, in a sentence fit for a log.</summary>
    public string Reason => _reason ?? string.Empty; // default(SubstitutionVerdict) has no reason
    private readonly string? _reason;

    /// <summary>Applies the verdict to a score: <c>Confidence · personalized + (1 − Confidence) · prior</c>.</summary>
    /// <exception cref="ArgumentException">A score is NaN or ±∞.</exception>
    public double Blend(double personalized, double prior)
    {
        Guard.Finite(personalized, nameof(personalized));
        Guard.Finite(prior, nameof(prior));
        return Confidence * personalized + (1 - Confidence) * prior;
    }

    /// <summary>Applies the verdict to a vector of scores, element by element, into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ or a score is NaN or ±∞.</exception>
    public void Blend(ReadOnlySpan<double> personalized, ReadOnlySpan<double> prior, Span<double> destination)
    {
        Guard.SameLength(personalized.Length, prior.Length, nameof(personalized), nameof(prior));
        Guard.SameLength(personalized.Length, destination.Length, nameof(personalized), nameof(destination));
        for (var i = 0; i < personalized.Length; i++)
        {
            if (!SimilarityKernels.IsFinite(personalized[i])) throw Guard.NonFiniteElement(nameof(personalized), i, personalized[i]);
            if (!SimilarityKernels.IsFinite(prior[i])) throw Guard.NonFiniteElement(nameof(prior), i, prior[i]);
            destination[i] = Confidence * personalized[i] + (1 - Confidence) * prior[i];
        }
    }

    /// <inheritdoc/>
    public bool Equals(SubstitutionVerdict other) =>
        Band == other.Band && Similarity.Equals(other.Similarity) && IsSafe == other.IsSafe &&
        Confidence.Equals(other.Confidence) && ExpectedRelativeError.Equals(other.ExpectedRelativeError) && Reason == other.Reason;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SubstitutionVerdict other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Band * 397) ^ Similarity.GetHashCode() ^ Confidence.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => $"{Band} (similarity {Similarity:0.###}, {(IsSafe ? "safe" : "unsafe")}, confidence {Confidence:0.##}): {Reason}";
}
