using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Configuration.PersonaTypeConfigurationAnalyzer,
    PersonaAnalyzers.CodeFixes.Configuration.PersonaConfigurationCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Configuration;

/// <summary>PERSONA103 (swap bands), PERSONA104 (weight 1), PERSONA106 (remove a second key).</summary>
public class ConfigurationFixTests
{
    private const string Usings = "using PersonaAnalyzers;\n\n";

    [Fact]
    public Task Swapped_bands_are_swapped_back() =>
        Verify.VerifyAsync(Usings + """
            [{|PERSONA103:PersonaProfile(NearMatch = 0.3, Distant = 0.6)|}]
            public class Listener { [PersonaFeature(SimilarityMetric.Categorical)] public int Genre; }
            """, Usings + """
            [PersonaProfile(NearMatch = 0.6, Distant = 0.3)]
            public class Listener { [PersonaFeature(SimilarityMetric.Categorical)] public int Genre; }
            """, "PERSONA103.SwapBands");

    [Fact]
    public Task Out_of_range_band_is_not_guessed() =>
        Verify.VerifyNotOfferedAsync(Usings + """
            [{|PERSONA103:PersonaProfile(NearMatch = 1.2)|}]
            public class Listener { [PersonaFeature(SimilarityMetric.Categorical)] public int Genre; }
            """, "PERSONA103.SwapBands");

    [Fact]
    public Task Non_positive_weights_become_1_with_fix_all() =>
        Verify.VerifyAsync(Usings + """
            [PersonaProfile]
            public class Listener
            {
                [{|PERSONA104:PersonaFeature(SimilarityMetric.Categorical, Weight = 0)|}] public int Genre;
                [{|PERSONA104:PersonaFeature(SimilarityMetric.Categorical, Weight = -2)|}] public int Mood;
            }
            """, Usings + """
            [PersonaProfile]
            public class Listener
            {
                [PersonaFeature(SimilarityMetric.Categorical, Weight = 1)] public int Genre;
                [PersonaFeature(SimilarityMetric.Categorical, Weight = 1)] public int Mood;
            }
            """, "PERSONA104.WeightOne", iterations: 2);

    [Fact]
    public Task Infinite_weight_is_not_guessed() =>
        Verify.VerifyNotOfferedAsync(Usings + """
            [PersonaProfile]
            public class Listener { [{|PERSONA104:PersonaFeature(SimilarityMetric.Categorical, Weight = double.PositiveInfinity)|}] public int Genre; }
            """, "PERSONA104.WeightOne");

    [Fact]
    public Task Second_key_loses_its_attribute() =>
        Verify.VerifyAsync(Usings + """
            [PersonaProfile]
            public class Listener
            {
                [PersonaKey] public string Id { get; set; } = "";
                [PersonaKey] public string {|PERSONA106:Email|} { get; set; } = "";
                [PersonaKey]
                public int {|PERSONA106:Number|} { get; set; }
                [PersonaFeature(SimilarityMetric.Categorical)] public int Genre;
            }
            """, Usings + """
            [PersonaProfile]
            public class Listener
            {
                [PersonaKey] public string Id { get; set; } = "";
                public string Email { get; set; } = "";
                public int Number { get; set; }
                [PersonaFeature(SimilarityMetric.Categorical)] public int Genre;
            }
            """, "PERSONA106.RemoveDuplicateKey", iterations: 2);
}
