using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace PersonaAnalyzers;

/// <summary>Calibrates similarity bands and a risk curve from measured errors: of substitutes at known similarities,
/// of no personalization (the baseline) and, optionally, of the users' own profiles (Self).</summary>
/// <remarks>
/// <para>The substitute errors are fitted against similarity with a restricted cubic spline (least squares through
/// MathNet's <c>Fit.LinearCombination</c>; the number of knots, 3–12, is chosen by generalised cross-validation).
/// Errors are put on the relative scale of <see cref="RiskCurve"/>: 0 = own profile, 1 = no personalization.</para>
/// <para><b>NearMatch</b> is where the top run of similarities whose fitted relative error exceeds
/// <c>1 + MaterialEffect</c> begins — substitutes there do worse than no personalization. <b>Distant</b> is where the
/// bottom run without a material benefit (relative error ≥ <c>1 − MaterialEffect</c>) ends — below it substitutes no
/// longer help. Both get percentile bootstrap intervals from refits (same knots) on resampled observations (each kind resampled
/// separately, with MathNet's xoshiro256** source).</para>
/// </remarks>
public static class RiskCalibrator
{
    /// <summary>Calibrates with <see cref="RiskCalibratorOptions"/> defaults.</summary>
    public static RiskCalibration Calibrate(IEnumerable<RiskObservation> observations) => Calibrate(observations, new RiskCalibratorOptions());

    /// <summary>Calibrates bands and a risk curve.</summary>
    /// <exception cref="ArgumentException">No baseline observation; fewer substitute observations than
    /// <see cref="RiskCalibratorOptions.MinimumObservations"/>; fewer than three distinct similarities; a self error
    /// that is not below the baseline; or invalid options.</exception>
    public static RiskCalibration Calibrate(IEnumerable<RiskObservation> observations, RiskCalibratorOptions options)
    {
        if (observations is null) throw new ArgumentNullException(nameof(observations));
        if (options is null) throw new ArgumentNullException(nameof(options));
        options.Validate();

        var substitutes = new List<RiskObservation>();
        var baselines = new List<double>();
        var selves = new List<double>();
        foreach (var o in observations)
        {
            switch (o.Kind)
            {
                case ObservationKind.Baseline: baselines.Add(o.Error); break;
                case ObservationKind.Self: selves.Add(o.Error); break;
                default: substitutes.Add(o); break;
            }
        }
        if (baselines.Count == 0)
            throw new ArgumentException(
                "There are no baseline (no-personalization) observations: a substitute can only be judged against the baseline it must beat.",
                nameof(observations));
        if (substitutes.Count < options.MinimumObservations)
            throw new ArgumentException(
                $"There are {substitutes.Count} substitute observations; calibration needs at least {options.MinimumObservations}.",
                nameof(observations));

        var x = substitutes.Select(o => o.Similarity).ToArray();
        var y = substitutes.Select(o => o.Error).ToArray();
        var distinct = x.Distinct().Count();
        if (distinct < 3)
            throw new ArgumentException(
                $"The substitute observations have {distinct} distinct similarities; a curve needs at least 3.", nameof(observations));

        double low = x.Min(), high = x.Max();
        var knotCount = ChooseKnots(x, y, out var knots);
        var baseline = baselines.Average();
        double? self = selves.Count > 0 ? selves.Average() : null;
        var estimate = CurveEstimate.Create(RestrictedCubicSpline.Fit(x, y, knots), low, high, baseline, self, options.MaterialEffect);

        // Bootstrap: resample each kind with replacement, refit the spline (same knots) and read the bounds off the
        // same grid. A resample is a vector of counts over the observations, so the design matrix is built once.
        // Resamples whose fit degenerates are dropped and counted.
        var rng = new Xoshiro256StarStar(options.Seed);
        var design = RestrictedCubicSpline.Design(x, knots);
        var nearMatches = new List<double>(options.BootstrapSamples);
        var distants = new List<double>(options.BootstrapSamples);
        var counts = new int[x.Length];
        for (var b = 0; b < options.BootstrapSamples; b++)
        {
            Array.Clear(counts, 0, counts.Length);
            for (var i = 0; i < x.Length; i++) counts[rng.Next(x.Length)]++;
            var bBaseline = ResampledMean(rng, baselines);
            double? bSelf = selves.Count > 0 ? ResampledMean(rng, selves) : null;
            try
            {
                var fit = RestrictedCubicSpline.FitResample(design, y, counts, knots);
                var e = CurveEstimate.Create(fit, low, high, bBaseline, bSelf, options.MaterialEffect);
                nearMatches.Add(e.NearMatch);
                distants.Add(e.Distant);
            }
            catch (ArgumentException)
            {
                // A degenerate resample says nothing about the bounds; too many of them are reported below.
            }
        }
        if (nearMatches.Count < options.BootstrapSamples * 0.9)
            throw new ArgumentException(
                $"{options.BootstrapSamples - nearMatches.Count} of {options.BootstrapSamples} bootstrap resamples could not be fitted: the observations are too few or too concentrated for a confidence interval.",
                nameof(observations));

        return new RiskCalibration(estimate, Interval(nearMatches, options.ConfidenceLevel), Interval(distants, options.ConfidenceLevel),
            Bin(x, y, low, high, options.Bins), substitutes.Count, baselines.Count, selves.Count, nearMatches.Count, knotCount, options);
    }

