using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PersonaAnalyzers.Cli.Plotting;

/// <summary>A small, dependency-free SVG line/point chart: series, horizontal reference lines and shaded x-ranges.
/// Deterministic output (invariant culture, fixed precision) so plots can be committed and diffed.</summary>
internal sealed class SvgPlot
{
    private const int Width = 760, Height = 440, Left = 70, Right = 190, Top = 40, Bottom = 55;
    private readonly List<Series> _series = new();
    private readonly List<(string Label, double Y, string Color)> _horizontals = new();
    private readonly List<(string Label, double From, double To, string Color)> _spans = new();

    public SvgPlot(string title, string xLabel, string yLabel)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    public string Title { get; }
    public string XLabel { get; }
    public string YLabel { get; }

    /// <summary>Adds a polyline (optionally dashed, optionally with point markers).</summary>
    public SvgPlot Line(string label, IEnumerable<(double X, double Y)> points, string color, bool dashed = false, bool markers = false)
    {
        _series.Add(new Series(label, points.Where(p => IsFinite(p.X) && IsFinite(p.Y)).ToArray(), color, dashed, markers, lines: true));
        return this;
    }

    /// <summary>Adds unconnected point markers.</summary>
    public SvgPlot Points(string label, IEnumerable<(double X, double Y)> points, string color)
    {
        _series.Add(new Series(label, points.Where(p => IsFinite(p.X) && IsFinite(p.Y)).ToArray(), color, false, true, lines: false));
        return this;
    }

    /// <summary>Adds a horizontal reference line across the plot.</summary>
    public SvgPlot Horizontal(string label, double y, string color)
    {
        if (IsFinite(y)) _horizontals.Add((label, y, color));
        return this;
    }

    /// <summary>Shades the x-range [from, to] (e.g. a band or a confidence interval).</summary>
    public SvgPlot Span(string label, double from, double to, string color)
    {
        if (IsFinite(from) && IsFinite(to) && to >= from) _spans.Add((label, from, to, color));
        return this;
    }

    public string Render()
    {
        var all = _series.SelectMany(s => s.Points).ToList();
        if (all.Count == 0) throw new InvalidOperationException("A plot needs at least one point.");
        double xMin = all.Min(p => p.X), xMax = all.Max(p => p.X);
        double yMin = all.Min(p => p.Y), yMax = all.Max(p => p.Y);
        foreach (var h in _horizontals) { yMin = Math.Min(yMin, h.Y); yMax = Math.Max(yMax, h.Y); }
        foreach (var s in _spans) { xMin = Math.Min(xMin, s.From); xMax = Math.Max(xMax, s.To); }
        if (xMax == xMin) { xMin -= 0.5; xMax += 0.5; }
        var pad = (yMax - yMin) * 0.08;
        if (pad == 0) pad = Math.Abs(yMax) * 0.05 + 0.01;
        yMin -= pad;
        yMax += pad;

        int plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double x) => Left + (x - xMin) / (xMax - xMin) * plotW;
        double Y(double y) => Top + (yMax - y) / (yMax - yMin) * plotH;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append($"  <rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append($"  <text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(Title)}</text>\n");

        foreach (var (label, from, to, color) in _spans)
            svg.Append($"  <rect x=\"{F(X(from))}\" y=\"{Top}\" width=\"{F(X(to) - X(from))}\" height=\"{plotH}\" fill=\"{color}\" fill-opacity=\"0.18\"><title>{Escape(label)}</title></rect>\n");

