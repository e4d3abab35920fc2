using System;

namespace PersonaAnalyzers;

/// <summary>One fitted error curve with its reference levels and the band bounds read off it. Built once on the full
/// data and once per bootstrap resample, always on the same similarity grid.</summary>
internal sealed class CurveEstimate
{
    private const int GridPoints = 401;

    private CurveEstimate(RestrictedCubicSpline fit, double low, double high, double baseline, double reference, double scale,
        double nearMatch, double distant, bool harmFound, bool helpFound)
    {
        Fit = fit;
        Low = low;
        High = high;
        Baseline = baseline;
        Reference = reference;
        Scale = scale;
        NearMatch = nearMatch;
        Distant = distant;
        HarmFound = harmFound;
        HelpFound = helpFound;
    }

    public RestrictedCubicSpline Fit { get; }

    /// <summary>The observed similarity range; the curve is flat beyond it (no extrapolation).</summary>
    public double Low { get; }
    public double High { get; }

    public double Baseline { get; }

    /// <summary>The error that counts as relative error 0: the own profile's mean, or without Self observations the
    /// baseline minus the largest effect on the curve.</summary>
    public double Reference { get; }

    /// <summary><see cref="Baseline"/> − <see cref="Reference"/>: the unit of relative error.</summary>
    public double Scale { get; }

    public double NearMatch { get; }
    public double Distant { get; }

    /// <summary>Whether substitutes do material harm in the top segment of the observed range that holds no material benefit.</summary>
    public bool HarmFound { get; }

    /// <summary>Whether any similarity below the near-match region materially beats no personalization.</summary>
    public bool HelpFound { get; }

    public double Error(double similarity) => Fit.Evaluate(Math.Min(High, Math.Max(Low, similarity)));

    public double RelativeError(double similarity) => (Error(similarity) - Reference) / Scale;

    public static CurveEstimate Create(RestrictedCubicSpline fit, double low, double high, double baseline, double? self, double materialEffect)
    {
        var grid = new double[GridPoints];
        var errors = new double[GridPoints];
        for (var i = 0; i < GridPoints; i++)
        {
            grid[i] = low + (high - low) * i / (GridPoints - 1);
            errors[i] = fit.Evaluate(grid[i]);
        }

        double reference;
        if (self is { } s)
        {
            if (!(s < baseline))
                throw new ArgumentException(
                    $"The own-profile (self) error {Guard.Format(s)} is not below the baseline error {Guard.Format(baseline)}: personalization does not help at all, so there is no risk curve to calibrate.",
                    "observations");
            reference = s;
        }
        else
        {
            var largest = 0.0;
            foreach (var e in errors) largest = Math.Max(largest, Math.Abs(e - baseline));
            if (!(largest > 0))
                throw new ArgumentException("The fitted error equals the baseline everywhere and there are no self observations: the relative scale is undefined.", "observations");
            reference = baseline - largest;
        }
        var scale = baseline - reference;
        var relative = new double[GridPoints];
        for (var i = 0; i < GridPoints; i++) relative[i] = (errors[i] - reference) / scale;

        // Thresholds sit where the curve reaches the baseline (relative error 1); the material effect δ decides whether
        // a region exists, so a curve hovering at the baseline does not sprout thresholds from noise.
        double harmLevel = 1 + materialEffect, helpLevel = 1 - materialEffect;
        var top = GridPoints - 1;

        // NearMatch: the top segment without material help (relative error ≥ 1 − δ) is where substitutes stop being
        // useful; if it reaches material harm, the near-match band starts where the curve rises above the baseline on
        // the way to its first materially harmful point.
        var segmentStart = top;
        while (segmentStart > 0 && relative[segmentStart - 1] >= helpLevel) segmentStart--;
        if (relative[top] < helpLevel) segmentStart = GridPoints; // the top itself helps: no such segment
        var firstHarm = -1;
        for (var i = segmentStart; i <= top; i++)
            if (relative[i] > harmLevel) { firstHarm = i; break; }
        var harmFound = firstHarm >= 0;
        double nearMatch = harmFound ? Onset(grid, relative, firstHarm, materialEffect, rising: true) : 1;
        var harmStart = harmFound ? firstHarm : GridPoints;
        while (harmFound && harmStart > 0 && relative[harmStart - 1] > 1) harmStart--;

        // Distant: the first material benefit below the near-match band; the distant band ends where the curve drops
        // below the baseline on the way to it.
        var firstHelp = -1;
        for (var i = 0; i < harmStart; i++)
            if (relative[i] < helpLevel) { firstHelp = i; break; }
        var helpFound = firstHelp >= 0;
        var distant = helpFound ? Onset(grid, relative, firstHelp, materialEffect, rising: false) : nearMatch;

        // SimilarityBands needs distant < nearMatch; an empty moderate band keeps a token width.
        const double minimumWidth = 1e-3;
        if (!(distant < nearMatch - minimumWidth / 2))
        {
            if (nearMatch < minimumWidth) nearMatch = minimumWidth;
            distant = Math.Max(0, nearMatch - minimumWidth);
        }
        return new CurveEstimate(fit, low, high, baseline, reference, scale, Clamp01(nearMatch), Clamp01(distant), harmFound, helpFound);
    }

    /// <summary>Where a region that becomes material at grid point <paramref name="material"/> begins: the point where
    /// the curve leaves the baseline (relative error 1) on its way there. Two readings are combined: the last crossing
    /// of 1 before the material point, and the tangent at the crossing of 1 ± δ extended back to 1. When the curve
    /// crosses the baseline cleanly they agree; when it hovers at the baseline first (noise makes it cross and
    /// re-cross), the tangent keeps the threshold from running off along the hovering stretch. Below the observed
    /// range the curve is held flat, so a region that reaches the lowest observation starts at 0.</summary>
    private static double Onset(double[] grid, double[] relative, int material, double effect, bool rising)
    {
        var sign = rising ? 1.0 : -1.0;
        double Excess(int i) => sign * (relative[i] - 1); // > 0 inside the region

        var j = material;
        while (j > 0 && Excess(j - 1) > effect) j--;
        if (j == 0) return 0;
        var atEffect = Crossing(grid, relative, j - 1, 1 + sign * effect);
        var slope = (Excess(j) - Excess(j - 1)) / (grid[j] - grid[j - 1]);
        var tangent = slope > 0 ? atEffect - effect / slope : atEffect;

        var k = j;
        while (k > 0 && Excess(k - 1) > 0) k--;
        var crossing = k == 0 ? 0 : Crossing(grid, relative, k - 1, 1);
        return Math.Max(0, Math.Max(crossing, tangent));
    }

    /// <summary>Linear interpolation of where the curve crosses <paramref name="level"/> between grid points i and i+1.</summary>
    private static double Crossing(double[] grid, double[] values, int i, double level)
    {
        var a = values[i];
        var b = values[i + 1];
        var t = a == b ? 0.5 : (level - a) / (b - a);
        return grid[i] + Math.Min(1, Math.Max(0, t)) * (grid[i + 1] - grid[i]);
    }

    private static double Clamp01(double v) => Math.Min(1, Math.Max(0, v));
}
