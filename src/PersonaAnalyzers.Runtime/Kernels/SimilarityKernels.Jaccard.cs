using System;
using System.Collections.Generic;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    // Up to this many elements per side, distinct counting is done in place (quadratic, but branch-light and
    // allocation-free); above it a hash set is cheaper.
    private const int InPlaceJaccardLimit = 64;

    /// <summary>Jaccard index |A ∩ B| / |A ∪ B| of two sequences treated as sets (duplicates ignored), with support
    /// shrinkage over the shared elements. One empty side scores 0.</summary>
    /// <exception cref="ArgumentException">Both sides are empty (the index is undefined), or <paramref name="shrinkage"/> is negative.</exception>
    public static double Jaccard<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, double shrinkage = 0)
    {
        Guard.NonNegative(shrinkage, nameof(shrinkage));
        if (a.Length == 0 && b.Length == 0)
            throw new ArgumentException("a and b are both empty; the Jaccard index of two empty sets is undefined.", nameof(a));
        if (a.Length == 0 || b.Length == 0) return 0;

        int distinctA, distinctB, shared;
        if (a.Length <= InPlaceJaccardLimit && b.Length <= InPlaceJaccardLimit)
        {
            var comparer = EqualityComparer<T>.Default;
            distinctA = shared = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (IndexOf(a.Slice(0, i), a[i], comparer) >= 0) continue;
                distinctA++;
                if (IndexOf(b, a[i], comparer) >= 0) shared++;
            }
            distinctB = 0;
            for (var i = 0; i < b.Length; i++)
                if (IndexOf(b.Slice(0, i), b[i], comparer) < 0) distinctB++;
        }
        else
        {
            var setA = new HashSet<T>();
            foreach (var item in a) setA.Add(item);
            var setB = new HashSet<T>();
            foreach (var item in b) setB.Add(item);
            (distinctA, distinctB, shared) = (setA.Count, setB.Count, CountShared(setA, setB));
        }
        return Shrink((double)shared / (distinctA + distinctB - shared), shared, shrinkage);
    }

    /// <summary>Jaccard index of two collections. Sets (<see cref="HashSet{T}"/>, <c>ISet&lt;T&gt;</c>,
    /// <c>IReadOnlySet&lt;T&gt;</c>) are used as they are, without allocating; other sequences are treated as sets.</summary>
    /// <exception cref="ArgumentException">Both sides are empty, or <paramref name="shrinkage"/> is negative.</exception>
    public static double Jaccard<T>(IEnumerable<T> a, IEnumerable<T> b, double shrinkage = 0)
    {
        if (a is null) throw new ArgumentNullException(nameof(a));
        if (b is null) throw new ArgumentNullException(nameof(b));
        if (a is T[] arrayA && b is T[] arrayB)
            return Jaccard<T>(arrayA, arrayB, shrinkage);
        if (IsSet(a, out var countA) && IsSet(b, out var countB))
        {
            Guard.NonNegative(shrinkage, nameof(shrinkage));
            if (countA == 0 && countB == 0)
                throw new ArgumentException("a and b are both empty; the Jaccard index of two empty sets is undefined.", nameof(a));
            if (countA == 0 || countB == 0) return 0;
            var shared = countA <= countB ? CountShared(a, b) : CountShared(b, a);
            return Shrink((double)shared / (countA + countB - shared), shared, shrinkage);
        }
        var setA = a as HashSet<T> ?? new HashSet<T>(a);
        var setB = b as HashSet<T> ?? new HashSet<T>(b);
        return Jaccard<T>(setA, setB, shrinkage);
    }

    private static bool IsSet<T>(IEnumerable<T> items, out int count)
    {
        switch (items)
        {
            case HashSet<T> hs: count = hs.Count; return true;
            case ISet<T> s: count = s.Count; return true;
#if NET8_0_OR_GREATER
            case IReadOnlySet<T> rs: count = rs.Count; return true;
#endif
            default: count = 0; return false;
        }
    }

    private static int CountShared<T>(IEnumerable<T> small, IEnumerable<T> large)
    {
        var shared = 0;
        if (small is HashSet<T> hs)
        {
            foreach (var item in hs) // struct enumerator
                if (Contains(large, item)) shared++;
            return shared;
        }
        foreach (var item in small)
            if (Contains(large, item)) shared++;
        return shared;
    }

    private static bool Contains<T>(IEnumerable<T> set, T item) => set switch
    {
        HashSet<T> hs => hs.Contains(item),
        ISet<T> s => s.Contains(item),
#if NET8_0_OR_GREATER
        IReadOnlySet<T> rs => rs.Contains(item),
#endif
        _ => throw new InvalidOperationException("Contains is only called on sets."),
    };

    private static int IndexOf<T>(ReadOnlySpan<T> span, T value, EqualityComparer<T> comparer)
    {
        for (var i = 0; i < span.Length; i++)
            if (comparer.Equals(span[i], value)) return i;
        return -1;
    }
}
