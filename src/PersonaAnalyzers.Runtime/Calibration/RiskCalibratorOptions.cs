using System;

namespace PersonaAnalyzers;

/// <summary>Settings of <see cref="RiskCalibrator"/>.</summary>
public sealed class RiskCalibratorOptions
{
    /// <summary>Bootstrap resamples for the confidence intervals (≥ 20).</summary>
    public int BootstrapSamples { get; set; } = 200;

    /// <summary>Nominal coverage of the intervals, strictly between 0 and 1.</summary>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Seed of the bootstrap's random source: the same data and seed give the same intervals.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The smallest effect that counts, as a share of the gap between the own profile and no personalization:
    /// a substitute "helps" when its relative error is below <c>1 − MaterialEffect</c> and "does harm" above
    /// <c>1 + MaterialEffect</c>. Keeps a curve that creeps towards the baseline from putting a threshold wherever the
    /// noise happens to cross it.</summary>
    public double MaterialEffect { get; set; } = 0.05;

    /// <summary>Fewest substitute observations the calibrator accepts.</summary>
    public int MinimumObservations { get; set; } = 30;

    /// <summary>Equal-width similarity bins for <see cref="RiskCalibration.BinnedMeans"/>.</summary>
    public int Bins { get; set; } = 10;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (BootstrapSamples < 20)
            throw new ArgumentException($"BootstrapSamples is {BootstrapSamples}; at least 20 are needed for an interval.", nameof(BootstrapSamples));
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            throw new ArgumentException($"ConfidenceLevel is {Guard.Format(ConfidenceLevel)}; it must lie strictly between 0 and 1.", nameof(ConfidenceLevel));
        if (!(MaterialEffect >= 0 && MaterialEffect < 1))
            throw new ArgumentException($"MaterialEffect is {Guard.Format(MaterialEffect)}; it must lie in [0, 1).", nameof(MaterialEffect));
        if (MinimumObservations < 10)
            throw new ArgumentException($"MinimumObservations is {MinimumObservations}; a curve needs at least 10.", nameof(MinimumObservations));
        if (Bins < 1)
            throw new ArgumentException($"Bins is {Bins}; it must be at least 1.", nameof(Bins));
    }
}
