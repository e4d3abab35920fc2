namespace PersonaAnalyzers.Simulation;

/// <summary>One "which of two replies persuaded you" outcome: the thread's topic, the feature difference between reply
/// A and reply B, and whether A won.</summary>
internal readonly struct Outcome
{
    public Outcome(int topic, double[] difference, bool firstWon)
    {
        Topic = topic;
        Difference = difference;
        FirstWon = firstWon;
    }

    public int Topic { get; }
    public double[] Difference { get; }
    public bool FirstWon { get; }
}
