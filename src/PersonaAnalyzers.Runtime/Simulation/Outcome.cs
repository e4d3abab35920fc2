namespace PersonaAnalyzers.Simulation;

/// <summary>One "which of two replies persuaded you" outcome: the thread's topic, the feature difference between reply
/// A and reply B, and whether A won.</summary>
public readonly struct Outcome
{
    /// <summary>Creates an outcome.</summary>
    public Outcome(int topic, double[] difference, bool firstWon)
    {
        Topic = topic;
        Difference = difference;
        FirstWon = firstWon;
    }

    /// <summary>The thread's topic.</summary>
    public int Topic { get; }
    /// <summary>Reply A's features minus reply B's.</summary>
    public double[] Difference { get; }
    /// <summary>Whether reply A persuaded.</summary>
    public bool FirstWon { get; }
}
