using System;
using System.Collections.Generic;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    // Inside this magnitude range, sums, means and centred squares of ratings cannot overflow or go subnormal, so the
    // kernel works on the raw values. Outside it, each series is divided by its largest magnitude first: Pearson is
    // invariant under positive scaling, so the result is the same, only computable.
    private const double PearsonSafeMax = 1e150, PearsonSafeMin = 1e-150;

    /// <summary>Pearson correlation of two aligned series of co-rated values, clamped at 0, with support shrinkage.
    /// Fewer than two pairs, or a series with no variance, scores 0: there is no evidence of shared taste.</summary>
    /// <param name="x">The first user's ratings of the co-rated items.</param>
    /// <param name="y">The second user's ratings of the same items, in the same order.</param>
    /// <param name="shrinkage">λ ≥ 0 of <see cref="Shrink"/>, with n the number of pairs.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value is NaN or ±∞, or <paramref name="shrinkage"/> is negative.</exception>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double shrinkage = 0)
    {
        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        Guard.NonNegative(shrinkage, nameof(shrinkage));
        var n = x.Length;
        double sx = 0, sy = 0, maxX = 0, maxY = 0;
        // Validate before the n < 2 shortcut: a NaN is bad input however few pairs there are.
        for (var i = 0; i < n; i++)
        {
            if (!IsFinite(x[i])) throw Guard.NonFiniteElement(nameof(x), i, x[i]);
            if (!IsFinite(y[i])) throw Guard.NonFiniteElement(nameof(y), i, y[i]);
            sx += x[i];
            sy += y[i];
            maxX = Math.Max(maxX, Math.Abs(x[i]));
            maxY = Math.Max(maxY, Math.Abs(y[i]));
        }
        if (n < 2 || maxX == 0 || maxY == 0) return 0;
        double kx = PearsonScale(sx, maxX), ky = PearsonScale(sy, maxY);
        if (kx != 1 || ky != 1)
        {
            sx = sy = 0;
            for (var i = 0; i < n; i++)
            {
                sx += x[i] / kx;
                sy += y[i] / ky;
            }
        }
        double mx = sx / n, my = sy / n, cov = 0, vx = 0, vy = 0;
        for (var i = 0; i < n; i++)
        {
            double dx = x[i] / kx - mx, dy = y[i] / ky - my;
            cov += dx * dy;
            vx += dx * dx;
            vy += dy * dy;
        }
        return Shrink(Correlation(cov, vx, vy), n, shrinkage);
    }

    /// <summary>Pearson correlation of two rating maps over their co-rated keys, clamped at 0, with support shrinkage
    /// (n = co-rated keys). Fewer than two co-rated keys scores 0.</summary>
    /// <exception cref="ArgumentException">A co-rated value is NaN or ±∞, or <paramref name="shrinkage"/> is negative.</exception>
    public static double Pearson<TKey>(IReadOnlyDictionary<TKey, double> a, IReadOnlyDictionary<TKey, double> b, double shrinkage = 0)
        where TKey : notnull
    {
        if (a is null) throw new ArgumentNullException(nameof(a));
        if (b is null) throw new ArgumentNullException(nameof(b));
        Guard.NonNegative(shrinkage, nameof(shrinkage));
        // Walk the smaller map and probe the larger one: O(min(|a|, |b|)) lookups.
        var swap = a.Count > b.Count;
        var small = swap ? b : a;
        var pass = new PearsonPass<TKey>(swap ? a : b, swap);
        Walk(small, ref pass);
        if (pass.N < 2 || !pass.BeginCentring()) return 0;
        if (pass.NeedsScaledSums)
        {
            Walk(small, ref pass);
            pass.EndScaledSums();
        }
        Walk(small, ref pass);
        return Shrink(Correlation(pass.Cov, pass.Vx, pass.Vy), pass.N, shrinkage);
    }

    private static void Walk<TKey>(IReadOnlyDictionary<TKey, double> small, ref PearsonPass<TKey> pass) where TKey : notnull
    {
        if (small is Dictionary<TKey, double> concrete)
        {
            foreach (var pair in concrete) pass.Accumulate(pair.Key, pair.Value); // struct enumerator: no allocation
            return;
        }
        foreach (var pair in small) pass.Accumulate(pair.Key, pair.Value);
    }

    /// <summary>1 when the raw values are safe to use, else the largest magnitude to divide the series by.</summary>
    private static double PearsonScale(double sum, double max) =>
        IsFinite(sum) && max <= PearsonSafeMax && max >= PearsonSafeMin ? 1 : max;

    private static double Correlation(double cov, double vx, double vy) =>
        vx <= 0 || vy <= 0 ? 0 : Clamp01(cov / (Math.Sqrt(vx) * Math.Sqrt(vy)));

    /// <summary>Passes over the co-rated keys: validation, sums and magnitudes; (only for extreme magnitudes) sums of the
    /// rescaled values; then centred products. Two passes rather than one-pass sums of squares, which lose precision
    /// catastrophically on ratings with a large common offset.</summary>
    private struct PearsonPass<TKey>
    {
        private enum Stage { Sums, ScaledSums, Centred }

        private readonly IReadOnlyDictionary<TKey, double> _large;
        private readonly bool _swapped;
        private Stage _stage;
        private double _sx, _sy, _mx, _my, _maxX, _maxY, _kx, _ky;
        public int N;
        public double Cov, Vx, Vy;

        public PearsonPass(IReadOnlyDictionary<TKey, double> large, bool swapped)
        {
            _large = large;
            _swapped = swapped;
            _stage = Stage.Sums;
            _sx = _sy = _mx = _my = _maxX = _maxY = 0;
            _kx = _ky = 1;
            N = 0;
            Cov = Vx = Vy = 0;
        }

        public readonly bool NeedsScaledSums => _stage == Stage.ScaledSums;

        public void Accumulate(TKey key, double smallValue)
        {
            if (!_large.TryGetValue(key, out var largeValue)) return;
            // Keep x from the first argument and y from the second, whichever map was walked.
            double x = _swapped ? largeValue : smallValue, y = _swapped ? smallValue : largeValue;
            switch (_stage)
            {
                case Stage.Sums:
                    if (!IsFinite(x)) throw new ArgumentException($"a[{key}] is {Guard.Format(x)}; every rating must be a finite number.", "a");
                    if (!IsFinite(y)) throw new ArgumentException($"b[{key}] is {Guard.Format(y)}; every rating must be a finite number.", "b");
                    N++;
                    _sx += x;
                    _sy += y;
                    _maxX = Math.Max(_maxX, Math.Abs(x));
                    _maxY = Math.Max(_maxY, Math.Abs(y));
                    return;
                case Stage.ScaledSums:
                    _sx += x / _kx;
                    _sy += y / _ky;
                    return;
                default:
                    double dx = x / _kx - _mx, dy = y / _ky - _my;
                    Cov += dx * dy;
                    Vx += dx * dx;
                    Vy += dy * dy;
                    return;
            }
        }

        /// <summary>Ends the first pass. False when a series is all zeros (no variance: the correlation is 0).</summary>
        public bool BeginCentring()
        {
            if (_maxX == 0 || _maxY == 0) return false;
            _kx = PearsonScale(_sx, _maxX);
            _ky = PearsonScale(_sy, _maxY);
            if (_kx != 1 || _ky != 1)
            {
                _sx = _sy = 0;
                _stage = Stage.ScaledSums;
                return true;
            }
            EndScaledSums();
            return true;
        }

        public void EndScaledSums()
        {
            _mx = _sx / N;
            _my = _sy / N;
            _stage = Stage.Centred;
        }
    }
}
