using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace PersonaAnalyzers;

/// <summary>The int8 scan kernels: a float32 query · a row of int8 codes (before the row's scale), for one row or four
/// adjacent rows at once.</summary>
/// <remarks>The codes are widened to int32 and converted to float in registers (<c>vpmovsxbd</c> + <c>vcvtdq2ps</c>,
/// sixteen features per 512-bit step, eight per 256-bit step) and fused-multiply-added with the float query, so the
/// query keeps its full precision and the store format is unchanged. Fused, because reading a quarter of float32's
/// bytes makes this kernel compute-bound rather than memory-bound: one instruction fewer per vector is time saved.
/// <c>Dot4</c> (.NET 8+) loads each query vector once for four rows and adds in exactly the order of <see cref="Dot"/>
/// (the accumulator split and reduction of <see cref="UnitDot"/>), so both return bit-identical dots: the scan decides
/// on a row with <c>Dot4</c> and the verdict is built from <c>Dot</c>. Without AVX2 and FMA, and on netstandard2.0,
/// <see cref="Dot"/> is the portable <see cref="Vector{T}"/> kernel and the scan goes one row at a time.</remarks>
internal static class Int8Dot
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float[] query, sbyte[] codes, int offset, int dimension)
    {
#if NET8_0_OR_GREATER
        if (Use512(dimension)) return Dot512(query, codes, offset, dimension);
        if (Use256(dimension)) return Dot256(query, codes, offset, dimension);
#endif
        return Portable(new ReadOnlySpan<float>(query, 0, dimension), new ReadOnlySpan<sbyte>(codes, offset, dimension));
    }

    /// <summary>Float query · int8 codes with <see cref="Vector{T}"/>: each vector of codes widened to four vectors of
    /// int32, converted to float and multiply-added with the matching query slices (TensorPrimitives has no mixed-type
    /// dot). The path for hardware without AVX2 and for netstandard2.0.</summary>
    internal static float Portable(ReadOnlySpan<float> query, ReadOnlySpan<sbyte> codes)
    {
        var i = 0;
        float sum = 0;
        var width = Vector<sbyte>.Count;
        if (Vector.IsHardwareAccelerated && codes.Length >= width)
        {
            var queryVectors = MemoryMarshal.Cast<float, Vector<float>>(query);
            var codeVectors = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(codes);
            Vector<float> acc0 = Vector<float>.Zero, acc1 = Vector<float>.Zero, acc2 = Vector<float>.Zero, acc3 = Vector<float>.Zero;
            for (var v = 0; v < codeVectors.Length; v++)
            {
                Vector.Widen(codeVectors[v], out Vector<short> low, out Vector<short> high);
                Vector.Widen(low, out Vector<int> c0, out Vector<int> c1);
                Vector.Widen(high, out Vector<int> c2, out Vector<int> c3);
                var q = 4 * v;
                acc0 += Vector.ConvertToSingle(c0) * queryVectors[q];
                acc1 += Vector.ConvertToSingle(c1) * queryVectors[q + 1];
                acc2 += Vector.ConvertToSingle(c2) * queryVectors[q + 2];
                acc3 += Vector.ConvertToSingle(c3) * queryVectors[q + 3];
            }
            sum = Vector.Dot(acc0 + acc1 + acc2 + acc3, Vector<float>.One);
            i = codeVectors.Length * width;
        }
        for (; i < codes.Length; i++) sum += query[i] * codes[i];
        return sum;
    }

