namespace PersonaAnalyzers.Simulation;

/// <summary>A simulated forum user: the community, the visible topic mix of their history (what profile similarity
/// sees), their hidden per-topic persuasion preferences, and their outcomes.</summary>
internal sealed class ForumUser
{
    public ForumUser(int community, double[] interests, double[][] preferences, Outcome[] history, Outcome[] heldOut)
    {
        Community = community;
        Interests = interests;
        Preferences = preferences;
        History = history;
        HeldOut = heldOut;
        TopicProfile = new double[interests.Length];
        foreach (var outcome in history) TopicProfile[outcome.Topic] += 1.0 / history.Length;
    }

    public int Community { get; }

    /// <summary>The true topic mix the user's threads are drawn from.</summary>
    public double[] Interests { get; }

    /// <summary>Preference weights by topic and reply feature (hidden: similarity never sees them).</summary>
    public double[][] Preferences { get; }

    public Outcome[] History { get; }

    public Outcome[] HeldOut { get; }

    /// <summary>The observed topic distribution of the history: the coarse profile that similarity compares.</summary>
    public double[] TopicProfile { get; }
}
