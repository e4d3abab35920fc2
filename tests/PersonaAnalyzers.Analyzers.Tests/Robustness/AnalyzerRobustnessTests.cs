using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Robustness;

/// <summary>No input makes a substitution analyzer throw (an AD0001 is a bug): the project's own sources, the
/// samples, a generated stress file with every construct, and all of those broken the way they are while being
/// typed.</summary>
public class AnalyzerRobustnessTests
{
    [Fact]
    public async Task Stress_file_is_analyzed_without_exceptions_and_finds_the_seeded_problems()
    {
        var result = await AnalyzerHarness.RunAsync(new[] { StressSource.Generate() });

        Assert.Empty(result.Exceptions);
        var ids = result.Diagnostics.Select(d => d.Id).ToHashSet();
        Assert.Contains(SubstitutionDescriptors.UncheckedSubstituteId, ids);
        Assert.Contains(SubstitutionDescriptors.HighestSimilaritySelectionId, ids);
        Assert.Contains(SubstitutionDescriptors.RawThresholdId, ids);
        Assert.Contains(SubstitutionDescriptors.DiscardedCheckId, ids);
    }

    [Fact]
    public async Task Stress_file_reports_PERSONA001_exactly_where_no_check_guards_the_use()
    {
        var result = await AnalyzerHarness.RunAsync(new[] { StressSource.Generate() });
        var tree = result.Diagnostics.First(d => d.Location.SourceTree?.FilePath == "/src/File0.cs").Location.SourceTree!;
        var methods = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .ToDictionary(m => m.Identifier.Text, m => m.Span);
        var wrong = new List<string>();
        foreach (var (n, source, use, guard) in StressSource.Cases())
        {
            var span = methods["M" + n];
            var reported = result.Diagnostics.Any(d => d.Id == SubstitutionDescriptors.UncheckedSubstituteId && span.Contains(d.Location.SourceSpan));
            var expected = StressSource.IsTrackedSource(source) && !StressSource.IsCheckingGuard(guard);
            if (reported != expected)
                wrong.Add($"M{n} (source {source}, use {use}, guard {guard}): expected {(expected ? "a" : "no")} PERSONA001");
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Project_sources_and_samples_are_analyzed_without_exceptions()
    {
        var root = AnalyzerHarness.RepositoryRoot();
        var files = new[] { "src", "samples", "tests" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                           !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 20, $"expected the project's sources under {root}, found {files.Count} files");

        // One compilation per file: the projects would clash as one, and unresolved types are part of the test.
        foreach (var file in files)
        {
            var result = await AnalyzerHarness.RunAsync(new[] { await File.ReadAllTextAsync(file) });
            Assert.True(result.Exceptions.Count == 0, $"{file}: {string.Join(Environment.NewLine, result.Exceptions)}");
        }
    }

    [Fact]
    public async Task Code_being_typed_is_analyzed_without_exceptions()
    {
        // Every 9th combination keeps each source, use, guard and method shape while keeping the run short.
        var stress = StressSource.Generate(stride: 9);
        var failures = new List<string>();
        foreach (var (name, text) in Mutations(stress))
        {
            var result = await AnalyzerHarness.RunAsync(new[] { text });
            if (result.Exceptions.Count > 0)
                failures.Add(name + ": " + result.Exceptions[0]);
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Top_level_program_being_typed_is_analyzed_without_exceptions()
    {
        const string program = """
            using Shop;
            using PersonaAnalyzers;
            IReaderIndex index = null!;
            var user = new Reader();
            var other = index.Lookalike(user);
            if (ReaderGuard.Classify(user, other) == SimilarityBand.Moderate)
                System.Console.WriteLine(Render.Prompt(other));
            var best = System.Linq.Enumerable.MaxBy(index.All, c => ReaderGuard.Similarity(user, c));
            """;
        for (var cut = 0; cut <= program.Length; cut += 7)
        {
            var result = await AnalyzerHarness.RunAsync(new[] { program[..cut] }, OutputKind.ConsoleApplication);
            Assert.True(result.Exceptions.Count == 0, $"cut at {cut}: {string.Join(Environment.NewLine, result.Exceptions)}");
        }
    }

    [Fact]
    public async Task Vector_store_code_being_typed_is_analyzed_without_exceptions()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Extensions.VectorData;
            using Shop;
            public class C
            {
                private static readonly VectorSearchOptions<Reader> Close = new() { ScoreThreshold = 0.9 };
                private readonly VectorStoreCollection<string, Reader> readers = null!;
                public async Task<string?> Run(Reader user, ReadOnlyMemory<float> embedding)
                {
                    await foreach (var hit in readers.SearchAsync(embedding, top: 1, Close))
                        if (ReaderGuard.Assess(user, hit.Record).IsSafe) return hit.Record.Summary;
                    var options = new HybridSearchOptions<Reader>();
                    options.ScoreThreshold = 0.8;
                    await foreach (var hit in ((IKeywordHybridSearchable<Reader>)readers).HybridSearchAsync(embedding, new[] { "x" }, 3, options))
                        return hit.Record.Summary;
                    return null;
                }
            }
            """;
        for (var cut = 0; cut <= source.Length; cut += 7)
        {
            var result = await AnalyzerHarness.RunAsync(new[] { source[..cut] }, vectorData: true);
            Assert.True(result.Exceptions.Count == 0, $"cut at {cut}: {string.Join(Environment.NewLine, result.Exceptions)}");
        }
        // The whole snippet reaches the new paths: a search for one hit, a threshold on each options type, an unchecked hit.
        var whole = await AnalyzerHarness.RunAsync(new[] { source }, vectorData: true);
        Assert.Equal(new[] { "PERSONA001", "PERSONA002", "PERSONA003", "PERSONA003" }, whole.Diagnostics.Select(d => d.Id).Order().ToArray());
    }

    /// <summary>The stress file truncated at many points, without its semicolons, with members and types renamed to
    /// ones that do not exist, and with unbalanced braces.</summary>
    private static IEnumerable<(string Name, string Text)> Mutations(string text)
    {
        var step = Math.Max(1, text.Length / 40);
        for (var cut = step; cut < text.Length; cut += step)
            yield return ($"truncated at {cut}", text[..cut]);
        yield return ("no semicolons", text.Replace(";", ""));
        yield return ("every fourth semicolon missing", RemoveEvery(text, ';', 4));
        yield return ("unresolved members", text.Replace("FindNearest", "FindNearestMissing").Replace(".Summary", ".Summ").Replace("Classify", "Clasify"));
        yield return ("unresolved types", text.Replace("Reader", "Raeder"));
        yield return ("unresolved guard", text.Replace("ReaderGuard", "ReaderGaurd"));
        yield return ("missing closing braces", RemoveEvery(text, '}', 5));
        yield return ("missing parentheses", RemoveEvery(text, ')', 6));
        yield return ("lambdas cut", text.Replace("=>", "="));
    }

    private static string RemoveEvery(string text, char c, int every)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var seen = 0;
        foreach (var ch in text)
        {
            if (ch == c && ++seen % every == 0)
                continue;
            builder.Append(ch);
        }
        return builder.ToString();
    }
}
