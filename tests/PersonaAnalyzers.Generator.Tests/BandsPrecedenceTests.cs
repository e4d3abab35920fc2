using System.Collections.Generic;
using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests;

/// <summary>Where a guard's bands come from: [PersonaProfile] arguments, then persona-bands.json (the type's entry,
/// then the global one), then the persona_analyzers options, then the default — each threshold independently.</summary>
public sealed class BandsPrecedenceTests
{
    private static string Profile(string attributeArguments = "", string name = "Reader") => $$"""
        using PersonaAnalyzers;
        namespace Bands
        {
            [PersonaProfile{{attributeArguments}}]
            public sealed class {{name}} { [PersonaFeature(SimilarityMetric.Categorical)] public string? Country { get; set; } }
            public static class Outer
            {
                [PersonaProfile] public sealed class Inner { [PersonaFeature(SimilarityMetric.Categorical)] public string? Country { get; set; } }
            }
        }
        """;

    private static InMemoryAdditionalText File(string json) => new("/project/persona-bands.json", json);

    private static readonly Dictionary<string, string> Options = new()
    {
        ["persona_analyzers.near_match"] = "0.8",
        ["persona_analyzers.distant"] = "0.3",
    };

    private static SimilarityBands Bands(string source, InMemoryAdditionalText? file = null, IReadOnlyDictionary<string, string>? options = null, string guard = "Bands.ReaderGuard") =>
        GeneratedGuards.Compile(source, file is null ? null : new[] { file }, options).Static<SimilarityBands>(guard, "Bands");

    [Fact]
    public void Attribute_arguments_win_over_everything()
    {
        var bands = Bands(Profile("(NearMatch = 0.9, Distant = 0.4)"), File("""{ "nearMatch": 0.7, "distant": 0.2 }"""), Options);
        Assert.Equal(new SimilarityBands(0.9, 0.4), bands);
    }

    [Fact]
    public void The_bands_file_wins_over_options_and_a_type_entry_over_the_global_one()
    {
        var json = """{ "nearMatch": 0.7, "distant": 0.2, "types": { "Bands.Reader": { "nearMatch": 0.95, "distant": 0.5 }, "Bands.Outer+Inner": { "nearMatch": 0.75, "distant": 0.25 } } }""";
        Assert.Equal(new SimilarityBands(0.95, 0.5), Bands(Profile(), File(json), Options));
        Assert.Equal(new SimilarityBands(0.75, 0.25), Bands(Profile(), File(json), Options, "Bands.OuterInnerGuard"));
        Assert.Equal(new SimilarityBands(0.7, 0.2), Bands(Profile(name: "Other"), File(json), Options, "Bands.OtherGuard"));
    }

    [Fact]
    public void A_bands_file_of_another_name_counts_when_marked()
    {
        var marked = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.PersonaBandsFile"] = "true" };
        var file = new InMemoryAdditionalText("/project/calibration/bands.json", """{ "nearMatch": 0.7, "distant": 0.2 }""");
        Assert.Equal(new SimilarityBands(0.7, 0.2), GeneratedGuards.Compile(Profile(), new[] { file }, marked).Static<SimilarityBands>("Bands.ReaderGuard", "Bands"));
        Assert.Same(SimilarityBands.Default, GeneratedGuards.Compile(Profile(), new[] { file }).Static<SimilarityBands>("Bands.ReaderGuard", "Bands"));
    }

    [Fact]
    public void Options_apply_without_a_file_and_the_default_without_options()
    {
        Assert.Equal(new SimilarityBands(0.8, 0.3), Bands(Profile(), options: Options));
        Assert.Same(SimilarityBands.Default, Bands(Profile()));
    }

    [Fact]
    public void MsBuild_properties_stand_in_for_the_options()
    {
        var properties = new Dictionary<string, string> { ["build_property.PersonaAnalyzersNearMatch"] = "0.88" };
        Assert.Equal(new SimilarityBands(0.88, SimilarityBands.Default.Distant), Bands(Profile(), options: properties));
    }

    [Fact]
    public void Each_threshold_comes_from_the_first_source_that_sets_it()
    {
        Assert.Equal(new SimilarityBands(0.9, 0.2), Bands(Profile("(NearMatch = 0.9)"), File("""{ "nearMatch": 0.7, "distant": 0.2 }""")));
        Assert.Equal(new SimilarityBands(0.8, 0.1), Bands(Profile("(Distant = 0.1)"), options: Options));
    }

    [Fact]
    public void An_invalid_bands_file_is_skipped_for_the_next_source()
    {
        // PERSONA107 (a warning) tells the user; the guard still compiles with the options' bands.
        Assert.Equal(new SimilarityBands(0.8, 0.3), Bands(Profile(), File("""{ "nearMatch": 0.2, "distant": 0.7 }"""), Options));
    }

    [Theory]
    [InlineData("0.3", "0.8")]   // out of order
    [InlineData("1.5", "0.3")]   // outside [0, 1]
    [InlineData("NaN", "0.3")]
    [InlineData("high", "0.3")]
    public void Invalid_options_generate_no_guard(string near, string distant)
    {
        var options = new Dictionary<string, string> { ["persona_analyzers.near_match"] = near, ["persona_analyzers.distant"] = distant };
        var run = GeneratorRun.Run(Profile(), options: options).AssertCompilesCleanly();
        Assert.DoesNotContain("Bands.ReaderGuard.g.cs", run.Generated.Keys);
    }

    [Fact]
    public void The_generator_and_the_runtime_share_the_default_thresholds()
    {
        Assert.Equal(PersonaAnalyzers.Generator.Reading.BandsRules.DefaultNearMatch, SimilarityBands.Default.NearMatch);
        Assert.Equal(PersonaAnalyzers.Generator.Reading.BandsRules.DefaultDistant, SimilarityBands.Default.Distant);
    }
}
