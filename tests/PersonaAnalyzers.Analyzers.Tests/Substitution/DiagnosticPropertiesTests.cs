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

    [Fact]
    public async Task PERSONA004_names_the_check()
    {
        var diagnostic = await Single(SubstitutionDescriptors.DiscardedCheckId);
        Assert.Equal("Classify", diagnostic.Properties[SubstitutionProperties.CheckMethod]);
        Assert.Equal("Shop.ReaderGuard", diagnostic.Properties[SubstitutionProperties.GuardType]);
    }

    private static string Text(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);
}
