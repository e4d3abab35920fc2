using System;
using System.Collections.Generic;

namespace PersonaAnalyzers.Simulation;

/// <summary>The simulated persuasion forum as a data set for applications (the sample recommender): every user's
/// visible topic mix, learned model and held-out outcomes, and the population model. The same population and
/// models that <see cref="ForumSimulator"/> uses for the same options.</summary>
public sealed class SimulatedForum
{
    private SimulatedForum(PersuasionModel population, IReadOnlyList<SimulatedUser> users)
    {
        PopulationModel = population;
        Users = users;
    }

    /// <summary>What no personalization predicts: one model fitted to everyone's history.</summary>
    public PersuasionModel PopulationModel { get; }

    /// <summary>The users, in generation order.</summary>
    public IReadOnlyList<SimulatedUser> Users { get; }

    /// <summary>Generates the forum and fits every model. Seeded and deterministic.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static SimulatedForum Create(ForumOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var (users, population, models) = PreferenceModel.FitForum(options);
        var result = new SimulatedUser[users.Length];
        for (var u = 0; u < users.Length; u++)
            result[u] = new SimulatedUser(u, users[u].TopicProfile, new PersuasionModel(models[u]), users[u].HeldOut);
        return new SimulatedForum(new PersuasionModel(population), result);
    }
}

/// <summary>One simulated user: what a profile shows (the topic mix), what their own history taught (the model), and
/// the outcomes kept back to measure predictions on.</summary>
public sealed class SimulatedUser
{
    internal SimulatedUser(int index, double[] topicMix, PersuasionModel model, Outcome[] heldOut)
    {
        Index = index;
        TopicMix = topicMix;
        Model = model;
        HeldOut = heldOut;
    }

    /// <summary>The user's position in <see cref="SimulatedForum.Users"/>.</summary>
    public int Index { get; }

    /// <summary>The observed topic distribution of the user's history.</summary>
    public IReadOnlyList<double> TopicMix { get; }

    /// <summary>The model fitted to the user's own history.</summary>
    public PersuasionModel Model { get; }

    /// <summary>Outcomes not used for fitting.</summary>
    public IReadOnlyList<Outcome> HeldOut { get; }
}