#if NET8_0_OR_GREATER
    /// <summary>Whether <see cref="Dot4"/> runs vectorised for rows of this length; otherwise use <see cref="Dot"/>.</summary>
    public static bool CanBatch(int dimension) => Use512(dimension) || Use256(dimension);

    /// <summary>Dots of the query with the code rows at <paramref name="offset"/>, +d, +2d and +3d, bit-identical to four
    /// calls of <see cref="Dot"/>. Only when <see cref="CanBatch"/>; callers guarantee the four rows exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Dot4(float[] query, sbyte[] codes, int offset, int dimension) =>
        Use512(dimension) ? Dot4x512(query, codes, offset, dimension) : Dot4x256(query, codes, offset, dimension);

    private static bool Use512(int dimension) =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported && dimension >= Vector512<float>.Count;

    private static bool Use256(int dimension) =>
        Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && dimension >= Vector256<float>.Count;

    // Sixteen codes at k as floats: one sign-extending load and one conversion.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Widen16(ref sbyte codes, int k) =>
        Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref codes, (nuint)k)));

    // Eight codes at k as floats. Reads exactly eight bytes, so the last row of the array is never overrun.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Widen8(ref sbyte codes, int k) =>
        Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(
            Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref codes, k)))).AsSByte()));

    // Callers guarantee query.Length >= dimension and offset + dimension <= codes.Length (a live row of the store).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot512(float[] query, sbyte[] codes, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var c = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(codes), offset);
        var width = Vector512<float>.Count;
        Vector512<float> acc0 = Vector512<float>.Zero, acc1 = Vector512<float>.Zero;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            acc0 = Avx512F.FusedMultiplyAdd(Widen16(ref c, k), Vector512.LoadUnsafe(ref q, (nuint)k), acc0);
            acc1 = Avx512F.FusedMultiplyAdd(Widen16(ref c, k + width), Vector512.LoadUnsafe(ref q, (nuint)(k + width)), acc1);
        }
        if (k + width <= dimension)
        {
            acc0 = Avx512F.FusedMultiplyAdd(Widen16(ref c, k), Vector512.LoadUnsafe(ref q, (nuint)k), acc0);
            k += width;
        }
        var sum = UnitDot.Reduce(UnitDot.Fold(acc0 + acc1));
        for (; k < dimension; k++) sum += Unsafe.Add(ref q, k) * Unsafe.Add(ref c, k);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot256(float[] query, sbyte[] codes, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var c = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(codes), offset);
        var width = Vector256<float>.Count;
        Vector256<float> acc0 = Vector256<float>.Zero, acc1 = Vector256<float>.Zero;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            acc0 = Fma.MultiplyAdd(Widen8(ref c, k), Vector256.LoadUnsafe(ref q, (nuint)k), acc0);
            acc1 = Fma.MultiplyAdd(Widen8(ref c, k + width), Vector256.LoadUnsafe(ref q, (nuint)(k + width)), acc1);
        }
        if (k + width <= dimension)
        {
            acc0 = Fma.MultiplyAdd(Widen8(ref c, k), Vector256.LoadUnsafe(ref q, (nuint)k), acc0);
            k += width;
        }
        var sum = UnitDot.Reduce(UnitDot.Fold(acc0 + acc1));
        for (; k < dimension; k++) sum += Unsafe.Add(ref q, k) * Unsafe.Add(ref c, k);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Dot4x512(float[] query, sbyte[] codes, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var c0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(codes), offset);
        ref var c1 = ref Unsafe.Add(ref c0, dimension);
        ref var c2 = ref Unsafe.Add(ref c1, dimension);
        ref var c3 = ref Unsafe.Add(ref c2, dimension);
        var width = Vector512<float>.Count;
        Vector512<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            var qa = Vector512.LoadUnsafe(ref q, (nuint)k);
            var qb = Vector512.LoadUnsafe(ref q, (nuint)(k + width));
            a0 = Avx512F.FusedMultiplyAdd(Widen16(ref c0, k), qa, a0);
            b0 = Avx512F.FusedMultiplyAdd(Widen16(ref c0, k + width), qb, b0);
            a1 = Avx512F.FusedMultiplyAdd(Widen16(ref c1, k), qa, a1);
            b1 = Avx512F.FusedMultiplyAdd(Widen16(ref c1, k + width), qb, b1);
            a2 = Avx512F.FusedMultiplyAdd(Widen16(ref c2, k), qa, a2);
            b2 = Avx512F.FusedMultiplyAdd(Widen16(ref c2, k + width), qb, b2);
            a3 = Avx512F.FusedMultiplyAdd(Widen16(ref c3, k), qa, a3);
            b3 = Avx512F.FusedMultiplyAdd(Widen16(ref c3, k + width), qb, b3);
        }
        if (k + width <= dimension)
        {
            var qa = Vector512.LoadUnsafe(ref q, (nuint)k);
            a0 = Avx512F.FusedMultiplyAdd(Widen16(ref c0, k), qa, a0);
            a1 = Avx512F.FusedMultiplyAdd(Widen16(ref c1, k), qa, a1);
            a2 = Avx512F.FusedMultiplyAdd(Widen16(ref c2, k), qa, a2);
            a3 = Avx512F.FusedMultiplyAdd(Widen16(ref c3, k), qa, a3);
            k += width;
        }
        var sums = UnitDot.Reduce4(UnitDot.Fold(a0 + b0), UnitDot.Fold(a1 + b1), UnitDot.Fold(a2 + b2), UnitDot.Fold(a3 + b3));
        return k == dimension ? sums : AddTails(sums, ref q, ref c0, k, dimension);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Dot4x256(float[] query, sbyte[] codes, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var c0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(codes), offset);
        ref var c1 = ref Unsafe.Add(ref c0, dimension);
        ref var c2 = ref Unsafe.Add(ref c1, dimension);
        ref var c3 = ref Unsafe.Add(ref c2, dimension);
        var width = Vector256<float>.Count;
        Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            var qa = Vector256.LoadUnsafe(ref q, (nuint)k);
            var qb = Vector256.LoadUnsafe(ref q, (nuint)(k + width));
            a0 = Fma.MultiplyAdd(Widen8(ref c0, k), qa, a0);
            b0 = Fma.MultiplyAdd(Widen8(ref c0, k + width), qb, b0);
            a1 = Fma.MultiplyAdd(Widen8(ref c1, k), qa, a1);
            b1 = Fma.MultiplyAdd(Widen8(ref c1, k + width), qb, b1);
            a2 = Fma.MultiplyAdd(Widen8(ref c2, k), qa, a2);
            b2 = Fma.MultiplyAdd(Widen8(ref c2, k + width), qb, b2);
            a3 = Fma.MultiplyAdd(Widen8(ref c3, k), qa, a3);
            b3 = Fma.MultiplyAdd(Widen8(ref c3, k + width), qb, b3);
        }
        if (k + width <= dimension)
        {
            var qa = Vector256.LoadUnsafe(ref q, (nuint)k);
            a0 = Fma.MultiplyAdd(Widen8(ref c0, k), qa, a0);
            a1 = Fma.MultiplyAdd(Widen8(ref c1, k), qa, a1);
            a2 = Fma.MultiplyAdd(Widen8(ref c2, k), qa, a2);
            a3 = Fma.MultiplyAdd(Widen8(ref c3, k), qa, a3);
            k += width;
        }
        var sums = UnitDot.Reduce4(UnitDot.Fold(a0 + b0), UnitDot.Fold(a1 + b1), UnitDot.Fold(a2 + b2), UnitDot.Fold(a3 + b3));
        return k == dimension ? sums : AddTails(sums, ref q, ref c0, k, dimension);
    }

    // The features past the last whole vector, added one by one as the one-row kernels do.
    private static Vector128<float> AddTails(Vector128<float> sums, ref float q, ref sbyte c0, int from, int dimension)
    {
        Span<float> result = stackalloc float[4];
        for (var row = 0; row < 4; row++)
        {
            ref var c = ref Unsafe.Add(ref c0, row * dimension);
            var sum = sums.GetElement(row);
            for (var k = from; k < dimension; k++) sum += Unsafe.Add(ref q, k) * Unsafe.Add(ref c, k);
            result[row] = sum;
        }
        return Vector128.Create(result[0], result[1], result[2], result[3]);
    }
#endif
}
