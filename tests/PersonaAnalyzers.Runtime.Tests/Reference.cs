namespace PersonaAnalyzers.Runtime.Tests;

/// <summary>Independent references the kernels are checked against: MathNet where it computes the same quantity,
/// otherwise a naive loop in double precision written straight from the definition. Nothing here calls the runtime.</summary>
internal static class Reference
{
    /// <summary>Cosine similarity via MathNet's cosine distance (1 − cos), clamped at 0 as the contract says. MathNet
    /// yields NaN for a zero vector; the contract scores it 0.</summary>
    public static double Cosine(double[] a, double[] b) =>
        a.All(x => x == 0) || b.All(x => x == 0) ? 0 : Math.Max(0, 1 - MathNet.Numerics.Distance.Cosine(a, b));

    /// <summary>Pearson via MathNet, clamped at 0, shrunk by n/(n + λ).</summary>
    public static double Pearson(double[] x, double[] y, double shrinkage)
    {
        if (x.Length < 2) return 0;
        var r = MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
        if (double.IsNaN(r)) return 0; // a series without variance: MathNet yields NaN, the contract 0
        return Math.Max(0, r) * x.Length / (x.Length + shrinkage);
    }

    /// <summary>Pearson over the co-rated keys of two rating maps, via MathNet.</summary>
    public static double Pearson(IReadOnlyDictionary<int, double> a, IReadOnlyDictionary<int, double> b, double shrinkage)
    {
        var keys = a.Keys.Where(b.ContainsKey).ToArray();
        return Pearson(keys.Select(k => a[k]).ToArray(), keys.Select(k => b[k]).ToArray(), shrinkage);
    }

    /// <summary>|A ∩ B| / |A ∪ B| with LINQ's set operators, shrunk by |A ∩ B| / (|A ∩ B| + λ).</summary>
    public static double Jaccard<T>(IEnumerable<T> a, IEnumerable<T> b, double shrinkage)
    {
        var shared = a.Intersect(b).Count();
        var union = a.Union(b).Count();
        var j = (double)shared / union;
        return shrinkage == 0 ? j : j * shared / (shared + shrinkage);
    }

    /// <summary>1 − JS divergence in bits, from the textbook definition with KL in log base 2.</summary>
    public static double JensenShannon(double[] p, double[] q)
    {
        var sp = p.Sum();
        var sq = q.Sum();
        var pn = p.Select(v => v / sp).ToArray();
        var qn = q.Select(v => v / sq).ToArray();
        var m = pn.Zip(qn, (x, y) => (x + y) / 2).ToArray();
        return 1 - (0.5 * KullbackLeibler(pn, m) + 0.5 * KullbackLeibler(qn, m));
    }

    private static double KullbackLeibler(double[] p, double[] m)
    {
        double kl = 0;
        for (var i = 0; i < p.Length; i++)
            if (p[i] > 0) kl += p[i] * Math.Log2(p[i] / m[i]);
        return kl;
    }

    public static double Gaussian(double a, double b, double scale) => Math.Exp(-Math.Pow(Math.Abs(a - b) / scale, 2));

    public static double[] ToDouble(float[] values) => values.Select(v => (double)v).ToArray();
}
