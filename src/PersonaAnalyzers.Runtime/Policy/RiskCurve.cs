using System;
using System.Collections.Generic;

namespace PersonaAnalyzers;

/// <summary>Expected error of personalizing with a substitute, as a function of its similarity to the target, relative
/// to the user's own profile (0) and to no personalization (1). Piecewise linear between knots, flat beyond them.</summary>
/// <remarks>Produced by <c>RiskCalibrator</c> from observations (it samples its fitted curve into knots), or given by
/// hand. The default is the curve calibrated on the simulated persuasion forum: flat at the baseline for distant
/// users, dipping below it for moderately similar ones, and rising above it — worse than no personalization — for
/// near-twins.</remarks>
public sealed class RiskCurve
{
    private readonly double[] _similarities;
    private readonly double[] _relativeErrors;

    /// <summary>Creates a curve from knots.</summary>
    /// <param name="similarities">Knot positions, strictly increasing, in [0, 1]; at least two.</param>
    /// <param name="relativeErrors">Relative expected error at each knot, finite and ≥ 0.</param>
    /// <exception cref="ArgumentException">Fewer than two knots, lengths differ, positions out of order or outside
    /// [0, 1], or an error is negative or non-finite.</exception>
    public RiskCurve(IReadOnlyList<double> similarities, IReadOnlyList<double> relativeErrors)
    {
        if (similarities is null) throw new ArgumentNullException(nameof(similarities));
        if (relativeErrors is null) throw new ArgumentNullException(nameof(relativeErrors));
        Guard.SameLength(similarities.Count, relativeErrors.Count, nameof(similarities), nameof(relativeErrors));
        if (similarities.Count < 2)
            throw new ArgumentException($"A risk curve needs at least two knots; got {similarities.Count}.", nameof(similarities));
        _similarities = new double[similarities.Count];
        _relativeErrors = new double[similarities.Count];
        for (var i = 0; i < similarities.Count; i++)
        {
            Guard.Probability(similarities[i], $"{nameof(similarities)}[{i}]");
            Guard.NonNegative(relativeErrors[i], $"{nameof(relativeErrors)}[{i}]");
            if (i > 0 && !(similarities[i] > similarities[i - 1]))
                throw new ArgumentException(
                    $"{nameof(similarities)}[{i}] is {Guard.Format(similarities[i])}, not above the previous knot {Guard.Format(similarities[i - 1])}; knots must be strictly increasing.",
                    nameof(similarities));
            _similarities[i] = similarities[i];
            _relativeErrors[i] = relativeErrors[i];
        }
    }

    /// <summary>The default curve, calibrated on the simulated persuasion forum for <see cref="SimilarityBands.Default"/>.</summary>
    public static RiskCurve Default { get; } = new(DefaultRiskCurve.Similarities, DefaultRiskCurve.RelativeErrors);

    /// <summary>How far below the baseline the uninformed curve of <see cref="ForBands"/> dips at the middle of the
    /// moderate band (relative error 0.5: half of the own profile's benefit), and how far above it climbs for an
    /// identical-looking profile (relative error 1.5).</summary>
    public const double UninformedBenefit = 0.5, UninformedHarm = 0.5;

    /// <summary>The curve that declared bands imply when no calibrated curve is at hand: at the baseline (1) up to
    /// <see cref="SimilarityBands.Distant"/>, dipping linearly to <c>1 − UninformedBenefit</c> at the middle of the
    /// moderate band and back to 1 at <see cref="SimilarityBands.NearMatch"/>, then rising to <c>1 + UninformedHarm</c>
    /// at similarity 1. Its depth is a stated prior, not a measurement: calibrate (<c>persona calibrate</c>) to learn it.</summary>
    public static RiskCurve ForBands(SimilarityBands bands)
    {
        if (bands is null) throw new ArgumentNullException(nameof(bands));
        var xs = new List<double>(5);
        var ys = new List<double>(5);
        if (bands.Distant > 0) { xs.Add(0); ys.Add(1); }
        xs.Add(bands.Distant); ys.Add(1);
        xs.Add((bands.Distant + bands.NearMatch) / 2); ys.Add(1 - UninformedBenefit);
        xs.Add(bands.NearMatch); ys.Add(1);
        if (bands.NearMatch < 1) { xs.Add(1); ys.Add(1 + UninformedHarm); }
        return new RiskCurve(xs, ys);
    }

    /// <summary>The knot positions.</summary>
    public IReadOnlyList<double> Similarities => _similarities;

    /// <summary>The relative errors at the knots.</summary>
    public IReadOnlyList<double> RelativeErrors => _relativeErrors;

    /// <summary>The expected relative error at a similarity.</summary>
    /// <exception cref="ArgumentException"><paramref name="similarity"/> is NaN or outside [0, 1].</exception>
    public double ExpectedRelativeError(double similarity)
    {
        Guard.Probability(similarity, nameof(similarity));
        var s = _similarities;
        if (similarity <= s[0]) return _relativeErrors[0];
        if (similarity >= s[s.Length - 1]) return _relativeErrors[s.Length - 1];
        var hi = Array.BinarySearch(s, similarity);
        if (hi >= 0) return _relativeErrors[hi];
        hi = ~hi;
        var lo = hi - 1;
        var t = (similarity - s[lo]) / (s[hi] - s[lo]);
        return _relativeErrors[lo] + t * (_relativeErrors[hi] - _relativeErrors[lo]);
    }

    /// <summary>This curve with its similarity axis moved so that <paramref name="from"/>'s thresholds land on
    /// <paramref name="to"/>'s (piecewise linear in the three band segments). Keeps the calibrated shape when a type
    /// declares its own bands.</summary>
    public RiskCurve Remap(SimilarityBands from, SimilarityBands to)
    {
        if (from is null) throw new ArgumentNullException(nameof(from));
        if (to is null) throw new ArgumentNullException(nameof(to));
        if (from.Equals(to)) return this;
        var xs = new List<double>(_similarities.Length + 2);
        var ys = new List<double>(_similarities.Length + 2);
        // Keep the curve's value at the thresholds themselves, so the remapped curve agrees at the band edges.
        var points = new SortedDictionary<double, double>();
        foreach (var x in _similarities) points[x] = ExpectedRelativeError(x);
        points[from.Distant] = ExpectedRelativeError(from.Distant);
        points[from.NearMatch] = ExpectedRelativeError(from.NearMatch);
        foreach (var point in points)
        {
            var mapped = MapAxis(point.Key, from, to);
            if (xs.Count > 0 && !(mapped > xs[xs.Count - 1])) continue;
            xs.Add(mapped);
            ys.Add(point.Value);
        }
        return new RiskCurve(xs, ys);
    }

    private static double MapAxis(double x, SimilarityBands from, SimilarityBands to)
    {
        if (x <= from.Distant)
            return from.Distant == 0 ? 0 : x / from.Distant * to.Distant;
        if (x <= from.NearMatch)
            return to.Distant + (x - from.Distant) / (from.NearMatch - from.Distant) * (to.NearMatch - to.Distant);
        return from.NearMatch == 1 ? 1 : to.NearMatch + (x - from.NearMatch) / (1 - from.NearMatch) * (1 - to.NearMatch);
    }
}
