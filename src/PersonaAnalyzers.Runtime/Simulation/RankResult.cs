namespace PersonaAnalyzers.Simulation;

/// <summary>Mean error over target users when each is personalized with their <see cref="Rank"/>-th most similar user.</summary>
public sealed class RankResult
{
    internal RankResult(int rank, double similarity, double error, double guardedError, double safeShare)
    {
        Rank = rank;
        Similarity = similarity;
        Error = error;
        GuardedError = guardedError;
        SafeShare = safeShare;
    }

    /// <summary>1 = the most similar replacement.</summary>
    public int Rank { get; }

    /// <summary>Mean similarity of the replacement at this rank.</summary>
    public double Similarity { get; }

    /// <summary>Mean log-loss on the target's held-out outcomes with the replacement's model applied unguarded.</summary>
    public double Error { get; }

    /// <summary>Mean log-loss when the guard decides (safe → blend by confidence with the population prior; unsafe →
    /// population prior).</summary>
    public double GuardedError { get; }

    /// <summary>Share of targets for which the guard judged this replacement safe.</summary>
    public double SafeShare { get; }
}
