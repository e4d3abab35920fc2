#if NET8_0_OR_GREATER
using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PersonaAnalyzers;

/// <summary>The float16 scan kernels: a float32 query · a row of IEEE halves, for one row or four adjacent rows at
/// once.</summary>
/// <remarks>
/// <para>.NET 8 exposes no half→float instruction, and TensorPrimitives' conversion handles infinities and NaN, which a
/// store of finite unit rows never holds. So the halves are converted in registers with three integer operations: a
/// sign-extending load to int32 (the sign lands in bit 31), a shift by 13 that lines the exponent and fraction up with
/// float32's, and a mask that clears the sign copies between them. The result is exactly <c>h · 2⁻¹¹²</c> for every
/// finite half, subnormals included (the exponent bias differs by 112). Instead of scaling each row back, the query
/// is scaled by 2¹¹² — once per query vector, shared by four rows — and <c>(h·2⁻¹¹²)·(q·2¹¹²)</c> is the exact real
/// product <c>h·q</c>, which the fused multiply-add then rounds once into the accumulator. (Fused for the same reason
/// as in <see cref="Int8Dot"/>: this kernel is compute-bound, not memory-bound.)</para>
/// <para><see cref="Dot4"/> adds in exactly the order of <see cref="Dot"/> (the accumulator split and reduction of
/// <see cref="UnitDot"/>), so both return bit-identical dots. Without AVX2 and FMA <see cref="Dot"/> converts blocks with
/// TensorPrimitives and the scan goes one row at a time.</para>
/// </remarks>
internal static class HalfDot
{
    // Rows are converted back to float in blocks of this many features on the stack in the portable path.
    private const int Block = 256;

    // Sign bit, and the 5 exponent and 10 fraction bits once shifted into float32's places.
    private const int SignExponentFraction = unchecked((int)0x8FFF_E000);

