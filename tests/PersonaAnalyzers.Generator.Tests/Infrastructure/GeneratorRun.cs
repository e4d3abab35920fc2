using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PersonaAnalyzers.Generator;

namespace PersonaAnalyzers.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over sources the way the compiler would: nullable enabled, warnings as errors, the
/// runtime assembly referenced.</summary>
internal sealed class GeneratorRun
{
    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    // Documentation comments are checked, so a malformed one in the generated code fails the tests.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output)
    {
        Driver = driver;
        Input = input;
        Output = output;
    }

    public GeneratorDriver Driver { get; }
    public Compilation Input { get; }
    public Compilation Output { get; }

    /// <summary>The generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Generated =>
        Driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    public static CSharpCompilation Compile(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create("PersonaUser" + System.Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null,
        IReadOnlyDictionary<string, string>? options = null, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new PersonaGuardGenerator().AsSourceGenerator() },
            additionalTexts ?? Enumerable.Empty<AdditionalText>(),
            parseOptions ?? ParseOptions,
            new TestOptionsProvider(options ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(string source, IEnumerable<AdditionalText>? additionalTexts = null,
        IReadOnlyDictionary<string, string>? options = null, CSharpParseOptions? parseOptions = null)
    {
        var input = Compile(parseOptions ?? ParseOptions, source);
        var driver = CreateDriver(additionalTexts, options, parseOptions).RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        Assert.Empty(diagnostics); // the generator reports nothing, ever
        return new GeneratorRun(driver, input, output);
    }

    /// <summary>Every warning or error of the output compilation, formatted for an assertion message.</summary>
    public string[] Problems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            // The test sources themselves need no documentation comments; the generated code does.
            .Where(d => !(d.Id == "CS1591" && Input.SyntaxTrees.Contains(d.Location.SourceTree)))
            .Select(d => d.ToString()).ToArray();

    /// <summary>Asserts that the user code plus the generated code compiles without a single warning.</summary>
    public GeneratorRun AssertCompilesCleanly()
    {
        var problems = Problems();
        Assert.True(problems.Length == 0, "The output does not compile cleanly:\n" + string.Join("\n", problems) +
            "\n\n" + string.Join("\n\n", Generated.Values));
        return this;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", System.StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location))
            .ToImmutableArray();
    }
}
