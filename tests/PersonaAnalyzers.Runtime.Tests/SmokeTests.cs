namespace PersonaAnalyzers.Runtime.Tests;

public class SmokeTests
{
    [Fact]
    public void Default_bands_are_ordered() => Assert.True(SimilarityBands.Default.Distant < SimilarityBands.Default.NearMatch);
}
