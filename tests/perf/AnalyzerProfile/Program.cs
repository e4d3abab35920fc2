using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers;
using PersonaAnalyzers.Generator;

// Usage: AnalyzerProfile <source-dir> [rounds=5] [--no-compile] [--concurrent] [--collect-first] [--only=PERSONA00n,…]
// Each round builds a fresh compilation of every .cs file under <source-dir> (plus the guard generator's output),
// times a single-threaded emit of it, then runs the package's analyzers (the four substitution rules and the configuration checks: the
// assembly's line of `-p:ReportAnalyzer=true` counts them all) single-threaded on another fresh
// compilation with Roslyn's execution-time log on — the same per-analyzer times `-p:ReportAnalyzer=true` prints.
// --no-compile skips the emit, so that a profiler (dotnet-trace) sees mostly the analyzers.
// --concurrent runs the analyzers as the compiler does (concurrent execution on), to compare.
var noCompile = args.Contains("--no-compile");
var concurrent = args.Contains("--concurrent");
// --collect-first empties the heap before each round. With a gen-0 budget larger than a round allocates
// (DOTNET_GCgen0size=0x100000000: 4 GB against ~890 MB per round) no collection then starts inside a round, and the
// rules' times are their own work: a collection's pause is otherwise charged to whichever callback it lands in, which
// made two runs of identical code differ by a fifth (docs/performance.md, seventeenth round).
var collectFirst = args.Contains("--collect-first");
// --only=PERSONA002 runs one rule (comma-separated ids for several), to profile it alone.
var only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?.Substring("--only=".Length)
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
args = args.Where(a => a is not ("--no-compile" or "--concurrent" or "--collect-first") && !a.StartsWith("--only=", StringComparison.Ordinal)).ToArray();
if (args.Length is 0 or > 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: AnalyzerProfile <source-dir> [rounds=5] [--no-compile] [--concurrent] [--collect-first] [--only=PERSONA00n,…]   (source-dir: a directory of .cs files)");
    return 2;
}
var rounds = 5;
if (args.Length == 2 && (!int.TryParse(args[1], out rounds) || rounds < 1))
{
    Console.Error.WriteLine($"AnalyzerProfile: rounds must be a positive whole number, not '{args[1]}'");
    return 2;
}

var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
var sources = Directory.EnumerateFiles(args[0], "*.cs", SearchOption.AllDirectories)
    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
    .OrderBy(f => f, StringComparer.Ordinal)
    .Select(f => (Path: f, Text: File.ReadAllText(f)))
    .ToImmutableArray();
var references = ReferenceAssemblies().Append(MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location)).ToImmutableArray();
var analyzers = typeof(PersonaGuardGenerator).Assembly.GetTypes()
    .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .Where(a => only is null || a.SupportedDiagnostics.Any(d => only.Contains(d.Id)))
    .ToImmutableArray();
if (analyzers.IsEmpty)
{
    Console.Error.WriteLine($"AnalyzerProfile: no analyzer has the id(s) {string.Join(", ", only ?? [])}");
    return 2;
}

// Every compilation gets syntax trees of its own, parsed from the files' text, as every build does: anything an
// analyzer caches per tree (the text gates) is then paid again each round, as a build pays it, not once per process.
CSharpCompilation Fresh()
{
    var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path));
    var compilation = CSharpCompilation.Create("Perf", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
    CSharpGeneratorDriver.Create(new PersonaGuardGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var withGuards, out _);
    return (CSharpCompilation)withGuards;
}