    // 2^112 (exponent field 127 + 112), the difference between the float32 and float16 exponent biases.
    private const int TwoTo112Bits = 0x7780_0000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float[] query, Half[] halves, int offset, int dimension)
    {
        if (Use512(dimension)) return Dot512(query, halves, offset, dimension);
        if (Use256(dimension)) return Dot256(query, halves, offset, dimension);
        return Portable(new ReadOnlySpan<float>(query, 0, dimension), new ReadOnlySpan<Half>(halves, offset, dimension));
    }

    /// <summary>Whether <see cref="Dot4"/> runs vectorised for rows of this length; otherwise use <see cref="Dot"/>.</summary>
    public static bool CanBatch(int dimension) => Use512(dimension) || Use256(dimension);

    /// <summary>Dots of the query with the half rows at <paramref name="offset"/>, +d, +2d and +3d, bit-identical to four
    /// calls of <see cref="Dot"/>. Only when <see cref="CanBatch"/>; callers guarantee the four rows exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Dot4(float[] query, Half[] halves, int offset, int dimension) =>
        Use512(dimension) ? Dot4x512(query, halves, offset, dimension) : Dot4x256(query, halves, offset, dimension);

    private static float Portable(ReadOnlySpan<float> query, ReadOnlySpan<Half> source)
    {
        Span<float> buffer = stackalloc float[Block];
        float sum = 0;
        for (var start = 0; start < source.Length; start += Block)
        {
            var length = Math.Min(Block, source.Length - start);
            var floats = buffer.Slice(0, length);
            TensorPrimitives.ConvertToSingle(source.Slice(start, length), floats);
            sum += TensorPrimitives.Dot(query.Slice(start, length), floats);
        }
        return sum;
    }

    private static bool Use512(int dimension) =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported && dimension >= Vector512<float>.Count;

    private static bool Use256(int dimension) =>
        Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && dimension >= Vector256<float>.Count;

    // Sixteen halves at k as h · 2^-112.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Widen16(ref short halves, int k) =>
        (Vector512.ShiftLeft(Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref halves, (nuint)k)), 13) &
         Vector512.Create(SignExponentFraction)).AsSingle();

    // Eight halves at k as h · 2^-112.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Widen8(ref short halves, int k) =>
        (Vector256.ShiftLeft(Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref halves, (nuint)k)), 13) &
         Vector256.Create(SignExponentFraction)).AsSingle();

    // Sixteen (eight) query features at k, times 2^112: exact, since a unit query's features are at most 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Query16(ref float query, int k) =>
        Vector512.LoadUnsafe(ref query, (nuint)k) * Vector512.Create(TwoTo112Bits).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Query8(ref float query, int k) =>
        Vector256.LoadUnsafe(ref query, (nuint)k) * Vector256.Create(TwoTo112Bits).AsSingle();

    private static ref short Bits(Half[] halves, int offset) =>
        ref Unsafe.As<Half, short>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(halves), offset));

    // Callers guarantee query.Length >= dimension and offset + dimension <= halves.Length (a live row of the store).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot512(float[] query, Half[] halves, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var h = ref Bits(halves, offset);
        var width = Vector512<float>.Count;
        Vector512<float> acc0 = Vector512<float>.Zero, acc1 = Vector512<float>.Zero;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            acc0 = Avx512F.FusedMultiplyAdd(Widen16(ref h, k), Query16(ref q, k), acc0);
            acc1 = Avx512F.FusedMultiplyAdd(Widen16(ref h, k + width), Query16(ref q, k + width), acc1);
        }
        if (k + width <= dimension)
        {
            acc0 = Avx512F.FusedMultiplyAdd(Widen16(ref h, k), Query16(ref q, k), acc0);
            k += width;
        }
        return AddTail(UnitDot.Reduce(UnitDot.Fold(acc0 + acc1)), ref q, ref h, k, dimension);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot256(float[] query, Half[] halves, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var h = ref Bits(halves, offset);
        var width = Vector256<float>.Count;
        Vector256<float> acc0 = Vector256<float>.Zero, acc1 = Vector256<float>.Zero;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            acc0 = Fma.MultiplyAdd(Widen8(ref h, k), Query8(ref q, k), acc0);
            acc1 = Fma.MultiplyAdd(Widen8(ref h, k + width), Query8(ref q, k + width), acc1);
        }
        if (k + width <= dimension)
        {
            acc0 = Fma.MultiplyAdd(Widen8(ref h, k), Query8(ref q, k), acc0);
            k += width;
        }
        return AddTail(UnitDot.Reduce(UnitDot.Fold(acc0 + acc1)), ref q, ref h, k, dimension);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Dot4x512(float[] query, Half[] halves, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var h0 = ref Bits(halves, offset);
        ref var h1 = ref Unsafe.Add(ref h0, dimension);
        ref var h2 = ref Unsafe.Add(ref h1, dimension);
        ref var h3 = ref Unsafe.Add(ref h2, dimension);
        var width = Vector512<float>.Count;
        Vector512<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            var qa = Query16(ref q, k);
            var qb = Query16(ref q, k + width);
            a0 = Avx512F.FusedMultiplyAdd(Widen16(ref h0, k), qa, a0);
            b0 = Avx512F.FusedMultiplyAdd(Widen16(ref h0, k + width), qb, b0);
            a1 = Avx512F.FusedMultiplyAdd(Widen16(ref h1, k), qa, a1);
            b1 = Avx512F.FusedMultiplyAdd(Widen16(ref h1, k + width), qb, b1);
            a2 = Avx512F.FusedMultiplyAdd(Widen16(ref h2, k), qa, a2);
            b2 = Avx512F.FusedMultiplyAdd(Widen16(ref h2, k + width), qb, b2);
            a3 = Avx512F.FusedMultiplyAdd(Widen16(ref h3, k), qa, a3);
            b3 = Avx512F.FusedMultiplyAdd(Widen16(ref h3, k + width), qb, b3);
        }
        if (k + width <= dimension)
        {
            var qa = Query16(ref q, k);
            a0 = Avx512F.FusedMultiplyAdd(Widen16(ref h0, k), qa, a0);
            a1 = Avx512F.FusedMultiplyAdd(Widen16(ref h1, k), qa, a1);
            a2 = Avx512F.FusedMultiplyAdd(Widen16(ref h2, k), qa, a2);
            a3 = Avx512F.FusedMultiplyAdd(Widen16(ref h3, k), qa, a3);
            k += width;
        }
        var sums = UnitDot.Reduce4(UnitDot.Fold(a0 + b0), UnitDot.Fold(a1 + b1), UnitDot.Fold(a2 + b2), UnitDot.Fold(a3 + b3));
        return k == dimension ? sums : AddTails(sums, ref q, ref h0, k, dimension);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Dot4x256(float[] query, Half[] halves, int offset, int dimension)
    {
        ref var q = ref MemoryMarshal.GetArrayDataReference(query);
        ref var h0 = ref Bits(halves, offset);
        ref var h1 = ref Unsafe.Add(ref h0, dimension);
        ref var h2 = ref Unsafe.Add(ref h1, dimension);
        ref var h3 = ref Unsafe.Add(ref h2, dimension);
        var width = Vector256<float>.Count;
        Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        var k = 0;
        for (; k + 2 * width <= dimension; k += 2 * width)
        {
            var qa = Query8(ref q, k);
            var qb = Query8(ref q, k + width);
            a0 = Fma.MultiplyAdd(Widen8(ref h0, k), qa, a0);
            b0 = Fma.MultiplyAdd(Widen8(ref h0, k + width), qb, b0);
            a1 = Fma.MultiplyAdd(Widen8(ref h1, k), qa, a1);
            b1 = Fma.MultiplyAdd(Widen8(ref h1, k + width), qb, b1);
            a2 = Fma.MultiplyAdd(Widen8(ref h2, k), qa, a2);
            b2 = Fma.MultiplyAdd(Widen8(ref h2, k + width), qb, b2);
            a3 = Fma.MultiplyAdd(Widen8(ref h3, k), qa, a3);
            b3 = Fma.MultiplyAdd(Widen8(ref h3, k + width), qb, b3);
        }
        if (k + width <= dimension)
        {
            var qa = Query8(ref q, k);
            a0 = Fma.MultiplyAdd(Widen8(ref h0, k), qa, a0);
            a1 = Fma.MultiplyAdd(Widen8(ref h1, k), qa, a1);
            a2 = Fma.MultiplyAdd(Widen8(ref h2, k), qa, a2);
            a3 = Fma.MultiplyAdd(Widen8(ref h3, k), qa, a3);
            k += width;
        }
        var sums = UnitDot.Reduce4(UnitDot.Fold(a0 + b0), UnitDot.Fold(a1 + b1), UnitDot.Fold(a2 + b2), UnitDot.Fold(a3 + b3));
        return k == dimension ? sums : AddTails(sums, ref q, ref h0, k, dimension);
    }

    // The features past the last whole vector, converted and added one by one (the tail is not scaled: plain h · q).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float AddTail(float sum, ref float q, ref short h, int from, int dimension)
    {
        for (var k = from; k < dimension; k++)
            sum += Unsafe.Add(ref q, k) * (float)Unsafe.As<short, Half>(ref Unsafe.Add(ref h, k));
        return sum;
    }

    private static Vector128<float> AddTails(Vector128<float> sums, ref float q, ref short h0, int from, int dimension) =>
        Vector128.Create(
            AddTail(sums.GetElement(0), ref q, ref h0, from, dimension),
            AddTail(sums.GetElement(1), ref q, ref Unsafe.Add(ref h0, dimension), from, dimension),
            AddTail(sums.GetElement(2), ref q, ref Unsafe.Add(ref h0, 2 * dimension), from, dimension),
            AddTail(sums.GetElement(3), ref q, ref Unsafe.Add(ref h0, 3 * dimension), from, dimension));
}
#endif
