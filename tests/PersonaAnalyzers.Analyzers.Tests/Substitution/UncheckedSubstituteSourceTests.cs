using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001: what counts as a substitute.</summary>
public class UncheckedSubstituteSourceTests
{
    [Fact]
    public Task Name_pattern_method_returning_a_persona_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA001:index.FindNearest(user)|};
            """));

    [Fact]
    public Task ProfileSubstitute_on_the_interface_member_counts_for_the_call() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:index.Lookalike(user)|};
                    return Render.Prompt(other);
            """));

    [Fact]
    public Task ProfileSubstitute_on_a_base_member_counts_for_the_override() =>
        Verify.VerifyAsync("""
            using Shop;
            using PersonaAnalyzers;
            public abstract class Source { [ProfileSubstitute] public abstract Reader Pick(Reader target); }
            public sealed class Concrete : Source { public override Reader Pick(Reader target) => target; }
            public class C
            {
                public string Run(Concrete source, Reader user) => Render.Prompt({|PERSONA001:source.Pick(user)|});
            }
            """);

    [Fact]
    public Task ProfileSubstitute_on_an_implemented_interface_member_counts_for_the_class_call() =>
        Verify.VerifyAsync("""
            using Shop;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public sealed class Index : IReaderIndex
            {
                public Reader Lookalike(Reader target) => target;
                public Reader? FindNearest(Reader target) => null;
                public IReadOnlyList<Reader> NearestNeighbours(Reader target, int k) => new List<Reader>();
                public Task<Reader?> FindNearestAsync(Reader target) => Task.FromResult<Reader?>(null);
                public Reader? Own(string id) => null;
                public IReadOnlyList<Reader> All => new List<Reader>();
                public Reader FallbackPersona => new Reader();
            }
            public class C
            {
                public string Run(Index index, Reader user) => Render.Prompt({|PERSONA001:index.Lookalike(user)|});
            }
            """);

    [Fact]
    public Task Name_pattern_property_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA001:index.FallbackPersona|}.Summary;
            """));

    [Fact]
    public Task Awaited_task_of_a_persona_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = {|PERSONA001:await index.FindNearestAsync(user)|};
                    return other?.Summary;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Element_taken_by_indexer_from_a_substitute_collection_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var neighbours = index.NearestNeighbours(user, 5);
                    return Render.Prompt({|PERSONA001:neighbours[0]|});
            """));

    [Theory]
    [InlineData("First()")]
    [InlineData("FirstOrDefault()")]
    [InlineData("Single()")]
    [InlineData("SingleOrDefault()")]
    [InlineData("Last()")]
    [InlineData("LastOrDefault()")]
    [InlineData("ElementAt(1)")]
    [InlineData("ElementAtOrDefault(1)")]
    public Task Element_taken_by_a_linq_selector_is_a_substitute(string selector) =>
        Verify.VerifyAsync(Verify.InMethod($$"""
                    var neighbours = index.NearestNeighbours(user, 5);
                    var other = {|PERSONA001:neighbours.{{selector}}|};
                    return other!.Purchases;
            """));

    [Fact]
    public Task Foreach_element_of_a_substitute_collection_is_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var prompts = new List<string>();
                    foreach (var {|PERSONA001:other|} in index.NearestNeighbours(user, 5))
                        prompts.Add(other.Summary);
                    return prompts;
            """));

    [Fact]
    public Task Returning_a_substitute_collection_is_a_use() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return {|PERSONA001:index.NearestNeighbours(user, 5)|}.Where(r => r.Summary.Length > 0).ToList();
            """));

    [Fact]
    public Task Own_profile_is_not_a_substitute() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var own = index.Own(user.Id);
                    return own?.Summary;
            """));

    [Fact]
    public Task Name_match_with_a_non_persona_type_is_not_a_substitute() =>
        Verify.VerifyAsync("""
            public class C
            {
                public string FindNearestStore(string zip) => zip;
                public string Run() => FindNearestStore("1000").ToUpperInvariant();
            }
            """);

    [Fact]
    public Task Configured_patterns_replace_the_defaults() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                public Reader Borrow(Reader target) => target;
                public Reader? FindNearest(Reader target) => null;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:Borrow(user)|}) + FindNearest(user)?.Summary;
            }
            """, "persona_analyzers.substitute_name_patterns = Borrow*\n");

    [Fact]
    public Task No_runtime_reference_means_no_analysis() =>
        Verify.VerifyAsync("""
            public class Profile { public string Summary = ""; }
            public class C
            {
                public Profile FindNearest(Profile p) => p;
                public string Run(Profile p) => FindNearest(p).Summary;
            }
            """);

    [Fact]
    public Task Patterns_can_come_from_the_msbuild_property() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                public Reader Borrow(Reader target) => target;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:Borrow(user)|});
            }
            """, "build_property.PersonaAnalyzersSubstituteNamePatterns = Borrow*\n");
}
