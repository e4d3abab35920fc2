using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PersonaAnalyzers.Configuration;
using Verify = PersonaAnalyzers.Generator.Tests.Infrastructure.AnalyzerVerifier<PersonaAnalyzers.Configuration.BandsFileAnalyzer>;

namespace PersonaAnalyzers.Generator.Tests.Configuration;

/// <summary>PERSONA107: the bands file is checked with the runtime's own reader, and reported where it goes wrong.</summary>
public sealed class BandsFileAnalyzerTests
{
    private const string Source = "using PersonaAnalyzers;\n[PersonaProfile] public class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }";

    private static async Task Run(string path, string json, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(Source);
        test.TestState.AdditionalFiles.Add((path, json));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public Task A_valid_file_reports_nothing() => Run("/p/persona-bands.json", """
        { "nearMatch": 0.86, "distant": 0.41, "types": { "P": { "nearMatch": 0.9, "distant": 0.3 } }, "generatedBy": "persona calibrate" }
        """);

    [Fact]
    public Task Other_additional_files_are_ignored() => Run("/p/other.json", "not json at all");

    [Fact]
    public Task Bands_out_of_order_are_reported_at_the_value() => Run("/p/persona-bands.json", "{\n  \"nearMatch\": 0.3,\n  \"distant\": 0.6\n}",
        new DiagnosticResult(ConfigurationDescriptors.InvalidBandsFile).WithSpan("/p/persona-bands.json", 2, 16, 2, 16)
            .WithArguments("/p/persona-bands.json(2,16): 'nearMatch' (0.3) must be greater than 'distant' (0.6): the bands are out of order"));

    [Fact]
    public Task Malformed_json_is_reported_with_the_reader_s_message() => Run("/p/persona-bands.json", "{ \"nearMatch\": 0.9, }",
        new DiagnosticResult(ConfigurationDescriptors.InvalidBandsFile).WithSpan("/p/persona-bands.json", 1, 21, 1, 21)
            .WithArguments("/p/persona-bands.json(1,21): expected a property name in double quotes"));

    [Fact]
    public Task A_threshold_outside_zero_one_is_reported() => Run("/p/persona-bands.json", "{ \"nearMatch\": 1.5, \"distant\": 0.2 }",
        new DiagnosticResult(ConfigurationDescriptors.InvalidBandsFile).WithSpan("/p/persona-bands.json", 1, 16, 1, 16)
            .WithArguments("/p/persona-bands.json(1,16): 'nearMatch' is 1.5; it must lie in [0, 1]"));
}
