using System;
using System.Collections.Generic;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
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
        if (n < 2) return 0;
        double sx = 0, sy = 0;
        for (var i = 0; i < n; i++)
        {
            if (!IsFinite(x[i])) throw Guard.NonFiniteElement(nameof(x), i, x[i]);
            if (!IsFinite(y[i])) throw Guard.NonFiniteElement(nameof(y), i, y[i]);
            sx += x[i];
            sy += y[i];
        }
        double mx = sx / n, my = sy / n, cov = 0, vx = 0, vy = 0;
        for (var i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
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
        var large = swap ? a : b;
        var pass = new PearsonPass<TKey>(large, swap);
        if (small is Dictionary<TKey, double> concrete)
        {
            foreach (var pair in concrete) pass.Accumulate(pair.Key, pair.Value); // struct enumerator: no allocation
            if (pass.N < 2) return 0;
            pass.Center();
            foreach (var pair in concrete) pass.Accumulate(pair.Key, pair.Value);
        }
        else
        {
            foreach (var pair in small) pass.Accumulate(pair.Key, pair.Value);
            if (pass.N < 2) return 0;
            pass.Center();
            foreach (var pair in small) pass.Accumulate(pair.Key, pair.Value);
        }
        return Shrink(Correlation(pass.Cov, pass.Vx, pass.Vy), pass.N, shrinkage);
    }

    private static double Correlation(double cov, double vx, double vy) =>
        vx <= 0 || vy <= 0 ? 0 : Clamp01(cov / Math.Sqrt(vx * vy));

    /// <summary>Two passes over the co-rated keys: sums for the means, then centred products. Two passes rather than
    /// one-pass sums of squares, which lose precision catastrophically on ratings with a large common offset.</summary>
    private struct PearsonPass<TKey>
    {
        private readonly IReadOnlyDictionary<TKey, double> _large;
        private readonly bool _swapped;
        private bool _centered;
        private double _sx, _sy, _mx, _my;
        public int N;
        public double Cov, Vx, Vy;

        public PearsonPass(IReadOnlyDictionary<TKey, double> large, bool swapped)
        {
            _large = large;
            _swapped = swapped;
            _centered = false;
            _sx = _sy = _mx = _my = 0;
            N = 0;
            Cov = Vx = Vy = 0;
        }

        public void Accumulate(TKey key, double smallValue)
        {
            if (!_large.TryGetValue(key, out var largeValue)) return;
            // Keep x from the first argument and y from the second, whichever map was walked.
            double x = _swapped ? largeValue : smallValue, y = _swapped ? smallValue : largeValue;
            if (!_centered)
            {
                if (!IsFinite(x)) throw new ArgumentException($"a[{key}] is {Guard.Format(x)}; every rating must be a finite number.", "a");
                if (!IsFinite(y)) throw new ArgumentException($"b[{key}] is {Guard.Format(y)}; every rating must be a finite number.", "b");
                N++;
                _sx += x;
                _sy += y;
                return;
            }
            double dx = x - _mx, dy = y - _my;
            Cov += dx * dy;
            Vx += dx * dx;
            Vy += dy * dy;
        }

        public void Center()
        {
            _mx = _sx / N;
            _my = _sy / N;
            _centered = true;
        }
    }
}
