namespace PersonaAnalyzers;

/// <summary>Turns a raw dot product between normalised rows into the expected relative error a scan ranks by, or
/// rejects the row. Holds the policy's thresholds as plain fields so the per-row test is two comparisons.</summary>
/// <remarks>A row is a candidate only if its similarity lies strictly inside the moderate band and the risk curve
/// expects it to beat no personalization (relative error below 1) — the same rule as
/// <see cref="SubstitutionPolicy.Assess(SimilarityBand, double)"/>, so the verdict built for a returned row is always safe.
/// Self never reaches this point: the scan skips the target's row by identity.</remarks>
internal sealed class RiskRanker
{
    private readonly double _nearMatch;
    private readonly double _distant;
    private readonly RiskCurve _curve;

    public RiskRanker(SubstitutionPolicy policy)
    {
        _nearMatch = policy.Bands.NearMatch;
        _distant = policy.Bands.Distant;
        _curve = policy.RiskCurve;
    }

    /// <summary>The similarity a dot product between unit rows stands for: clamped into [0, 1] like the cosine kernel
    /// (negative correlation is "not similar"; rounding may overshoot 1).</summary>
    public static double Similarity(float dot) => dot <= 0f ? 0d : dot >= 1f ? 1d : dot;

    public bool TryRank(float dot, out double risk)
    {
        var similarity = Similarity(dot);
        if (similarity >= _nearMatch || similarity <= _distant)
        {
            risk = 0;
            return false;
        }
        risk = _curve.ExpectedRelativeError(similarity);
        return risk < 1;
    }

    /// <summary>Scans rows [start, end) of <paramref name="store"/> against a unit query, skipping one row (the
    /// target's own), into <paramref name="top"/>. Allocation-free.</summary>
    public void Scan(RowStore store, float[] query, int start, int end, int skipRow, TopRanked top)
    {
        for (var row = start; row < end; row++)
        {
            if (row == skipRow || !TryRank(store.Dot(query, row), out var risk)) continue;
            top.Offer(risk, row);
        }
    }
}
