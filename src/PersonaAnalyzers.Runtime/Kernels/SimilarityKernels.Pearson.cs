using System;
using System.Buffers;
using System.Collections.Generic;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    // Below this, a variance may hide products that went subnormal or underflowed to 0, so the careful pass
    // recomputes it on rescaled values. Above it, such products are negligible next to the variance.
    private const double PearsonTinyVariance = 1e-200;

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
        return Shrink(Correlation(x, y), x.Length, shrinkage);
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
        // Walk the smaller map, probe the larger one once per key (O(min(|a|, |b|)) lookups), and copy the co-rated
        // pairs into pooled buffers: the span kernel then makes its passes over arrays instead of repeating lookups.
        var swap = a.Count > b.Count;
        var small = swap ? b : a;
        var large = swap ? a : b;
        var xs = ArrayPool<double>.Shared.Rent(Math.Max(small.Count, 1));
        var ys = ArrayPool<double>.Shared.Rent(Math.Max(small.Count, 1));
        try
        {
            var n = 0;
            if (small is Dictionary<TKey, double> concrete)
            {
                foreach (var pair in concrete) // struct enumerator: no allocation
                    if (large.TryGetValue(pair.Key, out var other)) Collect(pair.Key, pair.Value, other, swap, xs, ys, ref n);
            }
            else
            {
                foreach (var pair in small)
                    if (large.TryGetValue(pair.Key, out var other)) Collect(pair.Key, pair.Value, other, swap, xs, ys, ref n);
            }
            return Shrink(Correlation(xs.AsSpan(0, n), ys.AsSpan(0, n)), n, shrinkage);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(xs);
            ArrayPool<double>.Shared.Return(ys);
        }
    }

    private static void Collect<TKey>(TKey key, double smallValue, double largeValue, bool swapped, double[] xs, double[] ys, ref int n)
    {
        // Keep x from the first argument and y from the second, whichever map was walked.
        double x = swapped ? largeValue : smallValue, y = swapped ? smallValue : largeValue;
        if (!IsFinite(x)) throw new ArgumentException($"a[{key}] is {Guard.Format(x)}; every rating must be a finite number.", "a");
        if (!IsFinite(y)) throw new ArgumentException($"b[{key}] is {Guard.Format(y)}; every rating must be a finite number.", "b");
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    /// <summary>Clamped correlation of two validated-length series. The fast path is the textbook two-pass loop (means,
    /// then centred products — one-pass sums of squares lose precision catastrophically on ratings with a large
    /// common offset); its results say when it could not be trusted, and only then does the careful pass run.</summary>
    private static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        double sx = 0, sy = 0;
        for (var i = 0; i < n; i++)
        {
            sx += x[i];
            sy += y[i];
        }
        // NaN and ±∞ propagate into the sums, so finite sums prove every value finite; infinite sums of finite
        // values mean overflow.
        if (!IsFinite(sx) || !IsFinite(sy)) return CorrelationCareful(x, y);
        if (n < 2) return 0;
        double mx = sx / n, my = sy / n, cov = 0, vx = 0, vy = 0;
        for (var i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            cov += dx * dy;
            vx += dx * dx;
            vy += dy * dy;
        }
        if (!IsFinite(cov) || !IsFinite(vx) || !IsFinite(vy) || vx < PearsonTinyVariance || vy < PearsonTinyVariance)
            return CorrelationCareful(x, y);
        return Clamp01(cov / (Math.Sqrt(vx) * Math.Sqrt(vy)));
    }

    /// <summary>The careful pass: names a non-finite value, then divides each series by its largest magnitude (Pearson is
    /// invariant under positive scaling) so that no sum or square overflows or underflows.</summary>
    private static double CorrelationCareful(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double maxX = 0, maxY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!IsFinite(x[i])) throw Guard.NonFiniteElement(nameof(x), i, x[i]);
            if (!IsFinite(y[i])) throw Guard.NonFiniteElement(nameof(y), i, y[i]);
            maxX = Math.Max(maxX, Math.Abs(x[i]));
            maxY = Math.Max(maxY, Math.Abs(y[i]));
        }
        var n = x.Length;
        if (n < 2 || maxX == 0 || maxY == 0) return 0;
        double sx = 0, sy = 0;
        for (var i = 0; i < n; i++)
        {
            sx += x[i] / maxX;
            sy += y[i] / maxY;
        }
        double mx = sx / n, my = sy / n, cov = 0, vx = 0, vy = 0;
        for (var i = 0; i < n; i++)
        {
            double dx = x[i] / maxX - mx, dy = y[i] / maxY - my;
            cov += dx * dy;
            vx += dx * dx;
            vy += dy * dy;
        }
        return vx <= 0 || vy <= 0 ? 0 : Clamp01(cov / (Math.Sqrt(vx) * Math.Sqrt(vy)));
    }
}
