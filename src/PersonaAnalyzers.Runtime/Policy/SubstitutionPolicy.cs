using System;
using System.Globalization;

namespace PersonaAnalyzers;

/// <summary>Turns a band and a similarity into a <see cref="SubstitutionVerdict"/>: whether the substitute is safe,
/// how much of its personalization to apply, and why.</summary>
/// <remarks>A substitute is safe only when it is the user's own profile, or lies in the moderate band and its expected
/// error beats no personalization. Confidence is the share of the own profile's benefit that the substitute is
/// expected to keep: <c>1 − relative error</c>. Near-matches are never safe: that is where a model applies a
/// near-twin's preferences confidently and wrongly.</remarks>
public sealed class SubstitutionPolicy
{
    /// <summary>Creates a policy.</summary>
    public SubstitutionPolicy(SimilarityBands bands, RiskCurve riskCurve)
    {
        Bands = bands ?? throw new ArgumentNullException(nameof(bands));
        RiskCurve = riskCurve ?? throw new ArgumentNullException(nameof(riskCurve));
    }

    /// <summary>The default bands with the default risk curve.</summary>
    public static SubstitutionPolicy Default { get; } = new(SimilarityBands.Default, RiskCurve.Default);

    /// <summary>A policy for given bands: <see cref="Default"/> for the default bands, otherwise the bands with the
    /// uninformed risk curve of <see cref="RiskCurve.ForBands"/>.</summary>
    /// <remarks>Bands a user declares (attribute arguments, options, a calibrated bands file) say that the moderate
    /// band helps; the default curve, calibrated on a forum where no substitute helped, would contradict them. So
    /// declared bands get a curve that agrees with them, and a calibrated <see cref="RiskCurve"/> can always be
    /// supplied through the constructor.</remarks>
    public static SubstitutionPolicy For(SimilarityBands bands)
    {
        if (bands is null) throw new ArgumentNullException(nameof(bands));
        return bands.Equals(SimilarityBands.Default)
            ? Default
            : new SubstitutionPolicy(bands, RiskCurve.ForBands(bands));
    }

    /// <summary>The thresholds this policy classifies with.</summary>
    public SimilarityBands Bands { get; }

    /// <summary>The expected relative error by similarity.</summary>
    public RiskCurve RiskCurve { get; }

    /// <summary>Judges a candidate whose band and similarity are known.</summary>
    /// <exception cref="ArgumentException"><paramref name="similarity"/> is NaN or outside [0, 1], or
    /// <paramref name="band"/> is not a defined value.</exception>
    [SimilarityBandCheck]
    public SubstitutionVerdict Assess(SimilarityBand band, double similarity)
    {
        Guard.Probability(similarity, nameof(similarity));
        var s = similarity.ToString("0.###", CultureInfo.InvariantCulture);
        if (band == SimilarityBand.Self)
            return new SubstitutionVerdict(band, similarity, isSafe: true, confidence: 1, expectedRelativeError: 0,
                "the target user's own profile");

        var risk = RiskCurve.ExpectedRelativeError(similarity);
        var e = risk.ToString("0.##", CultureInfo.InvariantCulture);
        switch (band)
        {
            case SimilarityBand.NearMatch:
                return new SubstitutionVerdict(band, similarity, false, 0, risk,
                    $"near-match (similarity {s} ≥ {Bands.NearMatch.ToString("0.###", CultureInfo.InvariantCulture)}): a near-twin's preferences would be applied confidently and wrongly; use the population prior");
            case SimilarityBand.Distant:
                return new SubstitutionVerdict(band, similarity, false, 0, risk,
                    $"distant (similarity {s} ≤ {Bands.Distant.ToString("0.###", CultureInfo.InvariantCulture)}): too different to help; use the population prior");
            case SimilarityBand.Moderate when risk < 1:
                return new SubstitutionVerdict(band, similarity, true, 1 - risk, risk,
                    $"moderate (similarity {s}): expected error {e} of the way from the own profile to no personalization");
            case SimilarityBand.Moderate:
                return new SubstitutionVerdict(band, similarity, false, 0, risk,
                    $"moderate (similarity {s}) but expected error {e} does not beat no personalization");
            default:
                throw new ArgumentException($"band is {(int)band}, not a defined SimilarityBand.", nameof(band));
        }
    }

    /// <summary>Classifies a similarity between two different users with <see cref="Bands"/> and judges it.</summary>
    [SimilarityBandCheck]
    public SubstitutionVerdict Assess(double similarity) => Assess(Bands.Classify(similarity), similarity);
}
