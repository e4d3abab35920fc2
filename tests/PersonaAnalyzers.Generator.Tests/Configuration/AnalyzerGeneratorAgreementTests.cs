using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers.Configuration;
using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests.Configuration;

/// <summary>The analyzer reports an error on a persona type exactly when the generator skips it, and neither throws on
/// code that does not compile yet.</summary>
public sealed class AnalyzerGeneratorAgreementTests
{
    public static TheoryData<string> Declarations => new()
    {
        "public class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }",
        "public class P { }",
        "public class P { [PersonaFeature(SimilarityMetric.Cosine)] public int X; }",
        "public class P { [PersonaFeature((SimilarityMetric)42)] public int X; }",
        "public class P { [PersonaFeature(SimilarityMetric.Gaussian, Scale = double.NaN)] public int X; }",
        "public class P { [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1, Weight = 1e-300)] public int X; }",
        "public struct P { [PersonaKey] public int A; [PersonaKey] public int B; [PersonaFeature(SimilarityMetric.Categorical)] public int X; }",
        "public record P([property: PersonaFeature(SimilarityMetric.Jaccard, Shrinkage = 3)] string[] Tags);",
        "internal class P { [PersonaFeature(SimilarityMetric.Pearson)] public IReadOnlyDictionary<System.Guid, double>? R { get; init; } }",
        "file class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }",
        "public class P { [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double A; [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double Accumulator; }",
        // Code that does not compile yet: the compiler reports it; the analyzer and generator must survive it.
        "public class P { [PersonaFeature] public int X; }",
        "public class P { [PersonaFeature(SimilarityMetric.Categorical, Weight = \"heavy\")] public int X; }",
        "public class P { [PersonaFeature(SimilarityMetric.Cosine)] public Missing? X; }",
        "public class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; [PersonaFeature(SimilarityMetric.Categorical)] public int X; }",
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task The_generator_skips_exactly_the_types_the_analyzer_reports_an_error_on(string declaration)
    {
        var source = "using System.Collections.Generic;\nusing PersonaAnalyzers;\nnamespace N { [PersonaProfile] " + declaration + " }";
        var run = GeneratorRun.Run(source);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PersonaTypeConfigurationAnalyzer(), new BandsFileAnalyzer());
        var diagnostics = await run.Input.WithAnalyzers(analyzers).GetAllDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var compiles = !run.Input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0649");
        var analyzerErrors = diagnostics.Where(d => d.Id.StartsWith("PERSONA", System.StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToArray();
        var generated = run.Generated.Count == 1;
        if (compiles)
            Assert.True(generated == (analyzerErrors.Length == 0),
                $"generated: {generated}; analyzer errors: {string.Join("; ", analyzerErrors.Select(d => d.GetMessage()))}");
        if (generated)
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !run.Input.SyntaxTrees.Contains(tree));
    }
}
