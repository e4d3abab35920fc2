using ColdStartRecommender.Readers;
using PersonaAnalyzers.Simulation;

namespace ColdStartRecommender.Recommending;

/// <summary>Ranks two articles for a reader: the logit that the first one persuades them more.</summary>
public interface IArticleRanker
{
    string Name { get; }

    double Logit(ReaderProfile reader, Outcome articlePair);
}
