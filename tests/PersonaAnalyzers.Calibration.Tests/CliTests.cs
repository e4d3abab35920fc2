using System.Globalization;
using System.Text;
using System.Text.Json;
using PersonaAnalyzers.Simulation;

namespace PersonaAnalyzers.Calibration.Tests;

public class CliTests
{
    private static string UCurveCsv(int rows = 600, bool baseline = true)
    {
        var data = SyntheticCurve.Draw(s => 1 + 6 * (s - 0.3) * (s - 0.8), rows, 0.2, seed: 5, baselines: baseline ? 50 : 0, selves: 50);
        var sb = new StringBuilder("similarity,error,kind\n");
        foreach (var o in data)
        {
            var kind = o.Kind.ToString().ToLowerInvariant();
            sb.Append(o.Similarity.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(o.Error.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(kind).Append('\n');
        }
        return sb.ToString();
    }

    [Fact]
    public void Simulate_json_has_self_baseline_and_ranks_most_similar_first()
    {
        var run = CliRunner.Run("simulate", "--users", "40", "--seed", "3", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        var self = root.GetProperty("self").GetProperty("error").GetDouble();
        var baseline = root.GetProperty("baseline").GetProperty("error").GetDouble();
        var ranks = root.GetProperty("ranks").EnumerateArray().ToList();
        Assert.Equal(39, ranks.Count);
        Assert.Equal(1, ranks[0].GetProperty("rank").GetInt32());
        Assert.True(ranks[0].GetProperty("similarity").GetDouble() >= ranks[^1].GetProperty("similarity").GetDouble());
        Assert.True(self < baseline);
        Assert.All(ranks, r => Assert.True(r.TryGetProperty("guardedError", out _)));
    }

    [Fact]
    public void Simulate_table_prints_self_ranks_and_baseline_and_writes_the_plot()
    {
        using var dir = new TempDirectory();
        var plot = dir.File("forum.svg");
        var run = CliRunner.Run("simulate", "--users", "30", "--plot", plot);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Self", run.Console);
        Assert.Contains("rank 1 (nearest)", run.Console);
        Assert.Contains("no personalization", run.Console);
        var svg = File.ReadAllText(plot);
        Assert.StartsWith("<svg", svg);
        Assert.Contains("<polyline", svg);
    }

    [Fact]
    public void Calibrate_json_reports_bands_with_intervals_and_writes_the_bands_file()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("obs.csv", UCurveCsv());
        var bands = dir.File("persona-bands.json");
        var plot = dir.File("cal.svg");
        var run = CliRunner.Run("calibrate", csv, "--format", "json", "--out", bands, "--plot", plot, "--bootstrap", "50");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var nearMatch = doc.RootElement.GetProperty("nearMatch").GetDouble();
        var distant = doc.RootElement.GetProperty("distant").GetDouble();
        Assert.Equal(2, doc.RootElement.GetProperty("nearMatchInterval").GetArrayLength());
        Assert.Equal(2, doc.RootElement.GetProperty("distantInterval").GetArrayLength());
        var loaded = SimilarityBands.Load(bands);
        Assert.Equal(nearMatch, loaded.NearMatch);
        Assert.Equal(distant, loaded.Distant);
        Assert.StartsWith("<svg", File.ReadAllText(plot));
    }

    [Fact]
    public void Calibrate_table_names_the_thresholds()
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run("calibrate", dir.Write("obs.csv", UCurveCsv()), "--bootstrap", "30");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("NearMatch", run.Console);
        Assert.Contains("Distant", run.Console);
    }

    [Fact]
    public void Missing_file_is_one_line_naming_it_with_exit_code_2()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("nope.csv");
        var run = CliRunner.Run("calibrate", missing);
        AssertBadInput(run, missing);
    }

