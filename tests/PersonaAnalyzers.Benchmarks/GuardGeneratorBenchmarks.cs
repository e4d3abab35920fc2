using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PersonaAnalyzers.Generator;

namespace PersonaAnalyzers.Benchmarks;

/// <summary>Target: generator time ≤ 1 ms per persona type in a 200-type compilation (FullRun / 200), and an unrelated
/// edit costing next to nothing (zero regenerations is asserted by IncrementalTests). The baseline binds the same
/// compilation without the generator, for scale. Run: <c>... -- --filter *GuardGenerator*</c>.</summary>
[MemoryDiagnoser]
public class GuardGeneratorBenchmarks
{
    public const int PersonaTypes = 200;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation[] _edits = null!;
    private GeneratorDriver _warmDriver = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        var trees = Enumerable.Range(0, PersonaTypes).Select(i => CSharpSyntaxTree.ParseText(Persona(i), ParseOptions, $"Persona{i}.cs")).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(Unrelated(0), ParseOptions, "Unrelated.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location));
        _compilation = CSharpCompilation.Create("Personas", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var unrelated = trees[trees.Count - 1];
        _edits = Enumerable.Range(1, 2).Select(n =>
            _compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(Unrelated(n), ParseOptions, "Unrelated.cs"))).ToArray();
        _warmDriver = NewDriver().RunGenerators(_compilation);
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new PersonaGuardGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);

    private static string Persona(int i) => $$"""
        using System.Collections.Generic;
        using PersonaAnalyzers;
        namespace Load.N{{i % 10}}
        {
            [PersonaProfile]
            public sealed class Persona{{i}}
            {
                [PersonaKey] public string Id { get; set; } = "";
                [PersonaFeature(SimilarityMetric.Cosine, Weight = 2)] public float[]? Embedding { get; set; }
                [PersonaFeature(SimilarityMetric.Jaccard)] public HashSet<string>? Topics { get; set; }
                [PersonaFeature(SimilarityMetric.Categorical)] public string? Country { get; set; }
            }
        }
        """;

    private static string Unrelated(int n) => $"namespace Load {{ public static class Util {{ public static int Value() => {n}; }} }}";

    /// <summary>For scale: binding the declarations of the same compilation from scratch, no generator.</summary>
    [Benchmark(Baseline = true)]
    public int BindWithoutGenerator() => _compilation.Clone().GetDeclarationDiagnostics().Length;

    /// <summary>The generator's own time: a new driver over an already-bound compilation (FAWMN, reading, emitting,
    /// parsing the 200 generated files). Divide by 200 for the per-type cost.</summary>
    [Benchmark]
    public int FullRun() => NewDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>What a first build pays: the generator plus binding the compilation it needs.</summary>
    [Benchmark]
    public int FullRunIncludingBinding() => NewDriver().RunGenerators(_compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int UnrelatedEdit()
    {
        _edit ^= 1;
        _warmDriver = _warmDriver.RunGenerators(_edits[_edit]);
        return _warmDriver.GetRunResult().GeneratedTrees.Length;
    }
}
