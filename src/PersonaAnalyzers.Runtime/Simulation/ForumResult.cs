using System.Collections.Generic;

namespace PersonaAnalyzers.Simulation;

/// <summary>The outcome of a forum simulation: error with the own profile, with no personalization, by similarity rank
/// (with and without the guard), and every (similarity, error) observation for calibration.</summary>
public sealed class ForumResult
{
    internal ForumResult(ForumOptions options, double selfError, double baselineError, IReadOnlyList<RankResult> ranks, IReadOnlyList<RiskObservation> observations)
    {
        Options = options;
        SelfError = selfError;
        BaselineError = baselineError;
        Ranks = ranks;
        Observations = observations;
    }

    /// <summary>The options the run used.</summary>
    public ForumOptions Options { get; }

    /// <summary>Mean log-loss with each target's own model.</summary>
    public double SelfError { get; }

    /// <summary>Mean log-loss of the population model (no personalization).</summary>
    public double BaselineError { get; }

    /// <summary>Rank 1 (most similar) … rank N−1 (least similar).</summary>
    public IReadOnlyList<RankResult> Ranks { get; }

    /// <summary>One substitute observation per ordered (target, replacement) pair, plus one baseline and one self
    /// observation per target: the input of <see cref="RiskCalibrator"/>. Errors are paired: each is its target's error
    /// minus that target's baseline, plus the mean baseline (so every baseline observation equals the mean).</summary>
    public IReadOnlyList<RiskObservation> Observations { get; }
}
