using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests;

/// <summary>The generated code, compared line by line with the checked-in files in <c>Snapshots/</c>.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData(nameof(Samples.ReaderProfile), "Contoso.Personalization.ReaderProfileGuard.g.cs")]
    [InlineData(nameof(Samples.GlobalRecordStruct), "DeviceProfileGuard.g.cs")]
    [InlineData(nameof(Samples.NestedRecord), "Shop.Catalog.BuyerGuard.g.cs")]
    public void Generated_guard_matches_its_snapshot(string sample, string hintName)
    {
        var source = (string)typeof(Samples).GetField(sample)!.GetValue(null)!;
        var run = GeneratorRun.Run(source).AssertCompilesCleanly();
        Assert.True(run.Generated.ContainsKey(hintName), "Generated: " + string.Join(", ", run.Generated.Keys));
        Snapshot.Match(run.Generated[hintName], hintName);
    }

    [Fact]
    public void A_mismatch_fails_with_a_line_diff()
    {
        var run = GeneratorRun.Run(Samples.ReaderProfile);
        var changed = run.Generated["Contoso.Personalization.ReaderProfileGuard.g.cs"].Replace("(0.9, 0.4)", "(0.95, 0.4)");
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Snapshot.Match(changed, "Contoso.Personalization.ReaderProfileGuard.g.cs", allowUpdate: false));
        Assert.Contains("- " + "        public static global::PersonaAnalyzers.SimilarityBands Bands { get; } = new global::PersonaAnalyzers.SimilarityBands(0.9, 0.4);", failure.Message);
        Assert.Contains("+ " + "        public static global::PersonaAnalyzers.SimilarityBands Bands { get; } = new global::PersonaAnalyzers.SimilarityBands(0.95, 0.4);", failure.Message);
    }
}
