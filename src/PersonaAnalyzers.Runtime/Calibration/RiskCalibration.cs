using System;
using System.Collections.Generic;
using System.Globalization;
using PersonaAnalyzers.Internal;

namespace PersonaAnalyzers;

/// <summary>The result of <see cref="RiskCalibrator"/>: the fitted error curve, the bands read off it with bootstrap
/// intervals, and the policy they make.</summary>
public sealed class RiskCalibration
{
    private const int CurveKnots = 41;
    private readonly CurveEstimate _estimate;

    internal RiskCalibration(CurveEstimate estimate, ConfidenceInterval nearMatchInterval, ConfidenceInterval distantInterval,
        IReadOnlyList<BinnedMean> binnedMeans, int substituteCount, int baselineCount, int selfCount, int bootstrapSamples,
        int splineKnots, RiskCalibratorOptions options)
    {
        _estimate = estimate;
        Bands = new SimilarityBands(estimate.NearMatch, estimate.Distant);
        NearMatchInterval = nearMatchInterval;
        DistantInterval = distantInterval;
        BinnedMeans = binnedMeans;
        SubstituteCount = substituteCount;
        BaselineCount = baselineCount;
        SelfCount = selfCount;
        BootstrapSamples = bootstrapSamples;
        SplineKnots = splineKnots;
        MaterialEffect = options.MaterialEffect;
        Seed = options.Seed;
    }

    /// <summary>The calibrated thresholds (point estimates).</summary>
    public SimilarityBands Bands { get; }

    /// <summary>Bootstrap percentile interval of <see cref="SimilarityBands.NearMatch"/>.</summary>
    public ConfidenceInterval NearMatchInterval { get; }

    /// <summary>Bootstrap percentile interval of <see cref="SimilarityBands.Distant"/>.</summary>
    public ConfidenceInterval DistantInterval { get; }

    /// <summary>Whether substitutes do material harm (worse than no personalization) at the top of the observed
    /// similarities. When false, <see cref="SimilarityBands.NearMatch"/> is 1.</summary>
    public bool HasNearMatchRegion => _estimate.HarmFound;

    /// <summary>Whether some similarity below the near-match region materially beats no personalization. When false
    /// the moderate band is a token 0.001 wide and no substitute is safe.</summary>
    public bool HasModerateBand => _estimate.HelpFound;

    /// <summary>Mean error of no personalization.</summary>
    public double BaselineError => _estimate.Baseline;

    /// <summary>Mean error of the own profile, or null without Self observations.</summary>
    public double? SelfError => SelfCount > 0 ? _estimate.Reference : null;

    /// <summary>The error that relative error 0 stands for: <see cref="SelfError"/>, or without Self observations the
    /// baseline minus the largest effect on the fitted curve.</summary>
    public double ReferenceError => _estimate.Reference;

    /// <summary>Observed similarity range; the fitted curve is held flat beyond it rather than extrapolated.</summary>
    public double MinSimilarity => _estimate.Low;

    /// <inheritdoc cref="MinSimilarity"/>
    public double MaxSimilarity => _estimate.High;

    /// <summary>Mean substitute error by equal-width similarity bin.</summary>
    public IReadOnlyList<BinnedMean> BinnedMeans { get; }

    /// <summary>Knots of the restricted cubic spline (chosen by generalised cross-validation).</summary>
    public int SplineKnots { get; }

    /// <summary>Numbers of observations used, by kind.</summary>
    public int SubstituteCount { get; }

    /// <inheritdoc cref="SubstituteCount"/>
    public int BaselineCount { get; }

    /// <inheritdoc cref="SubstituteCount"/>
    public int SelfCount { get; }

    /// <summary>Bootstrap resamples that entered the intervals.</summary>
    public int BootstrapSamples { get; }

    /// <summary>The material-effect margin the bounds were read with.</summary>
    public double MaterialEffect { get; }

    /// <summary>The bootstrap seed.</summary>
    public int Seed { get; }

