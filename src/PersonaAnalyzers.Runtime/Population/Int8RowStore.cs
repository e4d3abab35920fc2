using System;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

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

    public override float Dot(float[] query, int row) => _scales[row] * Int8Dot.Dot(query, _codes, row * Dimension, Dimension);

    public override void Scan(float[] query, int start, int end, int skipRow, RiskRanker ranker, TopRanked top)
    {
#if NET8_0_OR_GREATER
        FourRowScan.Run(new Rows(query, _codes, _scales, Dimension), start, end, skipRow, ranker, top);
#else
        var codes = _codes;
        var scales = _scales;
        var dimension = Dimension;
        for (var row = start; row < end; row++)
        {
            if (row == skipRow || !ranker.TryRank(scales[row] * Int8Dot.Dot(query, codes, row * dimension, dimension), out var risk)) continue;
            top.Offer(risk, row);
        }
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>The int8 kernels bound to one query and the current arrays, for <see cref="FourRowScan"/>. The four
    /// scales multiply the four dots lane by lane: the same single rounding as the one-row <c>scale · dot</c>.</summary>
    private readonly struct Rows : IRowDots
    {
        private readonly float[] _query;
        private readonly sbyte[] _codes;
        private readonly float[] _scales;
        private readonly int _dimension;

        public Rows(float[] query, sbyte[] codes, float[] scales, int dimension) =>
            (_query, _codes, _scales, _dimension) = (query, codes, scales, dimension);

        public bool CanBatch => Int8Dot.CanBatch(_dimension);

        public float Dot(int row) => _scales[row] * Int8Dot.Dot(_query, _codes, row * _dimension, _dimension);

        public Vector128<float> Dot4(int row) =>
            Int8Dot.Dot4(_query, _codes, row * _dimension, _dimension) *
            Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_scales), (nuint)row);
    }
#endif
}
