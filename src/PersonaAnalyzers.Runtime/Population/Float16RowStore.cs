#if NET8_0_OR_GREATER
using System;
using System.Numerics.Tensors;

namespace PersonaAnalyzers;

/// <summary>Rows as IEEE half precision: half of float32's bytes and an 11-bit significand, which keeps cosine errors
/// around 1e-4.</summary>
internal sealed class Float16RowStore : RowStore
{
    // Rows are converted back to float in blocks of this many features on the stack, then dotted with the query.
    private const int Block = 256;
    private Half[] _data;

    public Float16RowStore(int dimension, int capacity) : base(dimension) => _data = new Half[(long)capacity * dimension];

    public override int BytesPerRow => Dimension * 2;

    public override void Append(ReadOnlySpan<float> unitRow)
    {
        var capacity = _data.Length / Dimension;
        if (Count == capacity) Array.Resize(ref _data, Grow(capacity, Count + 1) * Dimension);
        Overwrite(Count, unitRow);
        Count++;
    }

    public override void Overwrite(int row, ReadOnlySpan<float> unitRow) =>
        TensorPrimitives.ConvertToHalf(unitRow, _data.AsSpan(row * Dimension, Dimension));

    public override void RemoveBySwap(int row)
    {
        var last = Count - 1;
        if (row != last) Array.Copy(_data, last * Dimension, _data, row * Dimension, Dimension);
        Count--;
    }

    public override void CopyRow(int row, Span<float> destination) =>
        TensorPrimitives.ConvertToSingle(_data.AsSpan(row * Dimension, Dimension), destination);

    public override float Dot(float[] query, int row)
    {
        Span<float> buffer = stackalloc float[Block];
        var source = new ReadOnlySpan<Half>(_data, row * Dimension, Dimension);
        float sum = 0;
        for (var start = 0; start < source.Length; start += Block)
        {
            var length = Math.Min(Block, source.Length - start);
            var floats = buffer.Slice(0, length);
            TensorPrimitives.ConvertToSingle(source.Slice(start, length), floats);
            sum += TensorPrimitives.Dot(new ReadOnlySpan<float>(query, start, length), floats);
        }
        return sum;
    }
}
#endif
