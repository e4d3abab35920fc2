using System;

namespace PersonaAnalyzers;

/// <summary>The k rows with the lowest expected relative error seen so far: a max-heap on (risk, row), so the worst
/// kept row sits at the root and a newcomer costs one comparison unless it beats it.</summary>
/// <remarks>Ties on risk go to the lower row, which makes the result independent of how rows were partitioned across
/// cores.</remarks>
internal sealed class TopRanked
{
    private readonly double[] _risks;
    private readonly int[] _rows;

    public TopRanked(int capacity)
    {
        _risks = new double[capacity];
        _rows = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The risk a newcomer must beat (or tie with a lower row) once the heap is full.</summary>
    public double WorstRisk => Count < _risks.Length ? double.PositiveInfinity : _risks[0];

    public void Offer(double risk, int row)
    {
        if (Count < _risks.Length)
        {
            var i = Count++;
            _risks[i] = risk;
            _rows[i] = row;
            SiftUp(i);
            return;
        }
        if (!IsBetter(risk, row, _risks[0], _rows[0])) return;
        _risks[0] = risk;
        _rows[0] = row;
        SiftDown(0);
    }

    public void MergeFrom(TopRanked other)
    {
        for (var i = 0; i < other.Count; i++) Offer(other._risks[i], other._rows[i]);
    }

    /// <summary>The kept rows, best first.</summary>
    public (double Risk, int Row)[] ToSorted()
    {
        var result = new (double Risk, int Row)[Count];
        for (var i = 0; i < Count; i++) result[i] = (_risks[i], _rows[i]);
        Array.Sort(result, (x, y) => x.Risk != y.Risk ? x.Risk.CompareTo(y.Risk) : x.Row.CompareTo(y.Row));
        return result;
    }

    private static bool IsBetter(double risk, int row, double thanRisk, int thanRow) =>
        risk < thanRisk || (risk == thanRisk && row < thanRow);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!IsBetter(_risks[parent], _rows[parent], _risks[i], _rows[i])) return;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = 2 * i + 1, right = left + 1, worst = i;
            if (left < Count && IsBetter(_risks[worst], _rows[worst], _risks[left], _rows[left])) worst = left;
            if (right < Count && IsBetter(_risks[worst], _rows[worst], _risks[right], _rows[right])) worst = right;
            if (worst == i) return;
            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_risks[a], _risks[b]) = (_risks[b], _risks[a]);
        (_rows[a], _rows[b]) = (_rows[b], _rows[a]);
    }
}
