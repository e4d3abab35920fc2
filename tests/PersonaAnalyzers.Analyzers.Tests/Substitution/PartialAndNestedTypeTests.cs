using Unchecked = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;
using Selection = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.HighestSimilaritySelectionAnalyzer>;
using Threshold = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>A type's code can sit in several files (partial parts) and in nested types; the rules' per-file text gates
/// must let each part through on its own words, whichever part comes first.</summary>
public class PartialAndNestedTypeTests
{
    private const string Plain = """
        public partial class C
        {
            public int Count(int[] xs) => xs.Length;
        }
        """;

    [Fact]
    public Task Source_in_the_second_part_of_a_partial_type_is_found() =>
        Unchecked.VerifyFilesAsync(new[]
        {
            ("/0/A.cs", Plain),
            ("/0/B.cs", """
                using Shop;
                public partial class C
                {
                    private readonly IReaderIndex _index = null!;
                    public string Run(Reader user) => Render.Prompt({|PERSONA001:_index.Lookalike(user)|});
                }
                """),
        });

    [Fact]
    public Task Selection_in_a_nested_type_of_a_plain_type_is_found() =>
        Selection.VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public class Outer
            {
                public int Count(int[] xs) => xs.Length;
                public class Inner
                {
                    public Reader? Pick(Reader user, List<Reader> pool) => {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|};
                }
            }
            """);

    [Fact]
    public Task Threshold_in_the_second_part_of_a_partial_type_is_found() =>
        Threshold.VerifyFilesAsync(new[]
        {
            ("/0/A.cs", Plain),
            ("/0/B.cs", """
                using Shop;
                public partial class C
                {
                    public string? Run(Reader user, Reader other) =>
                        {|PERSONA003:ReaderGuard.Similarity(user, other) >= 0.9|} ? other.Summary : null;
                }
                """),
        });
}
