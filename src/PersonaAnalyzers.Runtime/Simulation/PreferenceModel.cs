using System;
using MathNet.Numerics.LinearAlgebra;

namespace PersonaAnalyzers.Simulation;

/// <summary>Per-topic logistic models of "which reply persuades": the population's (pooled over everyone) and a
/// user's own, fitted by MAP with a Gaussian prior centred on the population's. Where a user has no data on a topic
/// their model <em>is</em> the population's; where they have a lot it is confidently their own.</summary>
internal static class PreferenceModel
{
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    public static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Log-loss (natural log) of predicting <paramref name="firstWon"/> from the logit <paramref name="z"/>.</summary>
    public static double LogLoss(double z, bool firstWon)
    {
        // log(1 + e^{-y z}) computed without overflow.
        var m = firstWon ? -z : z;
        return m > 0 ? m + Math.Log(1 + Math.Exp(-m)) : Math.Log(1 + Math.Exp(m));
    }

    /// <summary>Draws the forum and fits every model: the users, the population model and each user's own model.</summary>
    public static (ForumUser[] Users, double[][] Population, double[][][] Models) FitForum(ForumOptions options)
    {
        var users = ForumPopulation.Generate(options);
        var population = FitPopulation(users, options.Topics, options.ReplyFeatures);
        var models = new double[users.Length][][];
        for (var u = 0; u < users.Length; u++) models[u] = FitUser(users[u], population, options.Shrinkage);
        return (users, population, models);
    }

    /// <summary>The population model — what "no personalization" predicts: one logistic fit to everyone's history on
    /// every topic, with a weak prior toward 0. It is returned once per topic so every model has the same shape.</summary>
    /// <remarks>It knows nothing about who is reading, so it cannot know a community's taste either: that is exactly
    /// the information a substitute can carry, for better (a shared community taste) or worse (someone else's
    /// individual taste applied with confidence).</remarks>
    public static double[][] FitPopulation(ForumUser[] users, int topics, int features)
    {
        var all = new System.Collections.Generic.List<Outcome>();
        foreach (var user in users) all.AddRange(user.History);
        var pooled = FitTopic(all, new double[features], precision: 1.0);
        var model = new double[topics][];
        for (var t = 0; t < topics; t++) model[t] = (double[])pooled.Clone();
        return model;
    }

    /// <summary>A user's model: per topic, MAP logistic regression on their history with prior N(population, 1/λ).</summary>
    public static double[][] FitUser(ForumUser user, double[][] population, double shrinkage)
    {
        var topics = population.Length;
        var byTopic = new System.Collections.Generic.List<Outcome>[topics];
        for (var t = 0; t < topics; t++) byTopic[t] = new System.Collections.Generic.List<Outcome>();
        foreach (var o in user.History) byTopic[o.Topic].Add(o);
        var model = new double[topics][];
        for (var t = 0; t < topics; t++)
            model[t] = byTopic[t].Count == 0 ? (double[])population[t].Clone() : FitTopic(byTopic[t], population[t], shrinkage);
        return model;
    }

    /// <summary>Newton's method on the penalised log-likelihood; the penalty keeps the Hessian positive definite.</summary>
    private static double[] FitTopic(System.Collections.Generic.List<Outcome> data, double[] prior, double precision)
    {
        var d = prior.Length;
        var w = Vector<double>.Build.DenseOfArray((double[])prior.Clone());
        var mu = Vector<double>.Build.DenseOfArray(prior);
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var gradient = (w - mu) * precision;
            var hessian = Matrix<double>.Build.DenseIdentity(d) * precision;
            foreach (var o in data)
            {
                var x = o.Difference;
                var p = Sigmoid(Dot(w.AsArray(), x));
                var y = o.FirstWon ? 1.0 : 0.0;
                for (var i = 0; i < d; i++)
                {
                    gradient[i] += (p - y) * x[i];
                    for (var j = 0; j < d; j++) hessian[i, j] += p * (1 - p) * x[i] * x[j];
                }
            }
            var step = hessian.Cholesky().Solve(gradient);
            w -= step;
            if (step.L2Norm() < 1e-8) break;
        }
        return w.ToArray();
    }
}
