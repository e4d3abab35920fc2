using System;

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
#if NET8_0_OR_GREATER
        // Outside [0, 1] a threshold is unreachable by the clamped similarity, so it must not filter raw dots.
        LowerDot = _distant < 0 ? float.NegativeInfinity : FloatAtOrBelow(_distant);
        UpperDot = _nearMatch > 1 ? float.PositiveInfinity : FloatAtOrAbove(_nearMatch);
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>A float dot can be a candidate only if <c>LowerDot &lt; dot &lt; UpperDot</c>: exactly the band test of
    /// <see cref="TryRank"/> for thresholds in [0, 1], in float so a scan can test four dots with two vector
    /// comparisons. Never rejects a row <see cref="TryRank"/> would accept.</summary>
    public float LowerDot { get; }

    /// <inheritdoc cref="LowerDot"/>
    public float UpperDot { get; }

    // For a float d: d > x (in double) ⇔ d > the largest float ≤ x; d < x ⇔ d < the smallest float ≥ x.
    private static float FloatAtOrBelow(double x)
    {
        var f = (float)x;
        return f > x ? MathF.BitDecrement(f) : f;
    }

    private static float FloatAtOrAbove(double x)
    {
        var f = (float)x;
        return f < x ? MathF.BitIncrement(f) : f;
    }
#endif

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
}