    /// <summary>The fitted expected error of a substitute at <paramref name="similarity"/> (flat beyond the observed range).</summary>
    /// <exception cref="ArgumentException"><paramref name="similarity"/> is NaN or outside [0, 1].</exception>
    public double ExpectedError(double similarity)
    {
        Guard.Probability(similarity, nameof(similarity));
        return _estimate.Error(similarity);
    }

    /// <summary>The fitted error on the relative scale: 0 = own profile, 1 = no personalization, above 1 = worse than none.</summary>
    /// <exception cref="ArgumentException"><paramref name="similarity"/> is NaN or outside [0, 1].</exception>
    public double ExpectedRelativeError(double similarity)
    {
        Guard.Probability(similarity, nameof(similarity));
        return _estimate.RelativeError(similarity);
    }

    /// <summary>The fitted curve sampled into knots (relative error, clamped at 0), including the two thresholds.</summary>
    public RiskCurve ToRiskCurve()
    {
        var points = new SortedDictionary<double, double>();
        for (var i = 0; i < CurveKnots; i++) points[(double)i / (CurveKnots - 1)] = 0;
        points[Bands.Distant] = 0;
        points[Bands.NearMatch] = 0;
        var xs = new List<double>(points.Count);
        var ys = new List<double>(points.Count);
        foreach (var x in points.Keys)
        {
            xs.Add(x);
            ys.Add(Math.Max(0, _estimate.RelativeError(x)));
        }
        return new RiskCurve(xs, ys);
    }

    /// <summary>The policy of these bands and this curve.</summary>
    public SubstitutionPolicy ToPolicy() => new(Bands, ToRiskCurve());

    /// <summary>Index of the candidate with the lowest expected error among those the calibrated policy judges safe
    /// (which means: beats no personalization), or −1 when none does. Never simply the most similar one.</summary>
    /// <exception cref="ArgumentException">A similarity is NaN or outside [0, 1].</exception>
    public int SafestSubstitute(IReadOnlyList<double> candidateSimilarities)
    {
        if (candidateSimilarities is null) throw new ArgumentNullException(nameof(candidateSimilarities));
        var policy = ToPolicy();
        var best = -1;
        var bestError = double.PositiveInfinity;
        for (var i = 0; i < candidateSimilarities.Count; i++)
        {
            Guard.Probability(candidateSimilarities[i], $"{nameof(candidateSimilarities)}[{i}]");
            var verdict = policy.Assess(candidateSimilarities[i]);
            if (!verdict.IsSafe) continue;
            var error = _estimate.Error(candidateSimilarities[i]);
            if (error < bestError && error < BaselineError)
            {
                bestError = error;
                best = i;
            }
        }
        return best;
    }

    /// <summary>The bands in the <c>persona-bands.json</c> format the generator reads, with intervals and provenance.</summary>
    /// <param name="source">Where the observations came from (a file name or a command line).</param>
    public string ToBandsJson(string source)
    {
        var provenance = new List<KeyValuePair<string, string>>
        {
            new("generatedBy", "persona calibrate"),
            new("source", source ?? string.Empty),
            new("observations", string.Format(CultureInfo.InvariantCulture, "{0} substitute, {1} baseline, {2} self", SubstituteCount, BaselineCount, SelfCount)),
            new("method", string.Format(CultureInfo.InvariantCulture,
                "restricted cubic spline ({0} knots); {1} bootstrap resamples, seed {2}; {3:0.#%} intervals; material effect {4}",
                SplineKnots, BootstrapSamples, Seed, NearMatchInterval.Level, MaterialEffect)),
        };
        var entry = new BandsEntry(Bands.NearMatch, Bands.Distant,
            new[] { NearMatchInterval.Lower, NearMatchInterval.Upper }, new[] { DistantInterval.Lower, DistantInterval.Upper });
        return BandsFile.Write(entry, provenance: provenance);
    }
}
