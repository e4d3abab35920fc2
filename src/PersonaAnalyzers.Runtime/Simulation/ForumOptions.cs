using System;

namespace PersonaAnalyzers.Simulation;

/// <summary>The knobs of the simulated persuasion forum. The defaults reproduce the research's U-shape; every value is
/// validated by <see cref="Validate"/>.</summary>
public sealed class ForumOptions
{
    /// <summary>Number of users in the pool (≥ 10). Small pools amplify the near-match harm.</summary>
    public int Users { get; set; } = 120;

    /// <summary>Seed of every random draw; the same options give the same result.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Latent communities that set the users' coarse topic interests.</summary>
    public int Communities { get; set; } = 3;

    /// <summary>Topics a thread can be about.</summary>
    public int Topics { get; set; } = 24;

    /// <summary>Features of a reply a user's persuasion preference weighs (evidence, emotion, …).</summary>
    public int ReplyFeatures { get; set; } = 3;

    /// <summary>How much the fine persuasion preferences follow the community: <c>ρ·community + √(1−ρ²)·individual</c>.
    /// At 1 they are fully determined by the coarse interests and near-twins stop doing harm.</summary>
    public double Rho { get; set; } = 0.3;

    /// <summary>Standard deviation of a preference weight (how strongly users prefer one kind of reply).</summary>
    public double PreferenceScale { get; set; } = 1.2;

    /// <summary>How concentrated a user's topic mix is around the community's (Dirichlet concentration): lower
    /// values give more varied users, so similarity spreads out within a community.</summary>
    public double InterestConcentration { get; set; } = 1;

    /// <summary>How concentrated a community's topic mix is (Dirichlet concentration over topics).</summary>
    public double CommunityConcentration { get; set; } = 1;

    /// <summary>"Which reply persuaded you" outcomes a user's model learns from.</summary>
    public int History { get; set; } = 300;

    /// <summary>Outcomes of the target user held out for scoring.</summary>
    public int HeldOut { get; set; } = 120;

    /// <summary>Precision of the prior that pulls a user's per-topic model toward the population's (L2 strength):
    /// a model is confident only where it has data.</summary>
    public double Shrinkage { get; set; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Users < 10) throw new ArgumentException($"Users is {Users}; the forum needs at least 10 users.", nameof(Users));
        if (Communities < 1) throw new ArgumentException($"Communities is {Communities}; it must be at least 1.", nameof(Communities));
        if (Topics < 2) throw new ArgumentException($"Topics is {Topics}; it must be at least 2.", nameof(Topics));
        if (ReplyFeatures < 1) throw new ArgumentException($"ReplyFeatures is {ReplyFeatures}; it must be at least 1.", nameof(ReplyFeatures));
        if (double.IsNaN(Rho) || Rho < 0 || Rho > 1) throw new ArgumentException($"Rho is {Guard.Format(Rho)}; it must lie in [0, 1].", nameof(Rho));
        Guard.Positive(PreferenceScale, nameof(PreferenceScale));
        Guard.Positive(InterestConcentration, nameof(InterestConcentration));
        Guard.Positive(CommunityConcentration, nameof(CommunityConcentration));
        if (History < 10) throw new ArgumentException($"History is {History}; a user needs at least 10 outcomes.", nameof(History));
        if (HeldOut < 1) throw new ArgumentException($"HeldOut is {HeldOut}; it must be at least 1.", nameof(HeldOut));
        Guard.Positive(Shrinkage, nameof(Shrinkage));
    }
}
