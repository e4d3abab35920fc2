using System;

namespace PersonaAnalyzers;

/// <summary>One measured prediction error: of a substitute at a similarity, of no personalization, or of the own profile.</summary>
public readonly struct RiskObservation : IEquatable<RiskObservation>
{
    /// <summary>Creates an observation.</summary>
    /// <param name="similarity">The substitute's similarity to the target, in [0, 1] (ignored, but still validated, for
    /// <see cref="ObservationKind.Baseline"/> and <see cref="ObservationKind.Self"/>).</param>
    /// <param name="error">The prediction error (any loss where lower is better), finite.</param>
    /// <param name="kind">What produced the error.</param>
    /// <exception cref="ArgumentException">A value is NaN, infinite or out of range, or the kind is undefined.</exception>
    public RiskObservation(double similarity, double error, ObservationKind kind = ObservationKind.Substitute)
    {
        Guard.Probability(similarity, nameof(similarity));
        Guard.Finite(error, nameof(error));
        if (kind is not (ObservationKind.Substitute or ObservationKind.Baseline or ObservationKind.Self))
            throw new ArgumentException($"kind is {(int)kind}, not a defined ObservationKind.", nameof(kind));
        Similarity = similarity;
        Error = error;
        Kind = kind;
    }

    /// <summary>An observation of a substitute.</summary>
    public static RiskObservation Substitute(double similarity, double error) => new(similarity, error, ObservationKind.Substitute);

    /// <summary>An observation of no personalization.</summary>
    public static RiskObservation Baseline(double error) => new(0, error, ObservationKind.Baseline);

    /// <summary>An observation of the user's own profile.</summary>
    public static RiskObservation Self(double error) => new(1, error, ObservationKind.Self);

    /// <summary>The substitute's similarity to the target.</summary>
    public double Similarity { get; }

    /// <summary>The measured error.</summary>
    public double Error { get; }

    /// <summary>What produced it.</summary>
    public ObservationKind Kind { get; }

    /// <inheritdoc/>
    public bool Equals(RiskObservation other) => Similarity.Equals(other.Similarity) && Error.Equals(other.Error) && Kind == other.Kind;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RiskObservation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Similarity.GetHashCode() * 397) ^ Error.GetHashCode() ^ (int)Kind;
}
