using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace PersonaAnalyzers;

/// <summary>Rows as symmetric int8 codes with one float scale per row: <c>x ≈ scale · code</c>, with
/// <c>scale = max|x| / 127</c>. A quarter of float32's bytes, so a memory-bound scan reads four times fewer.</summary>
/// <remarks>The query stays float32: only the stored side is rounded, which halves the error of quantising both
/// sides. The measured band agreement is in docs/performance.md.</remarks>
internal sealed class Int8RowStore : RowStore
{
    private sbyte[] _codes;
    private float[] _scales;

    public Int8RowStore(int dimension, int capacity) : base(dimension)
    {
        _codes = new sbyte[(long)capacity * dimension];
        _scales = new float[capacity];
    }

    public override int BytesPerRow => Dimension + sizeof(float);

    public override void Append(ReadOnlySpan<float> unitRow)
    {
        if (Count == _scales.Length)
        {
            var capacity = Grow(_scales.Length, Count + 1);
            Array.Resize(ref _codes, capacity * Dimension);
            Array.Resize(ref _scales, capacity);
        }
        Overwrite(Count, unitRow);
        Count++;
    }

    public override void Overwrite(int row, ReadOnlySpan<float> unitRow)
    {
        float maxAbs = 0;
        foreach (var x in unitRow) maxAbs = Math.Max(maxAbs, Math.Abs(x));
        var codes = _codes.AsSpan(row * Dimension, Dimension);
        if (maxAbs == 0)
        {
            codes.Clear();
            _scales[row] = 0;
            return;
        }
        var inverse = 127f / maxAbs;
        for (var i = 0; i < codes.Length; i++)
            codes[i] = (sbyte)Math.Round(unitRow[i] * inverse, MidpointRounding.AwayFromZero);
        _scales[row] = maxAbs / 127f;
    }

    public override void RemoveBySwap(int row)
    {
        var last = Count - 1;
        if (row != last)
        {
            Array.Copy(_codes, last * Dimension, _codes, row * Dimension, Dimension);
            _scales[row] = _scales[last];
        }
        Count--;
    }

    public override void CopyRow(int row, Span<float> destination)
    {
        var codes = _codes.AsSpan(row * Dimension, Dimension);
        var scale = _scales[row];
        for (var i = 0; i < codes.Length; i++) destination[i] = codes[i] * scale;
    }

    public override float Dot(float[] query, int row) =>
        _scales[row] * Dot(query, new ReadOnlySpan<sbyte>(_codes, row * Dimension, Dimension));

    /// <summary>Float query · int8 codes. Widens each vector of codes to four vectors of int32, converts them to float
    /// and multiply-adds them with the matching query slices; TensorPrimitives has no mixed-type dot.</summary>
    internal static float Dot(ReadOnlySpan<float> query, ReadOnlySpan<sbyte> codes)
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
}
