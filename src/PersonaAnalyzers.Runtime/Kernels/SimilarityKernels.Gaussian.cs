using System;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    /// <summary>Numeric closeness <c>exp(-(Δ/scale)²)</c>: 1 for equal values, 1/e at a distance of <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">A value is NaN or ±∞, or <paramref name="scale"/> is not a finite number &gt; 0.</exception>
    public static double Gaussian(double a, double b, double scale)
    {
        Guard.Finite(a, nameof(a));
        Guard.Finite(b, nameof(b));
        Guard.Positive(scale, nameof(scale));
        var z = (a - b) / scale;
        return Math.Exp(-(z * z));
    }
}