    [Theory]
    [InlineData("0.5,abc,substitute", "error 'abc' is not a finite number")]
    [InlineData("0.5", "expected 'similarity,error[,kind]'")]
    [InlineData("1.7,0.3", "outside [0, 1]")]
    [InlineData("0.5,0.3,neighbour", "kind 'neighbour'")]
    [InlineData("x,0.3", "similarity 'x' is not a number")]
    public void Malformed_row_names_file_and_line_and_writes_nothing(string badRow, string expected)
    {
        using var dir = new TempDirectory();
        var lines = UCurveCsv().Split('\n').ToList();
        lines.Insert(3, badRow); // becomes line 4
        var csv = dir.Write("obs.csv", string.Join("\n", lines));
        var bands = dir.File("persona-bands.json");
        var run = CliRunner.Run("calibrate", csv, "--out", bands);
        AssertBadInput(run, $"{csv}(4)");
        Assert.Contains(expected, run.Error);
        Assert.False(File.Exists(bands));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("calibrate", "--help")]
    [InlineData("simulate", "--help")]
    public void Help_prints_without_errors(params string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("USAGE", run.Console);
    }

    [Fact]
    public void Empty_file_is_bad_input()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("empty.csv", "similarity,error,kind\n\n# nothing yet\n");
        var run = CliRunner.Run("calibrate", csv);
        AssertBadInput(run, csv);
        Assert.Contains("no observations", run.Error);
    }

    [Fact]
    public void Too_few_rows_is_bad_input()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("obs.csv", "similarity,error,kind\n0.1,1,\n0.5,0.7\n0.9,1.2\n,1,baseline\n");
        var run = CliRunner.Run("calibrate", csv);
        AssertBadInput(run, csv);
        Assert.Contains("at least 30", run.Error);
    }

    [Fact]
    public void No_baseline_rows_is_bad_input_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("obs.csv", UCurveCsv(baseline: false));
        var plot = dir.File("cal.svg");
        var run = CliRunner.Run("calibrate", csv, "--plot", plot);
        AssertBadInput(run, csv);
        Assert.Contains("baseline", run.Error);
        Assert.False(File.Exists(plot));
    }

    [Theory]
    [InlineData("calibrate", "obs.csv", "--frobnicate")]
    [InlineData("simulate", "--users", "many")]
    [InlineData("simulate", "--users", "3")]
    [InlineData("simulate", "--format", "xml")]
    public void Bad_options_are_one_line_with_exit_code_2(params string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("persona: ", run.Error);
    }

    [Fact]
    public void Simulate_observations_feed_calibrate()
    {
        using var dir = new TempDirectory();
        var csv = dir.File("sim.csv");
        Assert.Equal(0, CliRunner.Run("simulate", "--users", "40", "--format", "json", "--observations", csv).ExitCode);
        var run = CliRunner.Run("calibrate", csv, "--format", "json", "--bootstrap", "30");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("hasNearMatchRegion").GetBoolean());
    }

    [Fact]
    public void Default_bands_and_curve_are_what_the_documented_calibration_reproduces()
    {
        // docs/calibration.md: persona simulate --observations forum.csv && persona calibrate forum.csv --out persona-bands.json
        var forum = ForumSimulator.Run(new ForumOptions());
        var c = RiskCalibrator.Calibrate(forum.Observations);
        Assert.True(c.NearMatchInterval.Contains(SimilarityBands.Default.NearMatch),
            $"default NearMatch {SimilarityBands.Default.NearMatch} is outside the re-calibrated interval {c.NearMatchInterval}");
        Assert.True(c.DistantInterval.Contains(SimilarityBands.Default.Distant),
            $"default Distant {SimilarityBands.Default.Distant} is outside the re-calibrated interval {c.DistantInterval}");
        var curve = c.ToRiskCurve();
        foreach (var s in new[] { 0.05, 0.2, 0.5, 0.8 })
            Assert.Equal(curve.ExpectedRelativeError(s), RiskCurve.Default.ExpectedRelativeError(s), tolerance: 0.01);
    }

    private static void AssertBadInput(CliRunner run, string mustName)
    {
        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains(mustName, lines[0]);
        Assert.Equal("", run.Out);
    }
}
