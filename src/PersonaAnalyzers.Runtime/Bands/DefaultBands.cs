namespace PersonaAnalyzers;

/// <summary>The default thresholds. They come from <c>persona calibrate</c> on the simulated persuasion forum
/// (<c>persona simulate</c>); <c>docs/calibration.md</c> records the run and its bootstrap intervals.</summary>
internal static class DefaultBands
{
    public const double NearMatch = 0.85;
    public const double Distant = 0.35;
}
