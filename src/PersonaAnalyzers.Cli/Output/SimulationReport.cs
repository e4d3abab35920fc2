using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PersonaAnalyzers.Cli.Plotting;
using PersonaAnalyzers.Simulation;
using Spectre.Console;

namespace PersonaAnalyzers.Cli.Output;

/// <summary>Renders a <see cref="ForumResult"/> as a table, JSON or an SVG plot.</summary>
internal static class SimulationReport
{
    private const int MaxTableRanks = 24;

    public static string Json(ForumResult result)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("users", result.Options.Users);
            json.WriteNumber("seed", result.Options.Seed);
            json.WriteNumber("rho", result.Options.Rho);
            json.WriteStartObject("self");
            json.WriteNumber("error", result.SelfError);
            json.WriteEndObject();
            json.WriteStartObject("baseline");
            json.WriteNumber("error", result.BaselineError);
            json.WriteEndObject();
            json.WriteStartArray("ranks");
            foreach (var r in result.Ranks)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", r.Rank);
                json.WriteNumber("similarity", r.Similarity);
                json.WriteNumber("error", r.Error);
                json.WriteNumber("guardedError", r.GuardedError);
                json.WriteNumber("safeShare", r.SafeShare);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static void Table(IAnsiConsole console, ForumResult result, SubstitutionPolicy policy)
    {
        var o = result.Options;
        var table = new Table()
            .Title($"Simulated persuasion forum: {o.Users} users, seed {o.Seed}, ρ = {o.Rho.ToString("0.##", CultureInfo.InvariantCulture)}")
            .AddColumn("profile")
            .AddColumn(new TableColumn("similarity").RightAligned())
            .AddColumn(new TableColumn("log-loss").RightAligned())
            .AddColumn(new TableColumn("Δ baseline").RightAligned())
            .AddColumn(new TableColumn("guarded").RightAligned())
            .AddColumn(new TableColumn("allowed").RightAligned());
        table.AddRow("[green]Self[/]", "", N(result.SelfError), Delta(result.SelfError, result.BaselineError), N(result.SelfError), "");
        foreach (var r in Shown(result.Ranks))
        {
            var name = r.Rank == 1 ? "rank 1 (nearest)" : $"rank {r.Rank}";
            table.AddRow(name, N(r.Similarity), Colour(r.Error, result.BaselineError), Delta(r.Error, result.BaselineError),
                N(r.GuardedError), r.SafeShare.ToString("0%", CultureInfo.InvariantCulture));
        }
        table.AddRow("[blue]no personalization[/]", "", N(result.BaselineError), "", N(result.BaselineError), "");
        table.Caption($"Mean log-loss on each target's held-out outcomes (lower is better); rank 1 = most similar replacement. Guarded: {Markup.Escape(policy.Bands.ToString())}; allowed = share of targets for which the guard applied the substitute."
            + (result.Ranks.Count > MaxTableRanks ? " Some ranks omitted; --format json lists all." : ""));
        console.Write(table);
    }

    public static string Plot(ForumResult result)
    {
        var plot = new SvgPlot($"Error by similarity rank ({result.Options.Users} users, seed {result.Options.Seed}, ρ = {result.Options.Rho.ToString("0.##", CultureInfo.InvariantCulture)})",
            "similarity rank of the replacement (1 = most similar)", "log-loss on the target's held-out outcomes");
        plot.Line("substitute, unguarded", result.Ranks.Select(r => ((double)r.Rank, r.Error)), "#d62728", markers: true)
            .Line("substitute, guarded", result.Ranks.Select(r => ((double)r.Rank, r.GuardedError)), "#2ca02c", dashed: true)
            .Horizontal("no personalization", result.BaselineError, "#1f77b4")
            .Horizontal("Self (own profile)", result.SelfError, "#000000");
        return plot.Render();
    }

    /// <summary>The first ten ranks, then evenly spaced ones, then the last: the table stays readable for big pools.</summary>
    private static IEnumerable<RankResult> Shown(IReadOnlyList<RankResult> ranks)
    {
        if (ranks.Count <= MaxTableRanks) return ranks;
        var chosen = new SortedSet<int>();
        for (var i = 0; i < 10; i++) chosen.Add(i);
        var rest = MaxTableRanks - 11;
        for (var k = 1; k <= rest; k++) chosen.Add(10 + (int)((long)k * (ranks.Count - 11) / (rest + 1)));
        chosen.Add(ranks.Count - 1);
        return chosen.Select(i => ranks[i]);
    }

    private static string N(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Delta(double v, double baseline)
    {
        var d = (v - baseline) / baseline;
        var text = d.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);
        return d > 0.005 ? $"[red]{text}[/]" : d < -0.005 ? $"[green]{text}[/]" : text;
    }

    private static string Colour(double v, double baseline) => v > baseline ? $"[red]{N(v)}[/]" : N(v);
}
