using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace PersonaAnalyzers;

/// <summary>The scan's inner kernel: the dot product of the query with one packed float32 row, or with four adjacent
/// rows at once.</summary>
/// <remarks>TensorPrimitives.Dot is the portable path. On .NET 8+ the kernel is written out with Vector512/Vector256
/// because a scan calls it once per row on short rows (128 features = 8 vectors): TensorPrimitives' per-call set-up
/// (span checks, length dispatch, tail masking) was measured to cost as much as reading the row from memory, which
/// kept the scan well below the machine's read bandwidth (docs/performance.md).
/// <para>The four-row kernel loads each query vector once for four rows and reduces the four accumulators together.
/// It adds in exactly the order of the one-row kernel (same accumulator split, the same fold 512→256→128 bits, then
/// (x0+x1)+(x2+x3)), so both return bit-identical dots: the scan decides on a row with <c>Dot4</c> (.NET 8+) and the
/// verdict for that row is built from <c>Dot</c>, and they must never disagree about a band.</para></remarks>
internal static class UnitDot
{
    // Inlined into the scan loop: the call itself was a measurable share of a 128-feature row's cost.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float[] query, float[] rows, int offset, int dimension)
    {
#if NET8_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && dimension >= Vector512<float>.Count)
            return Dot512(query, rows, offset, dimension);
        if (Vector256.IsHardwareAccelerated && dimension >= Vector256<float>.Count)
            return Dot256(query, rows, offset, dimension);
#endif
        return TensorPrimitives.Dot(new ReadOnlySpan<float>(query, 0, dimension), new ReadOnlySpan<float>(rows, offset, dimension));
    }

#if NET8_0_OR_GREATER
    // Callers guarantee query.Length >= dimension and offset + dimension <= rows.Length (a live row of the store).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot512(float[] query, float[] rows, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var r = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), offset);
        var width = Vector512<float>.Count;
        Vector512<float> acc0 = Vector512<float>.Zero, acc1 = Vector512<float>.Zero;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            acc0 += Vector512.LoadUnsafe(ref r, (nuint)k) * Vector512.LoadUnsafe(ref q, (nuint)k);
            acc1 += Vector512.LoadUnsafe(ref r, (nuint)(k + width)) * Vector512.LoadUnsafe(ref q, (nuint)(k + width));
        }
        if (k + width <= dimension)
        {
            acc0 += Vector512.LoadUnsafe(ref r, (nuint)k) * Vector512.LoadUnsafe(ref q, (nuint)k);
            k += width;
        }
        var sum = Reduce(Fold(acc0 + acc1));
        for (; k < dimension; k++) sum += Unsafe.Add(ref r, k) * Unsafe.Add(ref q, k);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot256(float[] query, float[] rows, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var r = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), offset);
        var width = Vector256<float>.Count;
        Vector256<float> acc0 = Vector256<float>.Zero, acc1 = Vector256<float>.Zero;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            acc0 += Vector256.LoadUnsafe(ref r, (nuint)k) * Vector256.LoadUnsafe(ref q, (nuint)k);
            acc1 += Vector256.LoadUnsafe(ref r, (nuint)(k + width)) * Vector256.LoadUnsafe(ref q, (nuint)(k + width));
        }
        if (k + width <= dimension)
        {
            acc0 += Vector256.LoadUnsafe(ref r, (nuint)k) * Vector256.LoadUnsafe(ref q, (nuint)k);
            k += width;
        }
        var sum = Reduce(Fold(acc0 + acc1));
        for (; k < dimension; k++) sum += Unsafe.Add(ref r, k) * Unsafe.Add(ref q, k);
        return sum;
    }
    /// <summary>Whether <see cref="Dot4"/> runs vectorised for rows of this length; otherwise use <see cref="Dot"/>.</summary>
    public static bool CanBatch(int dimension) =>
        (Vector512.IsHardwareAccelerated && dimension >= Vector512<float>.Count) ||
        (Vector256.IsHardwareAccelerated && dimension >= Vector256<float>.Count);

    /// <summary>Dots of the query with rows at <paramref name="offset"/>, +d, +2d and +3d, bit-identical to four calls
    /// of <see cref="Dot"/>. Only when <see cref="CanBatch"/>; callers guarantee the four rows exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Dot4(float[] query, float[] rows, int offset, int dimension)
    {
        if (Vector512.IsHardwareAccelerated && dimension >= Vector512<float>.Count)
            return Dot4x512(query, rows, offset, dimension);
        return Dot4x256(query, rows, offset, dimension);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Dot4x512(float[] query, float[] rows, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var r0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), offset);
        ref var r1 = ref Unsafe.Add(ref r0, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var width = Vector512<float>.Count;
        Vector512<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            var qa = Vector512.LoadUnsafe(ref q, (nuint)k);
            var qb = Vector512.LoadUnsafe(ref q, (nuint)(k + width));
            a0 += Vector512.LoadUnsafe(ref r0, (nuint)k) * qa;
            b0 += Vector512.LoadUnsafe(ref r0, (nuint)(k + width)) * qb;
            a1 += Vector512.LoadUnsafe(ref r1, (nuint)k) * qa;
            b1 += Vector512.LoadUnsafe(ref r1, (nuint)(k + width)) * qb;
            a2 += Vector512.LoadUnsafe(ref r2, (nuint)k) * qa;
            b2 += Vector512.LoadUnsafe(ref r2, (nuint)(k + width)) * qb;
            a3 += Vector512.LoadUnsafe(ref r3, (nuint)k) * qa;
            b3 += Vector512.LoadUnsafe(ref r3, (nuint)(k + width)) * qb;
        }
        if (k + width <= dimension)
        {
            var qa = Vector512.LoadUnsafe(ref q, (nuint)k);
            a0 += Vector512.LoadUnsafe(ref r0, (nuint)k) * qa;
            a1 += Vector512.LoadUnsafe(ref r1, (nuint)k) * qa;
            a2 += Vector512.LoadUnsafe(ref r2, (nuint)k) * qa;
            a3 += Vector512.LoadUnsafe(ref r3, (nuint)k) * qa;
            k += width;
        }
        var sums = Reduce4(Fold(a0 + b0), Fold(a1 + b1), Fold(a2 + b2), Fold(a3 + b3));
        return k == dimension ? sums : AddTails(sums, ref q, ref r0, k, dimension);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Dot4x256(float[] query, float[] rows, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var r0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), offset);
        ref var r1 = ref Unsafe.Add(ref r0, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var width = Vector256<float>.Count;
        Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            var qa = Vector256.LoadUnsafe(ref q, (nuint)k);
            var qb = Vector256.LoadUnsafe(ref q, (nuint)(k + width));
            a0 += Vector256.LoadUnsafe(ref r0, (nuint)k) * qa;
            b0 += Vector256.LoadUnsafe(ref r0, (nuint)(k + width)) * qb;
            a1 += Vector256.LoadUnsafe(ref r1, (nuint)k) * qa;
            b1 += Vector256.LoadUnsafe(ref r1, (nuint)(k + width)) * qb;
            a2 += Vector256.LoadUnsafe(ref r2, (nuint)k) * qa;
            b2 += Vector256.LoadUnsafe(ref r2, (nuint)(k + width)) * qb;
            a3 += Vector256.LoadUnsafe(ref r3, (nuint)k) * qa;
            b3 += Vector256.LoadUnsafe(ref r3, (nuint)(k + width)) * qb;
        }
        if (k + width <= dimension)
        {
            var qa = Vector256.LoadUnsafe(ref q, (nuint)k);
            a0 += Vector256.LoadUnsafe(ref r0, (nuint)k) * qa;
            a1 += Vector256.LoadUnsafe(ref r1, (nuint)k) * qa;
            a2 += Vector256.LoadUnsafe(ref r2, (nuint)k) * qa;
            a3 += Vector256.LoadUnsafe(ref r3, (nuint)k) * qa;
            k += width;
        }
        var sums = Reduce4(Fold(a0 + b0), Fold(a1 + b1), Fold(a2 + b2), Fold(a3 + b3));
        return k == dimension ? sums : AddTails(sums, ref q, ref r0, k, dimension);
    }

    // The features past the last whole vector, added one by one as the one-row kernel does.
    private static Vector128<float> AddTails(Vector128<float> sums, ref float q, ref float r0, int from, int dimension)
    {
        Span<float> result = stackalloc float[4];
        for (var row = 0; row < 4; row++)
        {
            ref var r = ref Unsafe.Add(ref r0, row * dimension);
            var sum = sums.GetElement(row);
            for (var k = from; k < dimension; k++) sum += Unsafe.Add(ref r, k) * Unsafe.Add(ref q, k);
            result[row] = sum;
        }
        return Vector128.Create(result[0], result[1], result[2], result[3]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> Fold(Vector512<float> v) => Fold(v.GetLower() + v.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> Fold(Vector256<float> v) => v.GetLower() + v.GetUpper();

    // (x0 + x1) + (x2 + x3): the order Reduce4's horizontal adds produce, so one row and four rows agree to the bit.
    // The int8 and float16 kernels (Int8Dot, HalfDot) reduce with the same three helpers for the same reason.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Reduce(Vector128<float> v) =>
        (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> Reduce4(Vector128<float> a, Vector128<float> b, Vector128<float> c, Vector128<float> d)
    {
        if (Sse3.IsSupported)
            return Sse3.HorizontalAdd(Sse3.HorizontalAdd(a, b), Sse3.HorizontalAdd(c, d));
        return Vector128.Create(Reduce(a), Reduce(b), Reduce(c), Reduce(d));
    }
#endif
}