var errors = Fresh().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
if (errors.Count > 0)
{
    Console.Error.WriteLine("AnalyzerProfile: the sources do not compile:\n  " + string.Join("\n  ", errors));
    return 1;
}
Console.WriteLine($"{sources.Length} files, {analyzers.Length} analyzers, {rounds} rounds ({(concurrent ? "concurrent analysis" : "single-threaded")})");
for (var round = 1; round <= rounds; round++)
{
    var watch = Stopwatch.StartNew();
    if (!noCompile && !Fresh().Emit(Stream.Null).Success)
        return 1;
    var compile = watch.Elapsed;

    var fresh = Fresh();
    var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new PerFileOptions(fresh.SyntaxTrees)), onAnalyzerException: null, concurrentAnalysis: concurrent,
        logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    if (collectFirst)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
    var jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
    var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var collectionsBefore = GC.CollectionCount(0);
    var pausedBefore = GC.GetTotalPauseDuration();
    watch.Restart();
    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    var drive = watch.Elapsed;
    // Everything the driver, the binder and the analyzers allocated: collections this triggers land in callbacks.
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);
    var collections = GC.CollectionCount(0) - collectionsBefore;
    var paused = GC.GetTotalPauseDuration() - pausedBefore;
    var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jitBefore;
    var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - jitMethodsBefore;
    var total = TimeSpan.Zero;
    var split = new List<string>();
    foreach (var analyzer in analyzers)
    {
        var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        total += time;
        split.Add($"{analyzer.SupportedDiagnostics[0].Id} {time.TotalMilliseconds:F1}");
    }
    var crashes = diagnostics.Count(d => d.Id == "AD0001");
    Console.WriteLine($"round {round}: compile {compile.TotalMilliseconds:F0} ms, analyzers {total.TotalMilliseconds:F0} ms " +
        $"({(noCompile ? "" : $"{100 * total / compile:F2}% of the compile; ")}{string.Join(", ", split)}), driver {drive.TotalMilliseconds:F0} ms " +
        $"(JIT {jit.TotalMilliseconds:F0} ms, {jitMethods} methods; allocated {allocated:F0} MB, {collections} collections pausing {paused.TotalMilliseconds:F0} ms), " +
        $"{diagnostics.Length} diagnostics{(crashes > 0 ? $", {crashes} AD0001" : "")}");
}
return 0;

// The reference assemblies the SDK compiles net10.0 against, found next to the running runtime.
static IEnumerable<MetadataReference> ReferenceAssemblies()
{
    var version = Environment.Version;
    var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
    var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
    var pack = Directory.Exists(packs)
        ? Directory.GetDirectories(packs).Where(d => Path.GetFileName(d).StartsWith($"{version.Major}.{version.Minor}.", StringComparison.Ordinal)).Max(StringComparer.Ordinal)
        : null;
    if (pack is null)
        throw new DirectoryNotFoundException($"no Microsoft.NETCore.App.Ref {version.Major}.{version.Minor} reference pack under {packs}");
    return Directory.GetFiles(Path.Combine(pack, "ref", $"net{version.Major}.{version.Minor}"), "*.dll").Select(f => MetadataReference.CreateFromFile(f));
}

/// <summary>Options as the SDK's compiler hands them out: every file gets an options instance of its own (holding the
/// MSBuild properties the SDK passes in its generated global config), as the .NET 10 SDK's compiler does. A profile with
/// one shared instance would hide any per-instance caching mistake, as it once did (SubstitutionOptions). They are made
/// up front, as the compiler makes them before analysis starts: made on first use, inside the analyzers' callbacks, they
/// charged each rule's first read of a file about 5 µs that a build does not pay.</summary>
internal sealed class PerFileOptions : AnalyzerConfigOptionsProvider
{
    private static readonly ImmutableDictionary<string, string> SdkProperties = ImmutableDictionary.CreateRange(
        AnalyzerConfigOptions.KeyComparer,
        new[]
        {
            KeyValuePair.Create("build_property.TargetFramework", "net10.0"),
            KeyValuePair.Create("build_property.RootNamespace", "Perf"),
            KeyValuePair.Create("build_property.ProjectDir", "/perf/"),
            KeyValuePair.Create("build_property.EnableComHosting", ""),
        });

    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> _perTree;

    public PerFileOptions(IEnumerable<SyntaxTree> trees) =>
        _perTree = trees.ToDictionary(tree => tree, AnalyzerConfigOptions (_) => new Options(SdkProperties));

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(SdkProperties);

    // A tree outside the compilation (none reaches an analyzer) gets options of its own, as the compiler's empty ones.
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        _perTree.TryGetValue(tree, out var options) ? options : new Options(SdkProperties);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