        // Axes with ticks.
        svg.Append($"  <g stroke=\"#444\" stroke-width=\"1\">\n");
        svg.Append($"    <line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Left + plotW}\" y2=\"{Top + plotH}\"/>\n");
        svg.Append($"    <line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\"/>\n");
        svg.Append("  </g>\n");
        foreach (var t in Ticks(xMin, xMax))
            svg.Append($"  <line x1=\"{F(X(t))}\" y1=\"{Top + plotH}\" x2=\"{F(X(t))}\" y2=\"{Top + plotH + 5}\" stroke=\"#444\"/><text x=\"{F(X(t))}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\">{Label(t)}</text>\n");
        foreach (var t in Ticks(yMin, yMax))
            svg.Append($"  <line x1=\"{Left - 5}\" y1=\"{F(Y(t))}\" x2=\"{Left}\" y2=\"{F(Y(t))}\" stroke=\"#444\"/><line x1=\"{Left}\" y1=\"{F(Y(t))}\" x2=\"{Left + plotW}\" y2=\"{F(Y(t))}\" stroke=\"#eee\"/><text x=\"{Left - 8}\" y=\"{F(Y(t) + 4)}\" text-anchor=\"end\">{Label(t)}</text>\n");
        svg.Append($"  <text x=\"{Left + plotW / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Escape(XLabel)}</text>\n");
        svg.Append($"  <text x=\"16\" y=\"{Top + plotH / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {Top + plotH / 2})\">{Escape(YLabel)}</text>\n");

        foreach (var (label, y, color) in _horizontals)
            svg.Append($"  <line x1=\"{Left}\" y1=\"{F(Y(y))}\" x2=\"{Left + plotW}\" y2=\"{F(Y(y))}\" stroke=\"{color}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"><title>{Escape(label)}</title></line>\n");

        foreach (var s in _series)
        {
            if (s.Lines && s.Points.Length > 1)
            {
                var path = string.Join(" ", s.Points.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
                svg.Append($"  <polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"{(s.Dashed ? " stroke-dasharray=\"6 4\"" : "")} points=\"{path}\"/>\n");
            }
            if (s.Markers)
                foreach (var p in s.Points)
                    svg.Append($"  <circle cx=\"{F(X(p.X))}\" cy=\"{F(Y(p.Y))}\" r=\"2.5\" fill=\"{s.Color}\"/>\n");
        }

        // Legend.
        var ly = Top + 6;
        var lx = Left + plotW + 14;
        foreach (var s in _series)
        {
            svg.Append($"  <line x1=\"{lx}\" y1=\"{ly}\" x2=\"{lx + 22}\" y2=\"{ly}\" stroke=\"{s.Color}\" stroke-width=\"{(s.Lines ? 2 : 0)}\"{(s.Dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");
            if (s.Markers) svg.Append($"<circle cx=\"{lx + 11}\" cy=\"{ly}\" r=\"2.5\" fill=\"{s.Color}\"/>");
            svg.Append($"<text x=\"{lx + 28}\" y=\"{ly + 4}\">{Escape(s.Label)}</text>\n");
            ly += 20;
        }
        foreach (var (label, _, color) in _horizontals)
        {
            svg.Append($"  <line x1=\"{lx}\" y1=\"{ly}\" x2=\"{lx + 22}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/><text x=\"{lx + 28}\" y=\"{ly + 4}\">{Escape(label)}</text>\n");
            ly += 20;
        }
        foreach (var (label, _, _, color) in _spans)
        {
            svg.Append($"  <rect x=\"{lx}\" y=\"{ly - 6}\" width=\"22\" height=\"12\" fill=\"{color}\" fill-opacity=\"0.18\"/><text x=\"{lx + 28}\" y=\"{ly + 4}\">{Escape(label)}</text>\n");
            ly += 20;
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static IEnumerable<double> Ticks(double min, double max)
    {
        var raw = (max - min) / 6;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 2.5, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        for (var t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step)
            yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
    }

    private static string Label(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private sealed class Series
    {
        public Series(string label, (double X, double Y)[] points, string color, bool dashed, bool markers, bool lines)
        {
            Label = label;
            Points = points;
            Color = color;
            Dashed = dashed;
            Markers = markers;
            Lines = lines;
        }

        public string Label { get; }
        public (double X, double Y)[] Points { get; }
        public string Color { get; }
        public bool Dashed { get; }
        public bool Markers { get; }
        public bool Lines { get; }
    }
}
