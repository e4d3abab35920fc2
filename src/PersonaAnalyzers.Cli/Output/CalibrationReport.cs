using System.Globalization;
using System.Linq;
using System.Text.Json;
using PersonaAnalyzers.Cli.Plotting;
using Spectre.Console;

namespace PersonaAnalyzers.Cli.Output;

/// <summary>Renders a <see cref="RiskCalibration"/> as a table, JSON or an SVG plot.</summary>
internal static class CalibrationReport
{
    private const int CurvePoints = 21;

    public static string Json(RiskCalibration c)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("nearMatch", c.Bands.NearMatch);
            json.WriteNumber("distant", c.Bands.Distant);
            Interval(json, "nearMatchInterval", c.NearMatchInterval);
            Interval(json, "distantInterval", c.DistantInterval);
            json.WriteNumber("level", c.NearMatchInterval.Level);
            json.WriteBoolean("hasNearMatchRegion", c.HasNearMatchRegion);
            json.WriteBoolean("hasModerateBand", c.HasModerateBand);
            json.WriteNumber("baselineError", c.BaselineError);
            if (c.SelfError is { } self) json.WriteNumber("selfError", self);
            else json.WriteNull("selfError");
            json.WriteNumber("splineKnots", c.SplineKnots);
            json.WriteNumber("materialEffect", c.MaterialEffect);
            json.WriteStartObject("observations");
            json.WriteNumber("substitute", c.SubstituteCount);
            json.WriteNumber("baseline", c.BaselineCount);
            json.WriteNumber("self", c.SelfCount);
            json.WriteNumber("bootstrapSamples", c.BootstrapSamples);
            json.WriteEndObject();
            json.WriteStartArray("curve");
            for (var i = 0; i < CurvePoints; i++)
            {
                var s = (double)i / (CurvePoints - 1);
                json.WriteStartObject();
                json.WriteNumber("similarity", s);
                json.WriteNumber("error", c.ExpectedError(s));
                json.WriteNumber("relativeError", c.ExpectedRelativeError(s));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("bins");
            foreach (var b in c.BinnedMeans.Where(b => b.Count > 0))
            {
                json.WriteStartObject();
                json.WriteNumber("from", b.Lower);
                json.WriteNumber("to", b.Upper);
                json.WriteNumber("count", b.Count);
                json.WriteNumber("meanError", b.Mean);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static void Table(IAnsiConsole console, RiskCalibration c, string source)
    {
        var level = c.NearMatchInterval.Level.ToString("0.#%", CultureInfo.InvariantCulture);
        var bands = new Table().Title($"Calibrated bands from {Markup.Escape(source)}")
            .AddColumn("threshold").AddColumn(new TableColumn("estimate").RightAligned())
            .AddColumn(new TableColumn($"{level} bootstrap interval").RightAligned()).AddColumn("meaning");
        bands.AddRow("NearMatch", N(c.Bands.NearMatch), Markup.Escape(I(c.NearMatchInterval)),
            c.HasNearMatchRegion ? "substitutes at or above it do worse than no personalization" : "no harm region observed (set to 1)");
        bands.AddRow("Distant", N(c.Bands.Distant), Markup.Escape(I(c.DistantInterval)),
            c.HasModerateBand ? "substitutes at or below it no longer help" : "no similarity beats no personalization: no safe band");
        bands.Caption($"{c.SubstituteCount} substitute, {c.BaselineCount} baseline, {c.SelfCount} self observations; "
            + $"restricted cubic spline with {c.SplineKnots} knots; {c.BootstrapSamples} resamples.");
        console.Write(bands);

        var curve = new Table().Title("Error by similarity")
            .AddColumn("similarity").AddColumn(new TableColumn("observations").RightAligned())
            .AddColumn(new TableColumn("mean error").RightAligned()).AddColumn(new TableColumn("fitted").RightAligned())
            .AddColumn(new TableColumn("relative").RightAligned()).AddColumn("band");
        foreach (var b in c.BinnedMeans.Where(b => b.Count > 0))
        {
            var center = b.Center;
            var rel = c.ExpectedRelativeError(center);
            curve.AddRow($"{N(b.Lower)}–{N(b.Upper)}", b.Count.ToString(CultureInfo.InvariantCulture), N(b.Mean),
                N(c.ExpectedError(center)), rel > 1 ? $"[red]{N(rel)}[/]" : N(rel), c.Bands.Classify(center).ToString());
        }
        curve.Caption($"Baseline (no personalization) {N(c.BaselineError)}; " + (c.SelfError is { } s ? $"self {N(s)}" : "no self observations")
            + ". Relative error: 0 = own profile, 1 = no personalization.");
        console.Write(curve);
    }

    public static string Plot(RiskCalibration c, string source)
    {
        var plot = new SvgPlot($"Risk calibration: {source}", "similarity to the target", "error");
        var curve = Enumerable.Range(0, 101).Select(i => i / 100.0)
            .Where(s => s >= c.MinSimilarity && s <= c.MaxSimilarity).Select(s => (s, c.ExpectedError(s)));
        plot.Span($"Distant ≤ {N(c.Bands.Distant)}", 0, c.Bands.Distant, "#1f77b4")
            .Span($"NearMatch ≥ {N(c.Bands.NearMatch)}", c.Bands.NearMatch, 1, "#d62728")
            .Span($"NearMatch {I(c.NearMatchInterval)}", c.NearMatchInterval.Lower, c.NearMatchInterval.Upper, "#ff7f0e")
            .Points("binned mean error", c.BinnedMeans.Where(b => b.Count > 0).Select(b => (b.Center, b.Mean)), "#555555")
            .Line("fitted curve", curve, "#d62728")
            .Horizontal("no personalization", c.BaselineError, "#1f77b4");
        if (c.SelfError is { } self) plot.Horizontal("Self (own profile)", self, "#000000");
        return plot.Render();
    }

    private static void Interval(Utf8JsonWriter json, string name, ConfidenceInterval interval)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(interval.Lower);
        json.WriteNumberValue(interval.Upper);
        json.WriteEndArray();
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string I(ConfidenceInterval i) => $"[{N(i.Lower)}, {N(i.Upper)}]";
}
