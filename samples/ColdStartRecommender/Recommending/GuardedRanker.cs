using ColdStartRecommender.Readers;
using PersonaAnalyzers.Simulation;

namespace ColdStartRecommender.Recommending;

/// <summary>The same recommender with the guard: the stand-in is the safest substitute (never simply the most
/// similar), its taste is blended with the population prior by the verdict's confidence, and when no known reader
/// beats no personalization the prior is used alone.</summary>
public sealed class GuardedRanker : IArticleRanker
{
    private readonly ProfileStore _store;

    public GuardedRanker(ProfileStore store) => _store = store;

    public string Name => "guarded substitute";

    public double Logit(ReaderProfile reader, Outcome articlePair)
    {
        if (_store.TryGetModel(reader.ReaderId, out var own))
            return own.Logit(articlePair);

        var prior = _store.PopulationModel.Logit(articlePair);
        var others = _store.Readers.Where(r => r.ReaderId != reader.ReaderId);
        var substitute = ReaderProfileGuard.SafestSubstitute(reader, others);
        if (substitute is null)
            return prior;

        var verdict = ReaderProfileGuard.Assess(reader, substitute);
        return verdict.Blend(_store.ModelOf(substitute).Logit(articlePair), prior);
    }
}
