namespace PersonaAnalyzers.Generator.Tests;

/// <summary>Persona types the tests run through the generator.</summary>
internal static class Samples
{
    /// <summary>The contract's example: a keyed class with a dense embedding, a topic set, a rating map and a category.</summary>
    public const string ReaderProfile = """
        using System.Collections.Generic;
        using PersonaAnalyzers;

        namespace Contoso.Personalization
        {
            public enum Tier { Free, Plus, Pro }

            [PersonaProfile(NearMatch = 0.9, Distant = 0.4)]
            public sealed class ReaderProfile
            {
                [PersonaKey] public string UserId { get; set; } = "";
                [PersonaFeature(SimilarityMetric.Cosine, Weight = 2)] public float[]? Embedding { get; set; }
                [PersonaFeature(SimilarityMetric.Jaccard, Shrinkage = 2)] public HashSet<string>? Topics { get; set; }
                [PersonaFeature(SimilarityMetric.Pearson)] public Dictionary<string, double>? Ratings { get; set; }
                [PersonaFeature(SimilarityMetric.Categorical, Weight = 0.5)] public Tier? Tier { get; set; }
                [PersonaFeature(SimilarityMetric.Categorical)] public string? Country { get; set; }
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 10)] public int? Age { get; set; }
                [PersonaFeature(SimilarityMetric.JensenShannon)] public double[]? TopicMix { get; set; }
            }
        }
        """;

    /// <summary>A record struct in the global namespace, no key, every span-like member type.</summary>
    public const string GlobalRecordStruct = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using PersonaAnalyzers;

        [PersonaProfile]
        internal readonly record struct DeviceProfile(
            [property: PersonaFeature(SimilarityMetric.Cosine)] ReadOnlyMemory<float> Embedding,
            [property: PersonaFeature(SimilarityMetric.JensenShannon)] IReadOnlyDictionary<string, double>? Mix,
            [property: PersonaFeature(SimilarityMetric.Jaccard)] ImmutableArray<int> Apps,
            [property: PersonaFeature(SimilarityMetric.Gaussian, Scale = 2.5)] decimal Spend,
            [property: PersonaFeature(SimilarityMetric.Categorical)] bool Mobile);
        """;

    /// <summary>A nested internal record with an int key and list-typed features.</summary>
    public const string NestedRecord = """
        using System.Collections.Generic;
        using PersonaAnalyzers;

        namespace Shop
        {
            public static class Catalog
            {
                [PersonaProfile]
                internal sealed record Buyer
                {
                    [PersonaKey] public int Id { get; init; }
                    [PersonaFeature(SimilarityMetric.Cosine)] public IReadOnlyList<double>? Taste { get; init; }
                    [PersonaFeature(SimilarityMetric.Jaccard)] public List<string>? Brands { get; init; }
                    [PersonaFeature(SimilarityMetric.Jaccard)] public IEnumerable<string>? Visits { get; init; }
                }
            }
        }
        """;
}
