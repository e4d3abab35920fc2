using PersonaAnalyzers;

namespace ColdStartRecommender.Readers;

/// <summary>What the recommender knows about a reader before it has learned their taste: the mix of topics they
/// have read. Two readers with the same mix may still be persuaded by very different articles — which is why the
/// most similar reader is the riskiest stand-in.</summary>
[PersonaProfile]
public sealed class ReaderProfile
{
    public ReaderProfile(string readerId, double[] topicMix)
    {
        ReaderId = readerId;
        TopicMix = topicMix;
    }

    [PersonaKey]
    public string ReaderId { get; }

    [PersonaFeature(SimilarityMetric.JensenShannon)]
    public double[] TopicMix { get; }

    public override string ToString() => ReaderId;
}