    private static int ChooseKnots(double[] x, double[] y, out double[] knots)
    {
        double best = double.PositiveInfinity;
        var bestCount = 0;
        knots = Array.Empty<double>();
        for (var k = RestrictedCubicSpline.MinKnots; k <= RestrictedCubicSpline.MaxKnots; k++)
        {
            // Keep at least ten observations per parameter.
            if (x.Length < 10 * k) break;
            var candidate = RestrictedCubicSpline.PlaceKnots(x, k);
            if (candidate is null) continue;
            var gcv = RestrictedCubicSpline.Fit(x, y, candidate).Gcv(x, y);
            if (gcv < best)
            {
                best = gcv;
                bestCount = k;
                knots = candidate;
            }
        }
        if (bestCount == 0)
        {
            // Too few observations for ten per parameter: fall back to the smallest spline if its knots are distinct.
            knots = RestrictedCubicSpline.PlaceKnots(x, RestrictedCubicSpline.MinKnots)
                ?? throw new ArgumentException("The similarities are too concentrated to place three distinct knots.", "observations");
            bestCount = RestrictedCubicSpline.MinKnots;
        }
        return bestCount;
    }

    private static double ResampledMean(System.Random rng, List<double> values)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++) sum += values[rng.Next(values.Count)];
        return sum / values.Count;
    }

    private static ConfidenceInterval Interval(List<double> draws, double level)
    {
        var sorted = draws.ToArray();
        Array.Sort(sorted);
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(SortedArrayStatistics.Quantile(sorted, tail), SortedArrayStatistics.Quantile(sorted, 1 - tail), level);
    }

    private static BinnedMean[] Bin(double[] x, double[] y, double low, double high, int bins)
    {
        var result = new BinnedMean[bins];
        var width = (high - low) / bins;
        var members = new List<double>[bins];
        for (var b = 0; b < bins; b++) members[b] = new List<double>();
        for (var i = 0; i < x.Length; i++)
        {
            var b = width > 0 ? (int)((x[i] - low) / width) : 0;
            members[Math.Min(bins - 1, Math.Max(0, b))].Add(y[i]);
        }
        for (var b = 0; b < bins; b++)
        {
            var m = members[b];
            var mean = m.Count > 0 ? m.Average() : double.NaN;
            var se = m.Count > 1 ? m.StandardDeviation() / Math.Sqrt(m.Count) : double.NaN;
            result[b] = new BinnedMean(low + b * width, low + (b + 1) * width, m.Count, mean, se);
        }
        return result;
    }
}
