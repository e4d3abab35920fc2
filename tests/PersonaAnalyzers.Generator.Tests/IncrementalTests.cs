using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits regenerate nothing, an edit to one persona type regenerates that
/// type only, and no model holds a symbol, compilation or syntax node.</summary>
public sealed class IncrementalTests
{
    private static string Persona(string name, double weight = 1) => $$"""
        using PersonaAnalyzers;
        namespace Incremental
        {
            [PersonaProfile]
            public sealed class {{name}}
            {
                [PersonaKey] public string? Id { get; set; }
                [PersonaFeature(SimilarityMetric.Cosine, Weight = {{weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}})] public float[]? Embedding { get; set; }
            }
        }
        """;

    private const string Unrelated = "namespace Incremental { public static class Util { public static int Twice(int x) => x * 2; } }";

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun(params string[] sources)
    {
        var compilation = GeneratorRun.Compile(sources);
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, int index, string newSource)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newSource, GeneratorRun.ParseOptions, old.FilePath));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static IncrementalStepRunReason[] OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps
            .SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void An_unrelated_edit_leaves_every_output_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun(Persona("A"), Persona("B"), Persona("C"), Unrelated);
        var edited = Replace(compilation, 3, Unrelated.Replace("x * 2", "x + x"));
        driver = driver.RunGenerators(edited);

        var guards = Reasons(driver, PersonaGuardGenerator.Steps.Guards);
        Assert.Equal(3, guards.Length);
        Assert.All(guards,
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        var outputs = OutputReasons(driver);
        Assert.Equal(3, outputs.Length);
        Assert.All(outputs, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Editing_a_persona_file_without_changing_its_model_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun(Persona("A"), Persona("B"));
        driver = driver.RunGenerators(Replace(compilation, 0, Persona("A") + "\n// a comment\n"));
        Assert.Equal(2, OutputReasons(driver).Length);
        Assert.All(OutputReasons(driver), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changing_one_type_s_weight_regenerates_only_that_type()
    {
        var (driver, compilation) = FirstRun(Persona("A"), Persona("B"), Persona("C"));
        driver = driver.RunGenerators(Replace(compilation, 1, Persona("B", weight: 2.5)));

        var guards = Reasons(driver, PersonaGuardGenerator.Steps.Guards);
        Assert.Equal(1, guards.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, guards.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var outputs = OutputReasons(driver);
        Assert.Equal(1, outputs.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Contains("2.5", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("BGuard.g.cs", System.StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void Changing_the_bands_file_regenerates_the_guards_that_use_it()
    {
        var compilation = GeneratorRun.Compile(Persona("A"));
        var file = new InMemoryAdditionalText("/p/persona-bands.json", """{ "nearMatch": 0.9, "distant": 0.3 }""");
        GeneratorDriver driver = GeneratorRun.CreateDriver(new[] { file }).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText("/p/persona-bands.json", """{ "nearMatch": 0.8, "distant": 0.3 }"""))
            .RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(driver));
        Assert.Contains("new global::PersonaAnalyzers.SimilarityBands(0.8, 0.3)", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }

    [Fact]
    public void No_pipeline_model_holds_a_symbol_a_compilation_or_syntax()
    {
        var (driver, compilation) = FirstRun(Persona("A"), Samples.ReaderProfile, Samples.GlobalRecordStruct, Samples.NestedRecord);
        driver = driver.RunGenerators(Replace(compilation, 0, Persona("A", 3)));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var checkedValues = 0;
        foreach (var name in new[] { PersonaGuardGenerator.Steps.Types, PersonaGuardGenerator.Steps.BandsFile, PersonaGuardGenerator.Steps.Guards })
        {
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                checkedValues++;
            }
        }
        Assert.True(checkedValues >= 5);
        // And statically: no field of any model type can hold one.
        foreach (var type in typeof(PersonaGuardGenerator).Assembly.GetTypes().Where(t => t.Namespace == "PersonaAnalyzers.Generator.Model"))
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                Assert.False(IsForbidden(field.FieldType), $"{type.Name}.{field.Name} is a {field.FieldType.Name}");
    }

    private static readonly System.Type[] Forbidden =
        { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel) };

    private static bool IsForbidden(System.Type type) => Forbidden.Any(f => f.IsAssignableFrom(type));

    private static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        Assert.False(IsForbidden(value.GetType()), $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertHoldsNoRoslynObjects(item, $"{path}[{i++}]", seen);
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertHoldsNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen);
    }
}
