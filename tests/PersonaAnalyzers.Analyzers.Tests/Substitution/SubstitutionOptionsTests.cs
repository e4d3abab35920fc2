using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers.Substitution;
using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>The substitution options are parsed once per distinct pair of settings, whichever options instance the
/// host hands out, and each file still gets its own settings.</summary>
public class SubstitutionOptionsTests
{
    private static readonly SyntaxTree First = CSharpSyntaxTree.ParseText("class A { }", path: "/0/A.cs");
    private static readonly SyntaxTree Second = CSharpSyntaxTree.ParseText("class B { }", path: "/0/B.cs");

    [Fact]
    public void Equal_settings_in_fresh_instances_share_one_parse()
    {
        // The .NET 10 SDK's compiler hands every tree an options instance of its own; so does this provider, on every call.
        var options = Options(_ => new() { ["persona_analyzers.substitute_name_patterns"] = "*Twin*, *Donor*" });

        var first = SubstitutionOptions.For(options, First);

        Assert.Same(first, SubstitutionOptions.For(options, Second));
        Assert.Same(first, SubstitutionOptions.For(options, First));
        Assert.Equal(new[] { "*Twin*", "*Donor*" }, first.Patterns);
    }

    [Fact]
    public void Files_with_different_settings_get_their_own()
    {
        var options = Options(tree => tree == First
            ? new() { ["persona_analyzers.substitute_name_patterns"] = "*Twin*" }
            : new());

        var twin = SubstitutionOptions.For(options, First);
        var defaults = SubstitutionOptions.For(options, Second);

        Assert.NotSame(twin, defaults);
        Assert.True(twin.NameMatches("FindTwin"));
        Assert.False(twin.NameMatches("FindNearest"));
        Assert.Equal(SubstitutionOptions.DefaultPatterns, defaults.Patterns);
        Assert.True(defaults.NameMatches("FindNearest"));
        Assert.False(defaults.NameMatches("FindTwin"));
    }

    /// <summary>Commas, semicolons and white space all separate patterns: a list written with spaces only is two
    /// patterns, not one that matches nothing (probe 13c).</summary>
    [Theory]
    [InlineData("*Proxy* *StandIn*")]
    [InlineData("*Proxy*,*StandIn*")]
    [InlineData("  *Proxy* ;\t*StandIn* , ")]
    public void Patterns_are_separated_by_commas_semicolons_or_spaces(string value)
    {
        var parsed = SubstitutionOptions.For(Options(_ => new() { ["persona_analyzers.substitute_name_patterns"] = value }), First);

        Assert.Equal(new[] { "*Proxy*", "*StandIn*" }, parsed.Patterns);
    }

    /// <summary>A check method written with its parameter list, by its name alone or as a glob counts (each matched
    /// nothing before, silently: probe 13c).</summary>
    [Theory]
    [InlineData("Acme.Vetting.IsSafeFor(Acme.Reader, Acme.Reader)")]
    [InlineData("global::Acme.Vetting.IsSafeFor")]
    [InlineData("IsSafeFor")]
    [InlineData("Acme.Vetting.IsSafe*")]
    [InlineData("Other.Check, Acme.Vetting.IsSafeFor(Reader user, Reader candidate), More.Check")]
    public void Check_methods_may_be_written_with_parameters_by_name_or_as_a_glob(string value)
    {
        var parsed = SubstitutionOptions.For(Options(_ => new() { ["persona_analyzers.check_methods"] = value }), First);

        Assert.True(parsed.IsConfiguredCheck("Acme.Vetting", "IsSafeFor"));
        Assert.False(parsed.IsConfiguredCheck("Acme.Vetting", "Explain"));
        Assert.False(parsed.IsConfiguredCheck("Acme.Other", "Vet"));
    }

    [Fact]
    public void Msbuild_property_counts_as_the_same_setting_as_the_editorconfig_key()
    {
        var fromKey = SubstitutionOptions.For(Options(_ => new() { ["persona_analyzers.check_methods"] = "global::Acme.Vetting.IsSafeFor" }), First);
        var fromProperty = SubstitutionOptions.For(Options(_ => new() { ["build_property.PersonaAnalyzersCheckMethods"] = "Acme.Vetting.IsSafeFor" }), First);

        Assert.Contains("Acme.Vetting.IsSafeFor", fromKey.CheckMethods);
        Assert.Contains("Acme.Vetting.IsSafeFor", fromProperty.CheckMethods);
    }

    [Fact]
    public void A_check_method_configured_for_any_one_file_is_seen_by_the_compilation_wide_question()
    {
        var compilation = CSharpCompilation.Create("C", new[] { First, Second });

        Assert.False(SubstitutionOptions.AnyFileConfiguresCheckMethods(compilation, Options(_ => new())));
        Assert.False(SubstitutionOptions.AnyFileConfiguresCheckMethods(compilation, Options(_ => new() { ["persona_analyzers.check_methods"] = "  " })));
        Assert.True(SubstitutionOptions.AnyFileConfiguresCheckMethods(compilation, Options(tree => tree == Second
            ? new() { ["persona_analyzers.check_methods"] = "Acme.Vetting.IsSafeFor" }
            : new())));
        Assert.True(SubstitutionOptions.AnyFileConfiguresCheckMethods(compilation, Options(_ => new() { ["build_property.PersonaAnalyzersCheckMethods"] = "Acme.Vetting.IsSafeFor" })));
    }

    [Fact]
    public void Name_answers_stay_right_after_the_name_cache_is_emptied()
    {
        var options = SubstitutionOptions.For(Options(_ => new() { ["persona_analyzers.substitute_name_patterns"] = "*Sibling*" }), First);

        // More distinct names than the cache keeps: it is emptied on the way, and answers must not change.
        for (var i = 0; i < 25_000; i++)
            Assert.False(options.NameMatches("Name" + i));
        Assert.True(options.NameMatches("FindSibling"));
        Assert.False(options.NameMatches("Name7"));
    }

    [Fact]
    public Task Each_file_is_analysed_with_its_own_section() =>
        Verify.VerifyFilesAsync(new[]
        {
            ("/0/Twins.cs", """
                using Shop;
                public class Twins
                {
                    private Reader? TwinOf(Reader target) => null;
                    private Reader? NearestOf(Reader target) => null;
                    public string Run(Reader user) => Render.Prompt({|PERSONA001:TwinOf(user)|}!) + Render.Prompt(NearestOf(user)!);
                }
                """),
            ("/0/Defaults.cs", """
                using Shop;
                public class Defaults
                {
                    private Reader? TwinOf(Reader target) => null;
                    private Reader? NearestOf(Reader target) => null;
                    public string Run(Reader user) => Render.Prompt(TwinOf(user)!) + Render.Prompt({|PERSONA001:NearestOf(user)|}!);
                }
                """),
        }, "[/0/Twins.cs]\npersona_analyzers.substitute_name_patterns = Twin*\n");

    private static AnalyzerOptions Options(Func<SyntaxTree, Dictionary<string, string>> settings) =>
        new(ImmutableArray<AdditionalText>.Empty, new FreshOptionsProvider(settings));

    /// <summary>Hands out a new options instance on every call, as the compiler may.</summary>
    private sealed class FreshOptionsProvider(Func<SyntaxTree, Dictionary<string, string>> settings) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(new());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(settings(tree));

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(new());
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
