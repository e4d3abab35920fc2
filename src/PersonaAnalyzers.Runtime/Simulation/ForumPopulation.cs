using System;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace PersonaAnalyzers.Simulation;

/// <summary>Draws a seeded population: communities set topic mixes and a community-level persuasion preference per
/// topic; each user's fine preference is <c>ρ·community + √(1−ρ²)·individual</c>, so coarse interests predict it only
/// partly.</summary>
internal static class ForumPopulation
{
    public static ForumUser[] Generate(ForumOptions options)
    {
        options.Validate();
        var rng = new Xoshiro256StarStar(options.Seed);
        int topics = options.Topics, features = options.ReplyFeatures;

        var communityMix = new double[options.Communities][];
        var communityPreference = new double[options.Communities][][];
        for (var c = 0; c < options.Communities; c++)
        {
            communityMix[c] = Dirichlet(rng, Fill(topics, options.CommunityConcentration));
            communityPreference[c] = new double[topics][];
            for (var t = 0; t < topics; t++) communityPreference[c][t] = Gaussian(rng, features, options.PreferenceScale);
        }

        var individualWeight = Math.Sqrt(1 - options.Rho * options.Rho);
        var users = new ForumUser[options.Users];
        for (var u = 0; u < users.Length; u++)
        {
            var community = u % options.Communities;
            var alpha = new double[topics];
            for (var t = 0; t < topics; t++) alpha[t] = options.InterestConcentration * communityMix[community][t] + 0.01;
            var interests = Dirichlet(rng, alpha);

            var preferences = new double[topics][];
            for (var t = 0; t < topics; t++)
            {
                var individual = Gaussian(rng, features, options.PreferenceScale);
                preferences[t] = new double[features];
                for (var f = 0; f < features; f++)
                    preferences[t][f] = options.Rho * communityPreference[community][t][f] + individualWeight * individual[f];
            }

            users[u] = new ForumUser(community, interests, preferences,
                Outcomes(rng, interests, preferences, options.History, features),
                Outcomes(rng, interests, preferences, options.HeldOut, features));
        }
        return users;
    }

    private static Outcome[] Outcomes(System.Random rng, double[] interests, double[][] preferences, int count, int features)
    {
        var outcomes = new Outcome[count];
        for (var i = 0; i < count; i++)
        {
            var topic = Categorical.Sample(rng, interests);
            var difference = Gaussian(rng, features, 1.0);
            var p = PreferenceModel.Sigmoid(PreferenceModel.Dot(preferences[topic], difference));
            outcomes[i] = new Outcome(topic, difference, rng.NextDouble() < p);
        }
        return outcomes;
    }

    private static double[] Dirichlet(System.Random rng, double[] alpha)
    {
        var draw = new double[alpha.Length];
        var sum = 0.0;
        for (var i = 0; i < alpha.Length; i++) sum += draw[i] = Gamma.Sample(rng, alpha[i], 1.0);
        // A Dirichlet with tiny concentrations can underflow every component; fall back to uniform rather than NaN.
        for (var i = 0; i < alpha.Length; i++) draw[i] = sum > 0 ? draw[i] / sum : 1.0 / alpha.Length;
        return draw;
    }

    private static double[] Gaussian(System.Random rng, int length, double scale)
    {
        var v = new double[length];
        for (var i = 0; i < length; i++) v[i] = Normal.Sample(rng, 0, scale);
        return v;
    }

    private static double[] Fill(int length, double value)
    {
        var v = new double[length];
        for (var i = 0; i < length; i++) v[i] = value;
        return v;
    }
}
