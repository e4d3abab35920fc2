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

    /// <summary>Whether substitutes do material harm at the top of the observed range.</summary>
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

        // NearMatch: where the top run of material harm begins (1 when the top of the range does no harm).
        double harmLevel = 1 + materialEffect, helpLevel = 1 - materialEffect;
        var top = GridPoints - 1;
        bool harmFound = relative[top] > harmLevel;
        double nearMatch;
        int firstHarm = GridPoints;
        if (!harmFound) nearMatch = 1;
        else
        {
            firstHarm = top;
            while (firstHarm > 0 && relative[firstHarm - 1] > harmLevel) firstHarm--;
            nearMatch = firstHarm == 0 ? low : Crossing(grid, relative, firstHarm - 1, harmLevel);
        }

        // Distant: where the bottom run without material help ends, below the near-match region.
        var lastNoHelp = -1;
        while (lastNoHelp + 1 < firstHarm && !(relative[lastNoHelp + 1] < helpLevel)) lastNoHelp++;
        var helpFound = lastNoHelp + 1 < firstHarm;
        double distant;
        if (lastNoHelp < 0) distant = low;
        else if (helpFound) distant = Crossing(grid, relative, lastNoHelp, helpLevel);
        else distant = nearMatch; // no moderate band: nothing between "no help" and "harm"

        // SimilarityBands needs distant < nearMatch; an empty moderate band keeps a token width.
        const double minimumWidth = 1e-3;
        if (!(distant < nearMatch - minimumWidth / 2))
        {
            if (nearMatch < minimumWidth) nearMatch = minimumWidth;
            distant = Math.Max(0, nearMatch - minimumWidth);
        }
        return new CurveEstimate(fit, low, high, baseline, reference, scale, Clamp01(nearMatch), Clamp01(distant), harmFound, helpFound);
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
