using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001 skips files whose text, and bodies whose identifiers, name no substitute source; every way a
/// <c>[ProfileSubstitute]</c> member or a pattern-matching member can be named must still open both gates.</summary>
public class UncheckedSubstituteGateTests
{
    [Fact]
    public Task Attributed_field_with_an_unmatched_name_is_found() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                [ProfileSubstitute] private Reader _donor = new();
                public string Run() => Render.Prompt({|PERSONA001:_donor|});
            }
            """);

    [Fact]
    public Task Attributed_delegate_invoked_through_any_variable_is_found() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            [ProfileSubstitute] public delegate Reader Picker(Reader target);
            public class C
            {
                private readonly Picker _pick = t => t;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:_pick(user)|});
            }
            """);

    [Fact]
    public Task Aliased_attribute_is_found() =>
        Verify.VerifyAsync("""
            using Shop;
            using Donors = PersonaAnalyzers.ProfileSubstituteAttribute;
            public class C
            {
                [Donors] public Reader Donor(Reader target) => target;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:Donor(user)|});
            }
            """);

    [Fact]
    public Task Attributed_member_of_a_referenced_assembly_is_found() =>
        Verify.VerifyWithLibraryAsync("""
            using Shop;
            using Lib;
            public class C
            {
                public string Run(Donors donors, Reader user) => Render.Prompt({|PERSONA001:donors.Donor(user)|});
            }
            """, """
            namespace Lib
            {
                public sealed class Donors { [PersonaAnalyzers.ProfileSubstitute] public Shop.Reader Donor(Shop.Reader target) => target; }
            }
            """);

    [Fact]
    public Task Body_without_a_source_name_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var own = index.Own(user.Id);
                    return own is null ? null : Render.Prompt(own);
            """));

    [Fact]
    public Task Source_name_spelled_with_a_unicode_escape_is_found() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    return Render.Prompt({|PERSONA001:index.\u0046indNearest(user)|});
            """));

    [Fact]
    public Task Custom_pattern_opens_the_file_gate() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private Reader? TwinOf(Reader target) => null;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:TwinOf(user)|}!);
            }
            """, "persona_analyzers.substitute_name_patterns = Twin*");

    [Fact]
    public Task Pattern_of_wildcards_only_matches_in_every_file() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private Reader? Pick(Reader target) => null;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:Pick(user)|}!);
            }
            """, "persona_analyzers.substitute_name_patterns = *");

    [Fact]
    public Task Attribute_aliased_globally_in_another_file_is_found() =>
        Verify.VerifyFilesAsync(new[]
        {
            ("/0/Aliases.cs", "global using Donors = PersonaAnalyzers.ProfileSubstituteAttribute;"),
            ("/0/Use.cs", """
                using Shop;
                public class C
                {
                    [Donors] public Reader Give(Reader target) => target;
                    public string Run(Reader user) => Render.Prompt({|PERSONA001:Give(user)|});
                }
                """),
        });

    [Fact]
    public Task Source_names_in_any_case_are_found() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private Reader? NEARESTREADER(Reader target) => null;
                private Reader? lookalikeOf(Reader target) => null;
                public string Upper(Reader user) => Render.Prompt({|PERSONA001:NEARESTREADER(user)|}!);
                public string Lower(Reader user) => Render.Prompt({|PERSONA001:lookalikeOf(user)|}!);
            }
            """);

    [Fact]
    public Task Pattern_outside_ascii_is_matched_without_case() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private Reader? ÄHNLICHSTER(Reader target) => null;
                public string Run(Reader user) => Render.Prompt({|PERSONA001:ÄHNLICHSTER(user)|}!);
            }
            """, "persona_analyzers.substitute_name_patterns = *ähnlich*");

    [Fact]
    public Task Unicode_escape_after_other_backslashes_is_found() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var path = "C:\\temp\\";
                    return path.Length == 0 ? null : Render.Prompt({|PERSONA001:index.Find\u004Eearest(user)|});
            """));

    [Fact]
    public Task A_name_matches_as_the_text_gate_finds_it_whatever_else_the_file_spells() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private Reader? ſimilarTwin(Reader target) => null;
                private Reader? SimilarTwin(Reader target) => null;
                public string Run(Reader user) => Render.Prompt(ſimilarTwin(user)!) + Render.Prompt({|PERSONA001:SimilarTwin(user)|}!);
                // A Unicode escape makes the text gate hand the file to the token scan, which asks the pattern itself.
                public string Escaped => "caf\u00e9";
            }
            """);
}
