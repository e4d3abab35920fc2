using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace PersonaAnalyzers.Calibration.Tests;

/// <summary>Observations drawn from a known relative-error curve: self error 0, baseline error 1, Gaussian noise.
/// The calibrator never sees the curve, only the noisy draws.</summary>
internal static class SyntheticCurve
{
    public static List<RiskObservation> Draw(Func<double, double> relativeError, int substitutes, double noise, int seed,
        int baselines = 200, int selves = 200, double minSimilarity = 0, double maxSimilarity = 1)
    {
        var rng = new Xoshiro256StarStar(seed);
        var result = new List<RiskObservation>(substitutes + baselines + selves);
        for (var i = 0; i < substitutes; i++)
        {
            var s = minSimilarity + (maxSimilarity - minSimilarity) * rng.NextDouble();
            result.Add(RiskObservation.Substitute(s, relativeError(s) + Normal.Sample(rng, 0, noise)));
        }
        for (var i = 0; i < baselines; i++) result.Add(RiskObservation.Baseline(1 + Normal.Sample(rng, 0, noise)));
        for (var i = 0; i < selves; i++) result.Add(RiskObservation.Self(Normal.Sample(rng, 0, noise)));
        return result;
    }

    /// <summary>Where an increasing/decreasing function crosses <paramref name="level"/> in [lo, hi] (bisection).</summary>
    public static double Solve(Func<double, double> f, double level, double lo, double hi)
    {
        var flo = f(lo) - level;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            var fm = f(mid) - level;
            if (Math.Sign(fm) == Math.Sign(flo)) { lo = mid; flo = fm; }
            else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
