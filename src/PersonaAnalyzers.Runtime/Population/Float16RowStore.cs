#if NET8_0_OR_GREATER
using System;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace PersonaAnalyzers;

/// <summary>Rows as IEEE half precision: half of float32's bytes and an 11-bit significand, which keeps cosine errors
/// around 1e-4.</summary>
internal sealed class Float16RowStore : RowStore
{
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

    public override float Dot(float[] query, int row) => HalfDot.Dot(query, _data, row * Dimension, Dimension);

    public override void Scan(float[] query, int start, int end, int skipRow, RiskRanker ranker, TopRanked top) =>
        FourRowScan.Run(new Rows(query, _data, Dimension), start, end, skipRow, ranker, top);

    /// <summary>The float16 kernels bound to one query and the current array, for <see cref="FourRowScan"/>.</summary>
    private readonly struct Rows : IRowDots
    {
        private readonly float[] _query;
        private readonly Half[] _data;
        private readonly int _dimension;

        public Rows(float[] query, Half[] data, int dimension) => (_query, _data, _dimension) = (query, data, dimension);

        public bool CanBatch => HalfDot.CanBatch(_dimension);

        public float Dot(int row) => HalfDot.Dot(_query, _data, row * _dimension, _dimension);

        public Vector128<float> Dot4(int row) => HalfDot.Dot4(_query, _data, row * _dimension, _dimension);
    }
}
#endif
