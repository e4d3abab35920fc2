using System;
using System.Collections.Generic;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    /// <summary>1 − Jensen–Shannon divergence (base 2) of two distributions over the same outcomes. Inputs are
    /// normalised by their sums, so counts work as well as probabilities.</summary>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, a negative or non-finite mass, or a
    /// distribution whose total is 0.</exception>
    public static double JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        Guard.NotEmpty(p.Length, nameof(p));
        Guard.SameLength(p.Length, q.Length, nameof(p), nameof(q));
        var sp = Mass(p, nameof(p));
        var sq = Mass(q, nameof(q));
        double divergence = 0;
        for (var i = 0; i < p.Length; i++)
            divergence += JsTerm(p[i] / sp, q[i] / sq);
        return Clamp01(1 - divergence);
    }

    /// <inheritdoc cref="JensenShannon(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double JensenShannon(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        Guard.NotEmpty(p.Length, nameof(p));
        Guard.SameLength(p.Length, q.Length, nameof(p), nameof(q));
        double sp = 0, sq = 0;
        for (var i = 0; i < p.Length; i++)
        {
            sp += CheckMass(p[i], nameof(p), i);
            sq += CheckMass(q[i], nameof(q), i);
        }
        CheckTotal(sp, nameof(p));
        CheckTotal(sq, nameof(q));
        double divergence = 0;
        for (var i = 0; i < p.Length; i++)
            divergence += JsTerm(p[i] / sp, q[i] / sq);
        return Clamp01(1 - divergence);
    }

    /// <summary>1 − Jensen–Shannon divergence (base 2) of two distributions given as outcome → mass maps; an outcome
    /// missing from one map has mass 0 there.</summary>
    /// <exception cref="ArgumentException">A negative or non-finite mass, or a map whose total is 0.</exception>
    public static double JensenShannon<TKey>(IReadOnlyDictionary<TKey, double> p, IReadOnlyDictionary<TKey, double> q)
        where TKey : notnull
    {
        if (p is null) throw new ArgumentNullException(nameof(p));
        if (q is null) throw new ArgumentNullException(nameof(q));
        double sp = 0, sq = 0;
        foreach (var pair in p) sp += CheckMass(pair.Value, nameof(p), pair.Key);
        foreach (var pair in q) sq += CheckMass(pair.Value, nameof(q), pair.Key);
        CheckTotal(sp, nameof(p));
        CheckTotal(sq, nameof(q));
        double divergence = 0;
        foreach (var pair in p)
            divergence += JsTerm(pair.Value / sp, q.TryGetValue(pair.Key, out var qv) ? qv / sq : 0);
        foreach (var pair in q)
            if (!p.ContainsKey(pair.Key))
                divergence += JsTerm(0, pair.Value / sq);
        return Clamp01(1 - divergence);
    }

    /// <summary>One outcome's share of JS(P‖Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = (P + Q)/2, in bits; 0·log 0 = 0.</summary>
    private static double JsTerm(double pi, double qi)
    {
        // p/m written as 2p/(p + q): ½(p + q) underflows to 0 for the smallest subnormal masses, and p/0 = ∞ would turn
        // a near-identical pair into a score of 0.
        var sum = pi + qi;
        double term = 0;
        if (pi > 0) term += pi * Math.Log(2 * pi / sum);
        if (qi > 0) term += qi * Math.Log(2 * qi / sum);
        return 0.5 * term / Math.Log(2);
    }

    private static double Mass(ReadOnlySpan<double> values, string name)
    {
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
            sum += CheckMass(values[i], name, i);
        CheckTotal(sum, name);
        return sum;
    }

    private static double CheckMass<TKey>(double value, string name, TKey where)
    {
        if (!IsFinite(value) || value < 0)
            throw new ArgumentException($"{name}[{where}] is {Guard.Format(value)}; a probability mass must be a finite number ≥ 0.", name);
        return value;
    }

    private static void CheckTotal(double sum, string name)
    {
        if (sum <= 0 || double.IsInfinity(sum))
            throw new ArgumentException($"{name} sums to {Guard.Format(sum)}; a distribution needs a finite, positive total.", name);
    }
}
