using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>The excerpt of the offending expression in a PERSONA0xx message: one line, at most 60 characters.</summary>
public class ExcerptTests
{
    [Theory]
    [InlineData("index.FindNearest(user)", "index.FindNearest(user)")]
    [InlineData("  index\n    .FindNearest(\tuser )\r\n", "index .FindNearest( user )")]
    [InlineData("", "")]
    public void White_space_runs_become_one_space_and_the_ends_are_trimmed(string text, string expected) =>
        Assert.Equal(expected, SubstitutionDiagnostics.Shorten(text));

    [Fact]
    public void Long_expressions_are_cut_with_an_ellipsis()
    {
        var excerpt = SubstitutionDiagnostics.Shorten("pool.OrderByDescending(candidate => ReaderGuard.Similarity(user, candidate)).First()");
        Assert.Equal(60, excerpt.Length);
        Assert.Equal("pool.OrderByDescending(candidate => ReaderGuard.Similarity(…", excerpt);
    }

    [Fact]
    public void Sixty_characters_are_kept_whole()
    {
        var text = new string('x', 60);
        Assert.Equal(text, SubstitutionDiagnostics.Shorten(text));
    }
}
