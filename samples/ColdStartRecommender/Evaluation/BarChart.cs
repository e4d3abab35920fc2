using System.Globalization;
using System.Text;

namespace ColdStartRecommender.Evaluation;

/// <summary>Writes the evaluation as a small SVG bar chart: mean held-out log-loss per strategy.</summary>
public static class BarChart
{
    public static string Render(EvaluationResult result)
    {
        var bars = new (string Label, double Value, string Color)[]
        {
            ("own profile (Self)", result.Self, "#2e7d32"),
            ("no personalization", result.NoPersonalization, "#757575"),
            ("nearest neighbour", result.Risky, "#c62828"),
            ("guarded substitute", result.Guarded, "#1565c0"),
        };
        const int width = 640, height = 360, left = 70, bottom = 60, top = 50, barWidth = 90, gap = 50;
        var max = bars.Max(b => b.Value) * 1.15;
        var plotHeight = height - top - bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">Cold-start readers: held-out log-loss by strategy (lower is better)</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 20}\" y2=\"{height - bottom}\" stroke=\"black\"/>\n");
        for (var i = 0; i < bars.Length; i++)
        {
            var (label, value, color) = bars[i];
            var x = left + gap / 2 + i * (barWidth + gap);
            var h = value / max * plotHeight;
            var y = height - bottom - h;
            svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{x}\" y=\"{y:0.0}\" width=\"{barWidth}\" height=\"{h:0.0}\" fill=\"{color}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{x + barWidth / 2}\" y=\"{y - 6:0.0}\" text-anchor=\"middle\">{value:0.0000}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{x + barWidth / 2}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{label}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
