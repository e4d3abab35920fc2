using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PersonaAnalyzers.Configuration;
using PersonaAnalyzers.Generator.Tests.Infrastructure;
using Verify = PersonaAnalyzers.Generator.Tests.Infrastructure.AnalyzerVerifier<PersonaAnalyzers.Configuration.PersonaTypeConfigurationAnalyzer>;

namespace PersonaAnalyzers.Generator.Tests.Configuration;

/// <summary>PERSONA101–106 and 108, positives and negatives.</summary>
public sealed class PersonaTypeConfigurationAnalyzerTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing PersonaAnalyzers;\n";

    [Fact]
    public Task A_valid_profile_reports_nothing() => Verify.VerifyAsync(Usings + Samples.ReaderProfile.Replace("using System.Collections.Generic;\nusing PersonaAnalyzers;\n", ""));

    [Fact]
    public Task Types_without_PersonaProfile_are_not_checked() => Verify.VerifyAsync(Usings + """
        public class NotAPersona { [PersonaFeature(SimilarityMetric.Cosine)] public string? X { get; set; } }
        """);

    [Fact]
    public Task PERSONA101_no_features() => Verify.VerifyAsync(Usings + """
        [PersonaProfile] public class {|#0:Empty|} { [PersonaKey] public string Id { get; set; } = ""; public float[]? Embedding { get; set; } }
        """, new DiagnosticResult(ConfigurationDescriptors.NoFeatures).WithLocation(0).WithArguments("Empty"));

    [Fact]
    public Task PERSONA102_a_type_the_metric_cannot_compare() => Verify.VerifyAsync(Usings + """
        [PersonaProfile] public class P
        {
            [PersonaFeature(SimilarityMetric.Cosine)] public string? {|#0:Bio|} { get; set; }
            [PersonaFeature(SimilarityMetric.Jaccard)] public string? {|#1:Name|} { get; set; }
            [PersonaFeature(SimilarityMetric.Pearson)] public Dictionary<string, int>? {|#2:Counts|} { get; set; }
            [PersonaFeature(SimilarityMetric.Categorical)] public double {|#3:Score|} { get; set; }
            [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public string? {|#4:Age|} { get; set; }
            [PersonaFeature(SimilarityMetric.JensenShannon)] public List<double>? {|#5:Mix|} { get; set; }
            [PersonaFeature(SimilarityMetric.Categorical)] public bool Ok { get; set; }
        }
        """,
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(0).WithArguments("[PersonaFeature(Cosine)]", "Bio",
            "Cosine cannot compare its type string?; Cosine takes float[], double[], ReadOnlyMemory<float|double>, Memory<float|double>, ImmutableArray<float|double>, or an IReadOnlyList<float|double> such as List<float>"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(1).WithArguments("[PersonaFeature(Jaccard)]", "Name",
            "Jaccard cannot compare its type string?; Jaccard takes an array, ReadOnlyMemory<T>, ImmutableArray<T>, or a collection such as HashSet<T>, ISet<T>, IReadOnlySet<T> or List<T> (a string is not a set: use Categorical)"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(2).WithArguments("[PersonaFeature(Pearson)]", "Counts",
            "Pearson cannot compare its type Dictionary<string, int>?; Pearson takes a rating map IReadOnlyDictionary<TKey, double> such as Dictionary<TKey, double>"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(3).WithArguments("[PersonaFeature(Categorical)]", "Score",
            "Categorical cannot compare its type double; Categorical takes string, bool, char, an enum or an integer type, or a nullable one of these"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(4).WithArguments("[PersonaFeature(Gaussian)]", "Age",
            "Gaussian cannot compare its type string?; Gaussian takes a number (an integer type, float, double or decimal), or a nullable one"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(5).WithArguments("[PersonaFeature(JensenShannon)]", "Mix",
            "JensenShannon cannot compare its type List<double>?; JensenShannon takes double[], float[], ReadOnlyMemory<double|float>, ImmutableArray<double|float>, or a distribution IReadOnlyDictionary<TKey, double>"));

    [Fact]
    public Task PERSONA102_members_the_guard_cannot_read() => Verify.VerifyAsync(Usings + """
        [PersonaProfile] public class P
        {
            [PersonaKey] private string {|#0:id|} = "";
            [PersonaFeature(SimilarityMetric.Categorical)] private int {|#1:tier|};
            [PersonaFeature(SimilarityMetric.Categorical)] public static int {|#2:Shared|} { get; set; }
            [PersonaFeature(SimilarityMetric.Categorical)] public int {|#3:Hidden|} { private get; set; }
            [PersonaFeature(SimilarityMetric.Categorical)] public bool Ok { get; set; }
            public string Describe() => id + tier;
        }
        """,
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(0).WithArguments("[PersonaKey]", "id",
            "it is private, and the generated guard can only read public or internal members; make it internal or public"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(1).WithArguments("[PersonaFeature(Categorical)]", "tier",
            "it is private, and the generated guard can only read public or internal members; make it internal or public"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(2).WithArguments("[PersonaFeature(Categorical)]", "Shared",
            "it is static; a persona member belongs to each profile instance"),
        new DiagnosticResult(ConfigurationDescriptors.UnsupportedMember).WithLocation(3).WithArguments("[PersonaFeature(Categorical)]", "Hidden",
            "its getter is not public or internal, so the generated guard cannot read it; make the getter internal or public"));

    [Fact]
    public Task PERSONA103_attribute_bands_out_of_order_or_out_of_range() => Verify.VerifyAsync(Usings + """
        [{|#0:PersonaProfile(NearMatch = 0.3, Distant = 0.6)|}] public class A { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        [{|#1:PersonaProfile(NearMatch = 1.2)|}] public class B { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        [{|#2:PersonaProfile(Distant = -0.1)|}] public class C { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        [{|#3:PersonaProfile(NearMatch = 0)|}] public class D { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        [PersonaProfile(NearMatch = 0.9, Distant = 0.1)] public class Fine { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        """,
        new DiagnosticResult(ConfigurationDescriptors.InvalidBands).WithLocation(0).WithArguments("A", "Distant (0.6) must be below NearMatch (0.3); the bands are out of order"),
        new DiagnosticResult(ConfigurationDescriptors.InvalidBands).WithLocation(1).WithArguments("B", "NearMatch is 1.2; it must lie in [0, 1]"),
        new DiagnosticResult(ConfigurationDescriptors.InvalidBands).WithLocation(2).WithArguments("C", "Distant is -0.1; it must lie in [0, 1]"),
        // Only NearMatch is set: it must still be above the Distant that the next source supplies.
        new DiagnosticResult(ConfigurationDescriptors.InvalidBands).WithLocation(3).WithArguments("D", $"Distant {DefaultDistant} (from the default) must be below NearMatch 0 (from [PersonaProfile]); the bands are out of order"));

    private static readonly string DefaultDistant = PersonaAnalyzers.Generator.Reading.BandsRules.Format(SimilarityBands.Default.Distant);

    [Theory]
    [InlineData("persona_analyzers.near_match = 0", "Distant {default} (from the default) must be below NearMatch 0 (from persona_analyzers.near_match); the bands are out of order")]
    [InlineData("persona_analyzers.near_match = high", "the option persona_analyzers.near_match is 'high', not a number; write a number in [0, 1] such as 0.85")]
    [InlineData("persona_analyzers.distant = NaN", "the option persona_analyzers.distant is 'NaN', not a number; write a number in [0, 1] such as 0.85")]
    [InlineData("persona_analyzers.distant = 1.5", "the option persona_analyzers.distant is 1.5; it must lie in [0, 1]")]
    public async Task PERSONA103_invalid_band_options(string option, string message)
    {
        var test = Verify.Create(Usings + "[{|#0:PersonaProfile|}] public class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + option + "\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(ConfigurationDescriptors.InvalidBands).WithLocation(0)
            .WithArguments("P", message.Replace("{default}", DefaultDistant)));
        await test.RunAsync();
    }

    [Fact]
    public async Task Valid_band_options_report_nothing()
    {
        var test = Verify.Create(Usings + "[PersonaProfile] public class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\npersona_analyzers.near_match = 0.9\npersona_analyzers.distant = 0.2\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task PERSONA104_non_positive_or_non_finite_weight() => Verify.VerifyAsync(Usings + """
        [PersonaProfile] public class P
        {
            [{|#0:PersonaFeature(SimilarityMetric.Categorical, Weight = 0)|}] public int A;
            [{|#1:PersonaFeature(SimilarityMetric.Categorical, Weight = -2)|}] public int B;
            [{|#2:PersonaFeature(SimilarityMetric.Categorical, Weight = double.NaN)|}] public int C;
            [{|#3:PersonaFeature(SimilarityMetric.Categorical, Weight = double.PositiveInfinity)|}] public int D;
            [PersonaFeature(SimilarityMetric.Categorical, Weight = 0.001)] public int Fine;
        }
        """,
        new DiagnosticResult(ConfigurationDescriptors.InvalidWeight).WithLocation(0).WithArguments("A", "0"),
        new DiagnosticResult(ConfigurationDescriptors.InvalidWeight).WithLocation(1).WithArguments("B", "-2"),
        new DiagnosticResult(ConfigurationDescriptors.InvalidWeight).WithLocation(2).WithArguments("C", "NaN"),
        new DiagnosticResult(ConfigurationDescriptors.InvalidWeight).WithLocation(3).WithArguments("D", "Infinity"));

    [Fact]
    public Task PERSONA105_gaussian_scale_and_shrinkage() => Verify.VerifyAsync(Usings + """
        [PersonaProfile] public class P
        {
            [{|#0:PersonaFeature(SimilarityMetric.Gaussian)|}] public double A;
            [{|#1:PersonaFeature(SimilarityMetric.Gaussian, Scale = 0)|}] public double B;
            [{|#2:PersonaFeature(SimilarityMetric.Jaccard, Shrinkage = -1)|}] public int[]? C;
            [PersonaFeature(SimilarityMetric.Gaussian, Scale = 5, Shrinkage = 0)] public double Fine;
        }
        """,
        new DiagnosticResult(ConfigurationDescriptors.InvalidScale).WithLocation(0).WithArguments("A",
            "a Gaussian feature needs Scale, the distance at which its similarity falls to 1/e; set Scale to a finite number greater than 0"),
        new DiagnosticResult(ConfigurationDescriptors.InvalidScale).WithLocation(1).WithArguments("B",
            "Scale is 0; a Gaussian scale must be a finite number greater than 0 (the distance at which similarity falls to 1/e)"),
        new DiagnosticResult(ConfigurationDescriptors.InvalidScale).WithLocation(2).WithArguments("C",
            "Shrinkage is -1; it must be a finite number ≥ 0 (0 means no shrinkage)"));

    [Fact]
    public Task PERSONA106_more_than_one_key() => Verify.VerifyAsync(Usings + """
        [PersonaProfile] public class P
        {
            [PersonaKey] public string Id { get; set; } = "";
            [PersonaKey] public string {|#0:Email|} { get; set; } = "";
            [PersonaKey] public int {|#1:Number|} { get; set; }
            [PersonaFeature(SimilarityMetric.Categorical)] public int X;
        }
        """,
        new DiagnosticResult(ConfigurationDescriptors.DuplicateKey).WithLocation(0).WithArguments("Email", "P", "Id"),
        new DiagnosticResult(ConfigurationDescriptors.DuplicateKey).WithLocation(1).WithArguments("Number", "P", "Id"));

    [Fact]
    public Task PERSONA108_types_no_namespace_level_guard_can_reach() => Verify.VerifyAsync(Usings + """
        [PersonaProfile] public class {|#0:Generic|}<T> { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        public class Outer
        {
            [PersonaProfile] private class {|#1:Hidden|} { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
            [PersonaProfile] internal class Visible { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        }
        [PersonaProfile] public static class {|#2:Static|} { }
        """,
        new DiagnosticResult(ConfigurationDescriptors.NoGuard).WithLocation(0).WithArguments("Generic<T>", "it is generic; declare [PersonaProfile] on a non-generic type"),
        new DiagnosticResult(ConfigurationDescriptors.NoGuard).WithLocation(1).WithArguments("Outer.Hidden",
            "it is private, and the guard is generated beside it in the namespace; make it internal or public"),
        new DiagnosticResult(ConfigurationDescriptors.NoGuard).WithLocation(2).WithArguments("Static", "it is a static class, so there are no profiles to compare"),
        new DiagnosticResult(ConfigurationDescriptors.NoFeatures).WithLocation(2).WithArguments("Static"));

    [Fact]
    public Task PERSONA108_file_local_types_and_types_nested_in_them() => Verify.VerifyAsync(Usings + """
        namespace Repro
        {
            [PersonaProfile] file sealed class {|#0:SessionTaste|} { [PersonaFeature(SimilarityMetric.Categorical)] public string Genre { get; init; } = ""; }
            file static class Holder
            {
                [PersonaProfile] public sealed class {|#1:Nested|} { [PersonaFeature(SimilarityMetric.Categorical)] public string Genre { get; init; } = ""; }
                private static class Hidden
                {
                    [PersonaProfile] public sealed class {|#2:Deep|} { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
                }
                public static int Use() => 0;
            }
            [PersonaProfile] internal sealed class Fine { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
        }
        """,
        new DiagnosticResult(ConfigurationDescriptors.NoGuard).WithLocation(0).WithArguments("SessionTaste",
            "it is a file-local type ('file'), which the guard, generated in a file of its own, cannot see; remove 'file' (make it internal)"),
        new DiagnosticResult(ConfigurationDescriptors.NoGuard).WithLocation(1).WithArguments("Holder.Nested",
            "its containing type 'Holder' is file-local ('file'), which the guard, generated in a file of its own, cannot see; remove 'file' (make it internal)"),
        // The nearest reason is given first: making Hidden visible is the first step.
        new DiagnosticResult(ConfigurationDescriptors.NoGuard).WithLocation(2).WithArguments("Holder.Hidden.Deep",
            "its containing type 'Hidden' is private, and the guard is generated in the namespace; make it internal or public"));

    [Fact]
    public async Task Diagnostics_carry_what_a_code_fix_needs()
    {
        var source = Usings + """
            [PersonaProfile(NearMatch = 0.3, Distant = 0.6)] public class P
            {
                [PersonaKey] public string Id { get; set; } = "";
                [PersonaKey] public string Email { get; set; } = "";
                [PersonaFeature(SimilarityMetric.Categorical, Weight = -1)] public int X;
            }
            """;
        var compilation = GeneratorRun.Compile(source);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonaTypeConfigurationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var bands = diagnostics.Single(d => d.Id == "PERSONA103");
        Assert.Equal("0.3", bands.Properties["NearMatch"]);
        Assert.Equal("0.6", bands.Properties["Distant"]);
        var key = diagnostics.Single(d => d.Id == "PERSONA106");
        Assert.Equal("Email", key.Properties["Key"]);
        Assert.Equal("Id", key.Properties["FirstKey"]);
        Assert.Equal("-1", diagnostics.Single(d => d.Id == "PERSONA104").Properties["Weight"]);
        Assert.All(diagnostics, d => Assert.Equal(PersonaAnalyzers.Diagnostics.RuleHelp.Link(d.Id), d.Descriptor.HelpLinkUri));
    }

    [Fact]
    public async Task Without_the_runtime_reference_nothing_runs()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoRuntime",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("[PersonaProfile] class P { }") });
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonaTypeConfigurationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }
}
