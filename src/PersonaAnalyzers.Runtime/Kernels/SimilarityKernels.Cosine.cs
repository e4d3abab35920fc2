using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    /// <summary>Cosine similarity of two dense vectors, clamped at 0. A zero vector has no direction and scores 0.</summary>
    /// <exception cref="ArgumentException">The vectors are empty, of different lengths, or hold NaN or ±∞.</exception>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Guard.NotEmpty(a.Length, nameof(a));
        Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));
        // The SIMD kernel does the work; its result is non-finite exactly when the input is bad, a vector is zero, or
        // float squares overflowed. Only then do we pay for a second, careful pass.
        double cosine = TensorPrimitives.CosineSimilarity(a, b);
        if (double.IsNaN(cosine) || double.IsInfinity(cosine))
            return CosineSlow(a, b);
        return Clamp01(cosine);
    }

    /// <inheritdoc cref="Cosine(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Guard.NotEmpty(a.Length, nameof(a));
        Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));
#if NET8_0_OR_GREATER
        double cosine = TensorPrimitives.CosineSimilarity(a, b);
#else
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double cosine = dot / (Math.Sqrt(na) * Math.Sqrt(nb));
#endif
        if (double.IsNaN(cosine) || double.IsInfinity(cosine))
            return CosineSlow(a, b);
        return Clamp01(cosine);
    }

    /// <inheritdoc cref="Cosine(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public static double Cosine(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b) => Cosine(a.Span, b.Span);

    /// <inheritdoc cref="Cosine(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        if (a is null) throw new ArgumentNullException(nameof(a));
        if (b is null) throw new ArgumentNullException(nameof(b));
        if (TryGetSpan(a, out var sa) && TryGetSpan(b, out var sb))
            return Cosine(sa, sb);
        Guard.NotEmpty(a.Count, nameof(a));
        Guard.SameLength(a.Count, b.Count, nameof(a), nameof(b));
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            double x = a[i], y = b[i];
            if (!IsFinite(x)) throw Guard.NonFiniteElement(nameof(a), i, x);
            if (!IsFinite(y)) throw Guard.NonFiniteElement(nameof(b), i, y);
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : Clamp01(dot / (Math.Sqrt(na) * Math.Sqrt(nb)));
    }

    /// <inheritdoc cref="Cosine(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public static double Cosine(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a is null) throw new ArgumentNullException(nameof(a));
        if (b is null) throw new ArgumentNullException(nameof(b));
        if (TryGetSpan(a, out var sa) && TryGetSpan(b, out var sb))
            return Cosine(sa, sb);
        Guard.NotEmpty(a.Count, nameof(a));
        Guard.SameLength(a.Count, b.Count, nameof(a), nameof(b));
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            double x = a[i], y = b[i];
            if (!IsFinite(x)) throw Guard.NonFiniteElement(nameof(a), i, x);
            if (!IsFinite(y)) throw Guard.NonFiniteElement(nameof(b), i, y);
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : Clamp01(dot / (Math.Sqrt(na) * Math.Sqrt(nb)));
    }

    /// <summary>The careful path: names a non-finite element, scores a zero vector 0, and survives float overflow by
    /// rescaling in double precision.</summary>
    private static double CosineSlow<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : struct
    {
        double maxA = 0, maxB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double x = ToDouble(a[i]), y = ToDouble(b[i]);
            if (!IsFinite(x)) throw Guard.NonFiniteElement(nameof(a), i, x);
            if (!IsFinite(y)) throw Guard.NonFiniteElement(nameof(b), i, y);
            maxA = Math.Max(maxA, Math.Abs(x));
            maxB = Math.Max(maxB, Math.Abs(y));
        }
        if (maxA == 0 || maxB == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double x = ToDouble(a[i]) / maxA, y = ToDouble(b[i]) / maxB;
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return Clamp01(dot / (Math.Sqrt(na) * Math.Sqrt(nb)));
    }

    private static double ToDouble<T>(T value) where T : struct =>
        typeof(T) == typeof(float) ? (float)(object)value : (double)(object)value;

    internal static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    internal static bool TryGetSpan<T>(IReadOnlyList<T> list, out ReadOnlySpan<T> span)
    {
        switch (list)
        {
            case T[] array:
                span = array;
                return true;
#if NET8_0_OR_GREATER
            case List<T> l:
                span = CollectionsMarshal.AsSpan(l);
                return true;
#endif
            default:
                span = default;
                return false;
        }
    }
}
