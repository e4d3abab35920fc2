using System;
#if NET8_0_OR_GREATER
using System.Numerics;
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
        var data = _data;
        var dimension = Dimension;
        var row = start;
#if NET8_0_OR_GREATER
        if (UnitDot.CanBatch(dimension))
        {
            // Four rows per step: the query is loaded once for four rows, the four horizontal sums share their
            // shuffles, and one pair of vector comparisons rejects four near-match or distant rows at once.
            var lower = Vector128.Create(ranker.LowerDot);
            var upper = Vector128.Create(ranker.UpperDot);
            for (; row + 4 <= end; row += 4)
            {
                var dots = UnitDot.Dot4(query, data, row * dimension, dimension);
                var inBand = Vector128.ExtractMostSignificantBits(Vector128.GreaterThan(dots, lower) & Vector128.LessThan(dots, upper));
                for (; inBand != 0; inBand &= inBand - 1)
                {
                    var candidate = row + BitOperations.TrailingZeroCount(inBand);
                    if (candidate != skipRow && ranker.TryRank(dots.GetElement(candidate - row), out var risk))
                        top.Offer(risk, candidate);
                }
            }
        }
#endif
        for (; row < end; row++)
        {
            if (row == skipRow || !ranker.TryRank(UnitDot.Dot(query, data, row * dimension, dimension), out var risk)) continue;
            top.Offer(risk, row);
        }
    }
}
