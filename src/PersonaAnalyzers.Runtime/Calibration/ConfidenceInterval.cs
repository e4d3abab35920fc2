using System;
using System.Globalization;

namespace PersonaAnalyzers;

/// <summary>A two-sided interval, e.g. a bootstrap percentile interval for a band threshold.</summary>
public readonly struct ConfidenceInterval : IEquatable<ConfidenceInterval>
{
    /// <summary>Creates an interval.</summary>
    /// <exception cref="ArgumentException">An end is NaN or infinite, or <paramref name="lower"/> is above <paramref name="upper"/>.</exception>
    public ConfidenceInterval(double lower, double upper, double level)
    {
        Guard.Finite(lower, nameof(lower));
        Guard.Finite(upper, nameof(upper));
        if (lower > upper)
            throw new ArgumentException($"lower ({Guard.Format(lower)}) is above upper ({Guard.Format(upper)}).", nameof(lower));
        if (!(level > 0 && level < 1))
            throw new ArgumentException($"level is {Guard.Format(level)}; it must lie strictly between 0 and 1.", nameof(level));
        Lower = lower;
        Upper = upper;
        Level = level;
    }

    /// <summary>The lower end.</summary>
    public double Lower { get; }

    /// <summary>The upper end.</summary>
    public double Upper { get; }

    /// <summary>The nominal coverage, e.g. 0.95.</summary>
    public double Level { get; }

    /// <summary>Whether <paramref name="value"/> lies in the interval (ends included).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc/>
    public bool Equals(ConfidenceInterval other) => Lower.Equals(other.Lower) && Upper.Equals(other.Upper) && Level.Equals(other.Level);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConfidenceInterval other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Lower.GetHashCode() * 397) ^ Upper.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "[{0:0.###}, {1:0.###}] ({2:0.#%})", Lower, Upper, Level);
}
