using System;
using System.Collections.Generic;

namespace PersonaAnalyzers.Simulation;

/// <summary>Runs the simulated persuasion forum: fits every user's model, swaps models at every similarity rank and
/// scores log-loss on the target's held-out outcomes. Seeded and deterministic.</summary>
/// <remarks>Nothing here mentions similarity bands or a U-shape: the harm of near-twins emerges because their topic
/// overlap activates a confidently fitted model whose fine preferences are only ρ²-correlated with the target's.</remarks>
public static class ForumSimulator
{
    /// <summary>Runs the simulation.</summary>
    /// <param name="options">The forum; validated.</param>
    /// <param name="policy">The guard for the guarded variant; <see cref="SubstitutionPolicy.Default"/> when null.</param>
    /// <param name="progress">Reports the fraction of targets done, in [0, 1].</param>
    public static ForumResult Run(ForumOptions options, SubstitutionPolicy? policy = null, IProgress<double>? progress = null)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        policy ??= SubstitutionPolicy.Default;
        var (users, population, models) = PreferenceModel.FitForum(options);

        int n = users.Length, ranks = n - 1;
        var rankSimilarity = new double[ranks];
        var rankError = new double[ranks];
        var rankGuarded = new double[ranks];
        var rankSafe = new double[ranks];
        double selfTotal = 0, baselineTotal = 0;
        var baselines = new double[n];
        var pairs = new List<(int Target, ObservationKind Kind, double Similarity, double Error)>(n * n);
        var candidates = new (double Similarity, int User)[ranks];

        for (var u = 0; u < n; u++)
        {
            var target = users[u];
            var baseline = Score(target, population, null, population);
            var self = Score(target, models[u], null, population);
            baselineTotal += baseline;
            selfTotal += self;
            baselines[u] = baseline;
            pairs.Add((u, ObservationKind.Self, 1, self));

            var k = 0;
            for (var v = 0; v < n; v++)
                if (v != u) candidates[k++] = (Similarity(target, users[v]), v);
            // Most similar first; ties broken by user index so runs are deterministic.
            Array.Sort(candidates, (a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.User.CompareTo(b.User));

            for (var r = 0; r < ranks; r++)
            {
                var (similarity, v) = candidates[r];
                var error = Score(target, models[v], null, population);
                var verdict = policy.Assess(similarity);
                var guarded = verdict.IsSafe ? Score(target, models[v], verdict, population) : baseline;
                rankSimilarity[r] += similarity;
                rankError[r] += error;
                rankGuarded[r] += guarded;
                if (verdict.IsSafe) rankSafe[r]++;
                pairs.Add((u, ObservationKind.Substitute, similarity, error));
            }
            progress?.Report((u + 1.0) / n);
        }

        // Paired observations: every error is taken relative to its own target's baseline (and shifted back by the mean
        // baseline). Targets differ in how predictable they are, and some have more distant neighbours than others;
        // without pairing, that composition would show up as a spurious slope in the error-by-similarity curve.
        var meanBaseline = baselineTotal / n;
        var observations = new List<RiskObservation>(pairs.Count + n);
        for (var u = 0; u < n; u++) observations.Add(RiskObservation.Baseline(meanBaseline));
        foreach (var (target, kind, similarity, error) in pairs)
            observations.Add(new RiskObservation(similarity, error - baselines[target] + meanBaseline, kind));

        var results = new RankResult[ranks];
        for (var r = 0; r < ranks; r++)
            results[r] = new RankResult(r + 1, rankSimilarity[r] / n, rankError[r] / n, rankGuarded[r] / n, rankSafe[r] / n);
        return new ForumResult(options, selfTotal / n, baselineTotal / n, results, observations);
    }

    /// <summary>Profile similarity: 1 − Jensen–Shannon divergence of the topic mixes of the two histories — all that a
    /// profile shows about a user.</summary>
    internal static double Similarity(ForumUser a, ForumUser b) => SimilarityKernels.JensenShannon(a.TopicProfile, b.TopicProfile);

    /// <summary>Mean log-loss of a model on the target's held-out outcomes; with a verdict, the model's logit is blended
    /// with the population's by the verdict's confidence.</summary>
    private static double Score(ForumUser target, double[][] model, SubstitutionVerdict? verdict, double[][] population)
    {
        var total = 0.0;
        foreach (var o in target.HeldOut)
        {
            var z = PreferenceModel.Dot(model[o.Topic], o.Difference);
            if (verdict is { } v) z = v.Blend(z, PreferenceModel.Dot(population[o.Topic], o.Difference));
            total += PreferenceModel.LogLoss(z, o.FirstWon);
        }
        return total / target.HeldOut.Length;
    }
}
