namespace PersonaAnalyzers;

/// <summary>Knots of <see cref="RiskCurve.Default"/>: relative error (0 = own profile, 1 = no personalization) by
/// similarity. Regenerated from the simulated forum's calibration (see <c>docs/calibration.md</c>).</summary>
internal static class DefaultRiskCurve
{
    public static readonly double[] Similarities = { 0.0, 0.35, 0.6, 0.85, 1.0 };
    public static readonly double[] RelativeErrors = { 1.0, 1.0, 0.6, 1.0, 1.3 };
}
