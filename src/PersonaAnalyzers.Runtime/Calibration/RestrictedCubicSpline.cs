using System;
using System.Collections.Generic;
using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace PersonaAnalyzers;

/// <summary>A restricted (natural) cubic regression spline fitted by least squares with
/// <see cref="Fit.LinearCombination(double[], double[], Func{double, double}[])"/>: cubic between knots, linear beyond
/// the outer knots (Harrell's parameterisation, knots at fixed quantiles of the similarities; 3–12 knots).</summary>
/// <remarks>Why this basis: it bends enough for a U, a monotone slope or a flat line, it cannot oscillate at the ends
/// as a high-degree polynomial does (linear tails), knots at quantiles put flexibility where the data is, and it stays
/// an ordinary linear least-squares problem, so the bootstrap can refit it hundreds of times.</remarks>
internal sealed class RestrictedCubicSpline
{
    // Harrell, Regression Modeling Strategies (2015), §2.4.6: knot quantiles by number of knots.
    private static readonly Dictionary<int, double[]> KnotQuantiles = new()
    {
        [3] = new[] { 0.10, 0.50, 0.90 },
        [4] = new[] { 0.05, 0.35, 0.65, 0.95 },
        [5] = new[] { 0.05, 0.275, 0.50, 0.725, 0.95 },
        [6] = new[] { 0.05, 0.23, 0.41, 0.59, 0.77, 0.95 },
        [7] = new[] { 0.025, 0.1833, 0.3417, 0.50, 0.6583, 0.8167, 0.975 },
    };

    private readonly double[] _knots;
    private readonly double[] _coefficients;
    private readonly Func<double, double>[] _basis;

    private RestrictedCubicSpline(double[] knots, double[] coefficients, Func<double, double>[] basis)
    {
        _knots = knots;
        _coefficients = coefficients;
        _basis = basis;
    }

    public IReadOnlyList<double> Knots => _knots;

    public static int MinKnots => 3;

    /// <summary>Beyond Harrell's seven, knots at evenly spaced quantiles let large samples resolve sharp bends (a kink
    /// where a curve leaves the baseline); generalised cross-validation decides whether the data pay for them.</summary>
    public static int MaxKnots => 12;

    /// <summary>Knots at Harrell's quantiles of <paramref name="x"/>; null when they are not distinct (too few distinct
    /// similarities for this many knots).</summary>
    public static double[]? PlaceKnots(double[] x, int count)
    {
        var sorted = (double[])x.Clone();
        Array.Sort(sorted);
        var knots = new double[count];
        for (var i = 0; i < count; i++)
        {
            var q = KnotQuantiles.TryGetValue(count, out var table) ? table[i] : 0.025 + 0.95 * i / (count - 1);
            knots[i] = SortedArrayStatistics.Quantile(sorted, q);
            if (i > 0 && !(knots[i] > knots[i - 1] + 1e-9)) return null;
        }
        return knots;
    }

    /// <summary>Least-squares fit with the given knots.</summary>
    public static RestrictedCubicSpline Fit(double[] x, double[] y, double[] knots)
    {
        var basis = Basis(knots);
        var coefficients = MathNet.Numerics.Fit.LinearCombination(x, y, basis);
        foreach (var c in coefficients)
            if (double.IsNaN(c) || double.IsInfinity(c))
                throw new ArgumentException("The spline fit is degenerate: the similarities do not spread over the knots.", nameof(x));
        return new RestrictedCubicSpline(knots, coefficients, basis);
    }

    /// <summary>The basis functions evaluated at every x: the design matrix, computed once and reused by every
    /// bootstrap resample.</summary>
    public static double[][] Design(double[] x, double[] knots)
    {
        var basis = Basis(knots);
        var rows = new double[x.Length][];
        for (var i = 0; i < x.Length; i++)
        {
            var row = new double[basis.Length];
            for (var j = 0; j < basis.Length; j++) row[j] = basis[j](x[i]);
            rows[i] = row;
        }
        return rows;
    }

    /// <summary>Least squares with each observation counted <paramref name="counts"/>[i] times — a bootstrap resample
    /// with the knots held where the full data put them — solved through the normal equations (the basis has at most
    /// seven columns, so this is cheap and well conditioned).</summary>
    public static RestrictedCubicSpline FitResample(double[][] design, double[] y, int[] counts, double[] knots)
    {
        var p = design[0].Length;
        var gram = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p);
        var rhs = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(p);
        for (var i = 0; i < design.Length; i++)
        {
            var w = counts[i];
            if (w == 0) continue;
            var row = design[i];
            for (var a = 0; a < p; a++)
            {
                var wa = w * row[a];
                rhs[a] += wa * y[i];
                for (var b = a; b < p; b++) gram[a, b] += wa * row[b];
            }
        }
        for (var a = 0; a < p; a++)
            for (var b = 0; b < a; b++) gram[a, b] = gram[b, a];
        var coefficients = gram.Svd().Solve(rhs).ToArray();
        foreach (var c in coefficients)
            if (double.IsNaN(c) || double.IsInfinity(c))
                throw new ArgumentException("The spline fit is degenerate: the similarities do not spread over the knots.", nameof(design));
        // A resample that leaves a knot interval empty makes the Gram matrix singular; SVD then returns the
        // minimum-norm solution, which is arbitrary in the empty interval. Reject it rather than read bounds off it.
        var rank = gram.Rank();
        if (rank < p)
            throw new ArgumentException("The spline fit is degenerate: the resample leaves a knot interval without observations.", nameof(design));
        return new RestrictedCubicSpline(knots, coefficients, Basis(knots));
    }

    public double Evaluate(double x)
    {
        var sum = 0.0;
        for (var i = 0; i < _basis.Length; i++) sum += _coefficients[i] * _basis[i](x);
        return sum;
    }

    /// <summary>Generalised cross-validation score of a fit (RSS/n over (1 − p/n)²): used to choose the number of knots.</summary>
    public double Gcv(double[] x, double[] y)
    {
        var rss = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = y[i] - Evaluate(x[i]);
            rss += r * r;
        }
        var n = x.Length;
        var p = _coefficients.Length;
        var d = 1 - (double)p / n;
        return rss / n / (d * d);
    }

    private static Func<double, double>[] Basis(double[] t)
    {
        var k = t.Length;
        var functions = new Func<double, double>[k];
        functions[0] = _ => 1.0;
        functions[1] = x => x;
        var scale = (t[k - 1] - t[0]) * (t[k - 1] - t[0]);
        for (var j = 0; j < k - 2; j++)
        {
            var tj = t[j];
            functions[j + 2] = x =>
                (Cube(x - tj)
                 - Cube(x - t[k - 2]) * (t[k - 1] - tj) / (t[k - 1] - t[k - 2])
                 + Cube(x - t[k - 1]) * (t[k - 2] - tj) / (t[k - 1] - t[k - 2])) / scale;
        }
        return functions;
    }

    private static double Cube(double v) => v > 0 ? v * v * v : 0;
}
