using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    /// <summary>Cosine similarity of two dense vectors, clamped at 0. A zero vector has no direction and scores 0.</summary>
    /// <remarks>Squared norms that overflow or underflow to 0 are detected and recomputed with rescaling. Vectors whose
    /// squared norm is subnormal but not 0 (every element below about 1e-19 for float, 1e-154 for double) keep the SIMD
    /// result, which is then only accurate to a few digits; the list overloads always rescale.</remarks>
    /// <exception cref="ArgumentException">The vectors are empty, of different lengths, or hold NaN or ±∞.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a few compares around one SIMD call: worth inlining at small d
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Guard.NotEmpty(a.Length, nameof(a));
        Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));
        // The SIMD kernel does the work. Its result is non-finite when the input is bad, a vector is zero or a squared
        // norm underflowed to 0, and exactly 0 when a squared norm overflowed to ∞ (dot / ∞). Only then do we pay for
        // a second, careful pass; an exactly orthogonal pair takes it too, and still scores 0.
#if NET8_0_OR_GREATER
        // The generic overload, explicitly: overload resolution prefers the non-generic float overload that
        // System.Numerics.Tensors 10 still ships, which measured 2.5-8x slower at d = 128 in plain loops (depending on
        // tiered PGO) and in one BenchmarkDotNet run, and equal in others. The generic one was never the slower
        // (docs/benchmarks.md).
        double cosine = TensorPrimitives.CosineSimilarity<float>(a, b);
#else
        double cosine = TensorPrimitives.CosineSimilarity(a, b);
#endif
        return cosine > 0 && cosine <= 1 ? cosine : CosineEdge(cosine, a, b);
    }

    /// <inheritdoc cref="Cosine(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        return cosine > 0 && cosine <= 1 ? cosine : CosineEdge(cosine, a, b);
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
        return CosineOfLists(a, b);
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
        return CosineOfLists(a, b);
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

    /// <summary>The careful path for lists that are not arrays: the same rescaling as <see cref="CosineSlow{T}"/>, so a
    /// vector of huge or tiny doubles scores what its direction says instead of 0 or NaN.</summary>
    private static double CosineOfLists<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) where T : struct
    {
        double maxA = 0, maxB = 0;
        for (var i = 0; i < a.Count; i++)
        {
            double x = ToDouble(a[i]), y = ToDouble(b[i]);
            if (!IsFinite(x)) throw Guard.NonFiniteElement(nameof(a), i, x);
            if (!IsFinite(y)) throw Guard.NonFiniteElement(nameof(b), i, y);
            maxA = Math.Max(maxA, Math.Abs(x));
            maxB = Math.Max(maxB, Math.Abs(y));
        }
        if (maxA == 0 || maxB == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            double x = ToDouble(a[i]) / maxA, y = ToDouble(b[i]) / maxB;
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return Clamp01(dot / (Math.Sqrt(na) * Math.Sqrt(nb)));
    }

    /// <summary>A fast-path result outside (0, 1]. A finite negative is an anticorrelated pair, clamped to 0; a finite
    /// value above 1 is rounding, clamped to 1. NaN, ±∞ and exactly 0 are the signs of bad input, a zero vector, or an
    /// overflowed or underflowed squared norm: they take the careful pass.</summary>
    private static double CosineEdge<T>(double cosine, ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : struct
    {
        if (cosine < 0 && cosine > double.NegativeInfinity) return 0;
        if (cosine > 1 && cosine < double.PositiveInfinity) return 1;
        return CosineSlow(a, b);
    }

    private static double ToDouble<T>(T value) where T : struct =>
        typeof(T) == typeof(float) ? (float)(object)value : (double)(object)value;

#if NET8_0_OR_GREATER
    internal static bool IsFinite(double value) => double.IsFinite(value);
#else
    // x − x is 0 for every finite x and NaN for NaN and ±∞: one subtraction instead of two classifications.
    internal static bool IsFinite(double value) => value - value == 0;
#endif

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
