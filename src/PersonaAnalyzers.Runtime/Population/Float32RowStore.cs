using System;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

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

    public override float Dot(float[] query, int row) => UnitDot.Dot(query, _data, row * Dimension, Dimension);

    public override void Scan(float[] query, int start, int end, int skipRow, RiskRanker ranker, TopRanked top)
    {
#if NET8_0_OR_GREATER
        FourRowScan.Run(new Rows(query, _data, Dimension), start, end, skipRow, ranker, top);
#else
        var data = _data;
        var dimension = Dimension;
        for (var row = start; row < end; row++)
        {
            if (row == skipRow || !ranker.TryRank(UnitDot.Dot(query, data, row * dimension, dimension), out var risk)) continue;
            top.Offer(risk, row);
        }
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>The float32 kernels bound to one query and the current array, for <see cref="FourRowScan"/>.</summary>
    private readonly struct Rows : IRowDots
    {
        private readonly float[] _query;
        private readonly float[] _data;
        private readonly int _dimension;

        public Rows(float[] query, float[] data, int dimension) => (_query, _data, _dimension) = (query, data, dimension);

        public bool CanBatch => UnitDot.CanBatch(_dimension);

        public float Dot(int row) => UnitDot.Dot(_query, _data, row * _dimension, _dimension);

        public Vector128<float> Dot4(int row) => UnitDot.Dot4(_query, _data, row * _dimension, _dimension);
    }
#endif
}
