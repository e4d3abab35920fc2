using System;

namespace PersonaAnalyzers.Simulation;

/// <summary>A learned taste: per topic, logistic weights over the feature difference of two replies. A user's model
/// is confident where the user has history and falls back to the population's where they have none.</summary>
public sealed class PersuasionModel
{
    private readonly double[][] _weights;

    internal PersuasionModel(double[][] weights) => _weights = weights;

    /// <summary>The logit that the first reply of the pair persuades more.</summary>
    /// <exception cref="ArgumentException">The outcome's topic or feature count does not fit this model.</exception>
    public double Logit(Outcome pair)
    {
        if ((uint)pair.Topic >= (uint)_weights.Length)
            throw new ArgumentException($"The pair's topic is {pair.Topic}; this model knows topics 0..{_weights.Length - 1}.", nameof(pair));
        var w = _weights[pair.Topic];
        if (pair.Difference is null || pair.Difference.Length != w.Length)
            throw new ArgumentException($"The pair has {pair.Difference?.Length ?? 0} reply features; this model expects {w.Length}.", nameof(pair));
        return PreferenceModel.Dot(w, pair.Difference);
    }

    /// <summary>Log-loss (nats) of predicting <paramref name="firstWon"/> from <paramref name="logit"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="logit"/> is NaN or ±∞.</exception>
    public static double LogLoss(double logit, bool firstWon)
    {
        Guard.Finite(logit, nameof(logit));
        return PreferenceModel.LogLoss(logit, firstWon);
    }
}
