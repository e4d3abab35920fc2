using System;
using System.Numerics.Tensors;

namespace PersonaAnalyzers;

/// <summary>Rows as packed float32: row r occupies <c>[r·d, (r+1)·d)</c> of one array.</summary>
internal sealed class Float32RowStore : RowStore
{
    private float[] _data;

    public Float32RowStore(int dimension, int capacity) : base(dimension) => _data = new float[(long)capacity * dimension];

    public override int BytesPerRow => Dimension * sizeof(float);

    public override void Append(ReadOnlySpan<float> unitRow)
    {
        var capacity = _data.Length / Dimension;
        if (Count == capacity) Array.Resize(ref _data, Grow(capacity, Count + 1) * Dimension);
        unitRow.CopyTo(_data.AsSpan(Count * Dimension, Dimension));
        Count++;
    }

    public override void Overwrite(int row, ReadOnlySpan<float> unitRow) => unitRow.CopyTo(_data.AsSpan(row * Dimension, Dimension));

    public override void RemoveBySwap(int row)
    {
        var last = Count - 1;
        if (row != last) Array.Copy(_data, last * Dimension, _data, row * Dimension, Dimension);
        Count--;
    }

    public override void CopyRow(int row, Span<float> destination) => _data.AsSpan(row * Dimension, Dimension).CopyTo(destination);

    public override float Dot(float[] query, int row) =>
        TensorPrimitives.Dot(query, new ReadOnlySpan<float>(_data, row * Dimension, Dimension));
}
