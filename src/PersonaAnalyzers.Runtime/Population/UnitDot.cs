using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace PersonaAnalyzers;

/// <summary>The scan's inner kernel: the dot product of the query with one packed float32 row.</summary>
/// <remarks>TensorPrimitives.Dot is the portable path. On .NET 8+ the kernel is written out with Vector512/Vector256
/// because a scan calls it once per row on short rows (128 features = 8 vectors): TensorPrimitives' per-call set-up
/// (span checks, length dispatch, tail masking) was measured to cost as much as reading the row from memory, which
/// kept the scan well below the machine's read bandwidth (docs/performance.md).</remarks>
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
        var sum = Vector512.Sum(acc0 + acc1);
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
        var sum = Vector256.Sum(acc0 + acc1);
        for (; k < dimension; k++) sum += Unsafe.Add(ref r, k) * Unsafe.Add(ref q, k);
        return sum;
    }
#endif
}
