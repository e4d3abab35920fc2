using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Analyzers.Tests.Robustness;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>What the code fixes read from each diagnostic's properties and additional locations.</summary>
public class DiagnosticPropertiesTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Linq;
        using PersonaAnalyzers;
        using Shop;

        public class C
        {
            public string Unchecked(IReaderIndex index, Reader user) => Render.Prompt(index.Lookalike(user));

            public Reader? Nearest(List<Reader> pool, Reader user) => pool.MaxBy(c => ReaderGuard.Similarity(user, c));

            public string? Threshold(Reader user, Reader other) => ReaderGuard.Similarity(user, other) >= 0.9 ? other.Summary : null;

            public void Discarded(Reader user, Reader other) => ReaderGuard.Classify(user, other);
        }
        """;

    private static async Task<Diagnostic> Single(string id)
    {
        var result = await AnalyzerHarness.RunAsync(new[] { Source });
        Assert.Empty(result.Exceptions);
        return Assert.Single(result.Diagnostics, d => d.Id == id);
    }

    [Fact]
    public async Task PERSONA001_names_the_persona_guard_construct_and_use()
    {
        var diagnostic = await Single(SubstitutionDescriptors.UncheckedSubstituteId);
        Assert.Equal("Shop.Reader", diagnostic.Properties[SubstitutionProperties.PersonaType]);
        Assert.Equal("Shop.ReaderGuard", diagnostic.Properties[SubstitutionProperties.GuardType]);
        Assert.Equal("Invocation", diagnostic.Properties[SubstitutionProperties.Construct]);
        Assert.Equal("Argument", diagnostic.Properties[SubstitutionProperties.UseKind]);
        Assert.Equal("false", diagnostic.Properties[SubstitutionProperties.IsCollection]);
        Assert.Equal("index.Lookalike(user)", Text(diagnostic.Location));
        Assert.Equal("index.Lookalike(user)", Text(Assert.Single(diagnostic.AdditionalLocations)));
    }

    [Fact]
    public async Task PERSONA002_points_at_the_target_and_the_population()
    {
        var diagnostic = await Single(SubstitutionDescriptors.HighestSimilaritySelectionId);
        Assert.Equal("Shop.Reader", diagnostic.Properties[SubstitutionProperties.PersonaType]);
        Assert.Equal("MaxBy", diagnostic.Properties[SubstitutionProperties.Selection]);
        var target = int.Parse(diagnostic.Properties[SubstitutionProperties.TargetLocation]!);
        var candidates = int.Parse(diagnostic.Properties[SubstitutionProperties.CandidatesLocation]!);
        Assert.Equal("user", Text(diagnostic.AdditionalLocations[target]));
        Assert.Equal("pool", Text(diagnostic.AdditionalLocations[candidates]));
    }

    [Fact]
    public async Task PERSONA003_says_which_operand_is_the_score()
    {
        var diagnostic = await Single(SubstitutionDescriptors.RawThresholdId);
        Assert.Equal("Left", diagnostic.Properties[SubstitutionProperties.ScoreOperand]);
        Assert.Equal("false", diagnostic.Properties[SubstitutionProperties.IsDistance]);
        Assert.Equal("ReaderGuard.Similarity(user, other)", Text(diagnostic.AdditionalLocations[0]));
        Assert.Equal("0.9", Text(diagnostic.AdditionalLocations[1]));
    }

    /// <summary>A bar compared through <c>CompareTo</c>: the score inside the call and the bar are the additional
    /// locations, the side is the comparison's operand holding the call, and which way admits — with the message — is
    /// read from the sign, the side and which of the two the call is made on.</summary>
    [Theory]
    [InlineData("ReaderGuard.Similarity(user, other).CompareTo(0.9) > 0 ? other.Summary : null", "Left", "ReaderGuard.Similarity(user, other)", "0.9", "true", true)]
    [InlineData("0 < ReaderGuard.Similarity(user, other).CompareTo(0.9) ? other.Summary : null", "Right", "ReaderGuard.Similarity(user, other)", "0.9", "true", true)]
    [InlineData("0.97.CompareTo(ReaderGuard.Similarity(user, other)) > 0 ? other.Summary : null", "Left", "ReaderGuard.Similarity(user, other)", "0.97", "true", false)]
    [InlineData("ReaderGuard.Similarity(user, other).CompareTo(0.9) >= 0 ? null : other.Summary", "Left", "ReaderGuard.Similarity(user, other)", "0.9", "false", false)]
    public async Task PERSONA003_through_CompareTo_points_at_the_score_and_the_bar(string test, string side, string score, string bar, string admits, bool nearTwinMessage)
    {
        var result = await AnalyzerHarness.RunAsync(new[] { $$"""
            using Shop;
            public class C
            {
                public string? Threshold(Reader user, Reader other) => {{test}};
            }
            """ });
        Assert.Empty(result.Exceptions);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == SubstitutionDescriptors.RawThresholdId);
        Assert.Equal(side, diagnostic.Properties[SubstitutionProperties.ScoreOperand]);
        Assert.Equal(admits, diagnostic.Properties[SubstitutionProperties.AdmitsWhenHolds]);
        Assert.Equal(score, Text(diagnostic.AdditionalLocations[0]));
        Assert.Equal(bar, Text(diagnostic.AdditionalLocations[1]));
        Assert.Equal(nearTwinMessage, diagnostic.GetMessage().Contains("admits exactly the near-twins", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PERSONA004_names_the_check()
    {
        var diagnostic = await Single(SubstitutionDescriptors.DiscardedCheckId);
        Assert.Equal("Classify", diagnostic.Properties[SubstitutionProperties.CheckMethod]);
        Assert.Equal("Shop.ReaderGuard", diagnostic.Properties[SubstitutionProperties.GuardType]);
    }

    private static string Text(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);
}
