using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Bands;

/// <summary>Reading and writing <c>persona-bands.json</c> through <see cref="SimilarityBands"/>.</summary>
public class BandsFileTests
{
    [Fact]
    public void Written_bands_read_back_exactly() =>
        Gen.Select(Gen.Double.Unit, Gen.Double.Unit).Where(t => t.Item1 != t.Item2).Sample((x, y) =>
        {
            var bands = new SimilarityBands(Math.Max(x, y), Math.Min(x, y));
            Assert.Equal(bands, SimilarityBands.Parse(bands.ToJson()));
        });

    [Fact]
    public void Save_and_Load_round_trip_through_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"persona-bands-{Guid.NewGuid():N}.json");
        try
        {
            var bands = new SimilarityBands(0.875, 0.3125);
            bands.Save(path);
            Assert.Equal(bands, SimilarityBands.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_full_calibration_file_reads_its_global_and_per_type_bands()
    {
        const string json = """
            {
              "nearMatch": 0.86, "distant": 0.41,
              "nearMatchInterval": [0.83, 0.89], "distantInterval": [0.35, 0.47],
              "types": { "Contoso.ReaderProfile": { "nearMatch": 0.9, "distant": 0.4 } },
              "generatedBy": "persona calibrate", "seed": 42, "extra": { "nested": [1, true, null, "x\u00e9"] }
            }
            """;
        Assert.Equal(new SimilarityBands(0.86, 0.41), SimilarityBands.Parse(json));
        Assert.Equal(new SimilarityBands(0.9, 0.4), SimilarityBands.Parse(json, "Contoso.ReaderProfile"));
        Assert.Equal(new SimilarityBands(0.86, 0.41), SimilarityBands.Parse(json, "Contoso.Other"));
    }

    [Fact]
    public void A_types_only_file_has_no_global_bands()
    {
        const string json = """{ "types": { "A.B": { "nearMatch": 0.9, "distant": 0.1 } } }""";
        Assert.Equal(new SimilarityBands(0.9, 0.1), SimilarityBands.Parse(json, "A.B"));
        Assert.Contains("no global", Assert.Throws<FormatException>(() => SimilarityBands.Parse(json)).Message, StringComparison.Ordinal);
        Assert.Contains("'A.C'", Assert.Throws<FormatException>(() => SimilarityBands.Parse(json, "A.C")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "(1,1)", "empty")]
    [InlineData("[0.8, 0.3]", "(1,1)", "JSON object")]
    [InlineData("{\n  \"nearMatch\": 0.8,\n  \"distant\": 0.3,\n}", "(4,1)", "property name")]
    [InlineData("{ \"nearMatch\": 0.8 }", "(1,1)", "no 'distant'")]
    [InlineData("{ \"distant\": 0.3 }", "(1,1)", "no 'nearMatch'")]
    [InlineData("{ \"nearMatch\": 0.3,\n \"distant\": 0.8 }", "(1,16)", "out of order")]
    [InlineData("{ \"nearMatch\": 1.5, \"distant\": 0.3 }", "(1,16)", "1.5")]
    [InlineData("{ \"nearMatch\": \"0.8\", \"distant\": 0.3 }", "(1,16)", "must be a number")]
    [InlineData("{ \"nearMatch\": 0.8, \"distant\": -0.2 }", "(1,32)", "-0.2")]
    [InlineData("{ \"nearMatch\": 1e999, \"distant\": 0.3 }", "(1,16)", "not a valid number")]
    [InlineData("{ \"nearMatch\": 0.8, \"nearMatch\": 0.9, \"distant\": 0.3 }", "", "twice")]
    [InlineData("{ \"nearMatch\": 0.8, \"distant\": 0.3 } x", "(1,38)", "after the end")]
    [InlineData("{ \"nearMatch\": 0.8, \"distant\": 0.3", "", "expected ',' or '}'")]
    [InlineData("{ \"nearMatch\": NaN, \"distant\": 0.3 }", "(1,16)", "unexpected 'N'")]
    [InlineData("{ \"nearMatch\": 0.8, \"distant\": 0.3, \"nearMatchInterval\": [0.9, 0.7] }", "", "low end is above")]
    [InlineData("{ \"nearMatch\": 0.8, \"distant\": 0.3, \"distantInterval\": [0.2] }", "", "two numbers")]
    [InlineData("{ \"nearMatch\": 0.8, \"distant\": 0.3, \"distantInterval\": [-0.2, 0.4] }", "(1,56)", "must lie in [0, 1]")]
    [InlineData("{ \"types\": { \"A.B\": 0.8 } }", "", "'types.A.B' must be an object")]
    [InlineData("{ \"types\": [] }", "", "'types' must be an object")]
    [InlineData("{ }", "(1,1)", "found neither")]
    [InlineData("{ \"nearMatch\": 0.8, \"distant\": 0.3, \"note\": \"unterminated }", "", "unterminated string")]
    public void Malformed_files_throw_FormatException_naming_the_file_the_place_and_the_problem(string json, string place, string problem)
    {
        var e = Assert.Throws<FormatException>(() => SimilarityBands.Parse(json, source: "bands/test.json"));
        Assert.StartsWith("bands/test.json(", e.Message, StringComparison.Ordinal);
        Assert.Contains("bands/test.json" + place, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_rejected_without_a_stack_overflow()
    {
        var json = "{ \"x\": " + new string('[', 10_000) + new string(']', 10_000) + ", \"nearMatch\": 0.8, \"distant\": 0.3 }";
        Assert.Contains("nested", Assert.Throws<FormatException>(() => SimilarityBands.Parse(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_of_a_missing_file_throws_FileNotFoundException_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");
        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => SimilarityBands.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_names_the_file_path_in_format_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"persona-bands-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, "{ \"nearMatch\": 0.2, \"distant\": 0.4 }");
            Assert.StartsWith(path + "(1,", Assert.Throws<FormatException>(() => SimilarityBands.Load(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
