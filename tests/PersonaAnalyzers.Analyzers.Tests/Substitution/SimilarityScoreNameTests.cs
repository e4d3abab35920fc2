using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>A member whose name says Similarity, Cosine or Distance is a score, unless a whole word of its name says
/// it is the bar a score is held to (PERSONA003 compares a score with a bar; two scores compared are PERSONA002's).</summary>
public class SimilarityScoreNameTests
{
    [Theory]
    [InlineData("MinSimilarity", true)]
    [InlineData("_minSimilarity", true)]
    [InlineData("SimilarityThreshold", true)]
    [InlineData("MAX_DISTANCE", true)]
    [InlineData("cosineCutoff", true)]
    [InlineData("Similarity", false)]
    [InlineData("TopicSimilarity", false)]
    [InlineData("DominantSimilarity", false)]
    [InlineData("MinimalistCosine", false)]
    public void A_stored_bar_is_told_from_a_score_by_whole_words(string name, bool isBar) =>
        Assert.Equal(isBar, SimilarityScores.NamesABar(name));
}
