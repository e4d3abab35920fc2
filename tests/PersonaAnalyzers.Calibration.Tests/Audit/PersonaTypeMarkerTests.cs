using Microsoft.CodeAnalysis.CSharp;
using PersonaAnalyzers.Cli.Audit;

namespace PersonaAnalyzers.Calibration.Tests.Audit;

/// <summary><c>persona audit --persona-types</c> matches type names with the globs of the substitute name patterns:
/// <c>*</c>, <c>?</c>, case ignored.</summary>
public class PersonaTypeMarkerTests
{
    [Theory]
    [InlineData("ReaderProfile", true)]
    [InlineData("readerprofile", true)]
    [InlineData("BuyerPersona", true)]
    [InlineData("ProfileStore", false)]
    [InlineData("Reader", false)]
    public void Default_patterns_match_profile_and_persona_names(string typeName, bool expected) =>
        Assert.Equal(expected, new PersonaTypeMarker(PersonaTypeMarker.DefaultPatterns).Matches(typeName));

    [Fact]
    public void Question_mark_matches_one_character()
    {
        var marker = new PersonaTypeMarker(new[] { " User?Profile " });
        Assert.True(marker.Matches("UserAProfile"));
        Assert.False(marker.Matches("UserProfile"));
    }

    [Fact]
    public void Only_matching_types_without_the_attribute_are_marked()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class ReaderProfile { }
            [PersonaAnalyzers.PersonaProfile] class BuyerProfile { }
            record struct ShopperPersona(int Id);
            class Store { }
            """);
        var marker = new PersonaTypeMarker(PersonaTypeMarker.DefaultPatterns);
        var marked = marker.Visit(tree.GetRoot())!.ToFullString();
        Assert.Equal(2, marker.Marked);
        Assert.Contains("[global::PersonaAnalyzers.PersonaProfile]", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("PersonaProfile]class Store", marked.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
