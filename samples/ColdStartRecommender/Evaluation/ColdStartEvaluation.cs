using ColdStartRecommender.Readers;
using ColdStartRecommender.Recommending;
using PersonaAnalyzers.Simulation;

namespace ColdStartRecommender.Evaluation;

/// <summary>Treats every forum user in turn as a cold-start reader — their own model is not in the store — and
/// measures each ranker's log-loss on that reader's held-out article pairs.</summary>
public static class ColdStartEvaluation
{
    public static EvaluationResult Run(SimulatedForum forum)
    {
        var profiles = forum.Users.Select(u => new ReaderProfile($"reader-{u.Index:D3}", u.TopicMix.ToArray())).ToArray();
        double self = 0, prior = 0, risky = 0, guarded = 0;
        var perReader = new List<ReaderResult>(profiles.Length);

        for (var target = 0; target < profiles.Length; target++)
        {
            // The store as the recommender sees it when this reader arrives: everyone else, with their learned models.
            var store = new ProfileStore(forum.PopulationModel);
            for (var other = 0; other < profiles.Length; other++)
                if (other != target) store.Add(profiles[other], forum.Users[other].Model);

            var reader = profiles[target];
            var heldOut = forum.Users[target].HeldOut;
            var result = new ReaderResult(
                reader.ReaderId,
                MeanLogLoss(heldOut, pair => forum.Users[target].Model.Logit(pair)),
                MeanLogLoss(heldOut, forum.PopulationModel.Logit),
                MeanLogLoss(heldOut, pair => new RiskyRanker(store).Logit(reader, pair)),
                MeanLogLoss(heldOut, pair => new GuardedRanker(store).Logit(reader, pair)));
            perReader.Add(result);
            self += result.Self;
            prior += result.NoPersonalization;
            risky += result.Risky;
            guarded += result.Guarded;
        }

        var n = profiles.Length;
        return new EvaluationResult(self / n, prior / n, risky / n, guarded / n, perReader);
    }

    private static double MeanLogLoss(IReadOnlyList<Outcome> pairs, Func<Outcome, double> logit) =>
        pairs.Average(pair => PersuasionModel.LogLoss(logit(pair), pair.FirstWon));
}

public sealed record ReaderResult(string ReaderId, double Self, double NoPersonalization, double Risky, double Guarded);

public sealed record EvaluationResult(double Self, double NoPersonalization, double Risky, double Guarded, IReadOnlyList<ReaderResult> Readers)
{
    /// <summary>How much of the fallback's excess error over the user's own profile the guard removed.</summary>
    public double ShareOfExcessRemoved => Risky > Self ? (Risky - Guarded) / (Risky - Self) : 0;
}
