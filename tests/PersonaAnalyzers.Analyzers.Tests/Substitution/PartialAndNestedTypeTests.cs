using Unchecked = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;
using Selection = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.HighestSimilaritySelectionAnalyzer>;
using Threshold = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>A type's code can sit in several files (partial parts), in nested types, in an interface's default members
/// and in top-level statements; the rules register their body analysis type by type behind a file gate (TypeGate), so
/// each of these must still be reached, and reached once.</summary>
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

    [Fact]
    public Task Nested_part_in_the_second_file_of_a_plain_outer_part_is_found() =>
        Selection.VerifyFilesAsync(new[]
        {
            ("/0/A.cs", """
                public partial class Outer
                {
                    public partial class Inner { public int Count(int[] xs) => xs.Length; }
                }
                """),
            ("/0/B.cs", """
                using System.Collections.Generic;
                using System.Linq;
                using Shop;
                public partial class Outer
                {
                    public partial class Inner
                    {
                        public Reader? Pick(Reader user, List<Reader> pool) => {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|};
                    }
                }
                """),
        });

    [Fact]
    public Task Plain_type_nested_in_persona_code_and_persona_code_nested_in_it_are_each_reported_once() =>
        Unchecked.VerifyAsync("""
            using Shop;
            public class Outer
            {
                private readonly IReaderIndex _index = null!;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:_index.Lookalike(user)|});
                public struct Plain
                {
                    public int Twice(int x) => x * 2;
                    public sealed class Deeper
                    {
                        public string Run(IReaderIndex index, Reader user) => Render.Prompt({|PERSONA001:index.Lookalike(user)|});
                    }
                }
            }
            """);

    [Fact]
    public Task Default_interface_member_is_analyzed() =>
        Unchecked.VerifyAsync("""
            using Shop;
            public interface IPrompter
            {
                IReaderIndex Index { get; }
                string Run(Reader user) => Render.Prompt({|PERSONA001:Index.Lookalike(user)|});
            }
            """);

    [Fact]
    public Task Selection_in_top_level_statements_is_found() =>
        Selection.VerifyProgramAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            var user = new Reader();
            var pool = new List<Reader>();
            var best = {|PERSONA002:pool.MaxBy(c => ReaderGuard.Similarity(user, c))|};
            System.Console.WriteLine(best?.Summary);
            """);

    [Fact]
    public Task Threshold_in_a_local_function_of_top_level_statements_is_found() =>
        Threshold.VerifyProgramAsync("""
            using Shop;
            System.Console.WriteLine(Pick(new Reader(), new Reader()));
            static string? Pick(Reader user, Reader other) =>
                {|PERSONA003:ReaderGuard.Similarity(user, other) >= 0.9|} ? other.Summary : null;
            """);

    [Fact]
    public Task Record_struct_member_is_analyzed() =>
        Threshold.VerifyAsync("""
            using Shop;
            public readonly record struct Picker(int Id)
            {
                public string? Pick(Reader user, Reader other) => {|PERSONA003:ReaderGuard.Similarity(user, other) >= 0.9|} ? other.Summary : null;
            }
            """);
}
