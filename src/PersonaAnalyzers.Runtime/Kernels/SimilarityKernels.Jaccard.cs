using System;
using System.Buffers;
using System.Collections.Generic;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    // Up to this many elements per side, distinct counting is done in place (quadratic, but branch-light and free of
    // table set-up); above it pooled index tables are cheaper.
    private const int InPlaceJaccardLimit = 16;

    // The index tables hold at least twice as many slots as elements, in a power-of-two int array.
    private const int MaxIndexTableElements = 1 << 29;

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
        else if (a.Length <= MaxIndexTableElements && b.Length <= MaxIndexTableElements)
        {
            CountDistinctAndShared(a, b, out distinctA, out distinctB, out shared);
        }
        else
        {
            // Beyond what an int-indexed table of twice the size can hold: hash sets, allocating.
            var setA = new HashSet<T>();
            foreach (var item in a) setA.Add(item);
            var setB = new HashSet<T>();
            foreach (var item in b) setB.Add(item);
            (distinctA, distinctB, shared) = (setA.Count, setB.Count, CountShared(setA, setB));
        }
        return Shrink((double)shared / (distinctA + distinctB - shared), shared, shrinkage);
    }

    /// <summary>Distinct and shared counts through two open-addressing index tables rented from the array pool, so
    /// large spans are counted in linear time without allocating (a <see cref="HashSet{T}"/> per call did).</summary>
    private static void CountDistinctAndShared<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, out int distinctA, out int distinctB, out int shared)
    {
        var comparer = EqualityComparer<T>.Default;
        int bitsA = TableBits(a.Length), bitsB = TableBits(b.Length);
        var tableA = ArrayPool<int>.Shared.Rent(1 << bitsA);
        var tableB = ArrayPool<int>.Shared.Rent(1 << bitsB);
        try
        {
            distinctA = BuildIndex(a, tableA, bitsA, comparer);
            distinctB = BuildIndex(b, tableB, bitsB, comparer);
            shared = 0;
            for (var slot = 0; slot < 1 << bitsA; slot++)
            {
                var entry = tableA[slot];
                if (entry != 0 && Find(b, tableB, bitsB, a[entry - 1], comparer) >= 0) shared++;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tableA);
            ArrayPool<int>.Shared.Return(tableB);
        }
    }

    /// <summary>log2 of a table size at least twice the element count: load factor ≤ ½ keeps probe runs short.</summary>
    private static int TableBits(int count)
    {
        var bits = 4;
        while (1 << bits < 2 * count) bits++;
        return bits;
    }

    /// <summary>Fills <paramref name="table"/> with 1 + the index of the first occurrence of each distinct element
    /// (0 = empty slot) and returns how many there are.</summary>
    private static int BuildIndex<T>(ReadOnlySpan<T> items, int[] table, int bits, EqualityComparer<T> comparer)
    {
        var mask = (1 << bits) - 1;
        Array.Clear(table, 0, 1 << bits);
        var distinct = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var slot = Slot(items[i], bits, comparer);
            while (true)
            {
                var entry = table[slot];
                if (entry == 0)
                {
                    table[slot] = i + 1;
                    distinct++;
                    break;
                }
                if (comparer.Equals(items[entry - 1], items[i])) break;
                slot = (slot + 1) & mask;
            }
        }
        return distinct;
    }

    private static int Find<T>(ReadOnlySpan<T> items, int[] table, int bits, T value, EqualityComparer<T> comparer)
    {
        var mask = (1 << bits) - 1;
        for (var slot = Slot(value, bits, comparer); ; slot = (slot + 1) & mask)
        {
            var entry = table[slot];
            if (entry == 0) return -1;
            if (comparer.Equals(items[entry - 1], value)) return entry - 1;
        }
    }

    // Fibonacci hashing: spreads sequential hash codes (small integers hash to themselves) over the table.
    private static int Slot<T>(T value, int bits, EqualityComparer<T> comparer) =>
        (int)(unchecked((uint)(value is null ? 0 : comparer.GetHashCode(value)) * 2654435769u) >> (32 - bits));

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
