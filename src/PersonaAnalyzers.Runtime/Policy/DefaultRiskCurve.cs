namespace PersonaAnalyzers;

/// <summary>Knots of <see cref="RiskCurve.Default"/>: relative error (0 = own profile, 1 = no personalization) by
/// similarity, sampled from the fitted curve of the simulated forum's calibration (see <c>docs/calibration.md</c>;
/// <c>RiskCalibration.ToRiskCurve()</c> of the run that produced <see cref="DefaultBands"/>).</summary>
/// <remarks>At or above 1 everywhere: on the simulated forum (ρ = 0.3) every substitute is worse than no
/// personalization: by 0.1% of the own profile's benefit at similarity 0, 4% at 0.1, and by more than the whole benefit
/// (relative error 2.1) for near-twins.</remarks>
internal static class DefaultRiskCurve
{
    public static readonly double[] Similarities =
    {
        0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
        0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0,
    };

    public static readonly double[] RelativeErrors =
    {
        1.001, 1.015, 1.039, 1.083, 1.13, 1.173, 1.216, 1.264, 1.319, 1.382, 1.45,
        1.522, 1.598, 1.676, 1.754, 1.833, 1.911, 1.99, 2.068, 2.147, 2.172,
    };
}
