using ColdStartRecommender.Readers;
using PersonaAnalyzers.Simulation;

namespace ColdStartRecommender.Recommending;

/// <summary>The recommender as it is usually written: a cold-start reader borrows the taste model of the most similar
/// known reader. The analyzers flag both steps — choosing the nearest neighbour (PERSONA002) and using its profile
/// unchecked (PERSONA001) — and this file keeps those warnings on purpose.</summary>
public sealed class RiskyRanker : IArticleRanker
{
    private readonly ProfileStore _store;

    public RiskyRanker(ProfileStore store) => _store = store;

    public string Name => "nearest-neighbour fallback";

    public double Logit(ReaderProfile reader, Outcome articlePair)
    {
        if (_store.TryGetModel(reader.ReaderId, out var own))
            return own.Logit(articlePair);

        var neighbour = FindMostSimilarReader(reader);
        return _store.ModelOf(neighbour).Logit(articlePair);
    }

    private ReaderProfile FindMostSimilarReader(ReaderProfile reader) =>
        _store.Readers
            .Where(r => r.ReaderId != reader.ReaderId)
            .MaxBy(r => ReaderProfileGuard.Similarity(reader, r))!;
}
