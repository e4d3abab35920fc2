namespace PersonaAnalyzers;

/// <summary>The default thresholds. They come from <c>persona calibrate</c> on the simulated persuasion forum
/// (<c>persona simulate</c>); <c>docs/calibration.md</c> records the run and its bootstrap intervals.</summary>
/// <remarks>Reproduce with <c>persona simulate --observations forum.csv</c> then
/// <c>persona calibrate forum.csv --out persona-bands.json</c> (defaults: 120 users, seed 1, ρ = 0.3; 200 bootstrap
/// resamples, seed 1). Estimates 0.1149 / 0.1139; 95% intervals [0.0995, 0.1255] / [0.0985, 0.1245]. On that forum no
/// substitute beats no personalization, so the moderate band is empty (0.001 wide) and nothing is safe by default:
/// calibrate on your own logs to find a band that is.</remarks>
internal static class DefaultBands
{
    public const double NearMatch = 0.115;
    public const double Distant = 0.114;
}
