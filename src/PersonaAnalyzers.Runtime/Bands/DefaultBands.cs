namespace PersonaAnalyzers;

/// <summary>The default thresholds. They come from <c>persona calibrate</c> on the simulated persuasion forum
/// (<c>persona simulate</c>); <c>docs/calibration.md</c> records the run and its bootstrap intervals.</summary>
/// <remarks>Reproduce with <c>persona simulate --observations forum.csv</c> then
/// <c>persona calibrate forum.csv --out persona-bands.json</c> (defaults: 120 users, seed 1, ρ = 0.3; 200 bootstrap
/// resamples, seed 1): NearMatch 0.0549, 95% interval [0.0247, 0.0775]. On that forum no substitute beats no
/// personalization, so the moderate band is empty (Distant 0.001 below NearMatch) and nothing is safe by default:
/// calibrate on your own logs to find a band that is.</remarks>
internal static class DefaultBands
{
    public const double NearMatch = 0.055;
    public const double Distant = 0.054;
}
