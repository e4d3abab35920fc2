namespace PersonaAnalyzers;

/// <summary>The default thresholds. They come from <c>persona calibrate</c> on the simulated persuasion forum
/// (<c>persona simulate</c>); <c>docs/calibration.md</c> records the run and its bootstrap intervals.</summary>
/// <remarks>Reproduce with <c>persona simulate --observations forum.csv</c> then
/// <c>persona calibrate forum.csv --out persona-bands.json</c> (defaults: 120 users, seed 1, ρ = 0.3; 200 bootstrap
/// resamples, seed 1). On that forum every substitute is worse than no personalization from similarity 0 up (95%
/// intervals: NearMatch [0.001, 0.021], Distant [0, 0.02]), so the near-match band covers everything above 0.001, the
/// moderate band is empty and nothing is safe by default: calibrate on your own logs to find a band that is.</remarks>
internal static class DefaultBands
{
    public const double NearMatch = 0.001;
    public const double Distant = 0.0;
}
