namespace PersonaAnalyzers;

/// <summary>The mean error of the substitute observations whose similarity falls in one bin: the raw picture next to
/// the smooth fit.</summary>
public sealed class BinnedMean
{
    internal BinnedMean(double lower, double upper, int count, double mean, double standardError)
    {
        Lower = lower;
        Upper = upper;
        Count = count;
        Mean = mean;
        StandardError = standardError;
    }

    /// <summary>Lower similarity of the bin (inclusive).</summary>
    public double Lower { get; }

    /// <summary>Upper similarity of the bin (exclusive, except for the last bin).</summary>
    public double Upper { get; }

    /// <summary>The bin's centre.</summary>
    public double Center => (Lower + Upper) / 2;

    /// <summary>Observations in the bin.</summary>
    public int Count { get; }

    /// <summary>Mean error; NaN when the bin is empty.</summary>
    public double Mean { get; }

    /// <summary>Standard error of the mean; NaN with fewer than two observations.</summary>
    public double StandardError { get; }
}
