using System;

namespace PersonaAnalyzers;

/// <summary>Settings of a <see cref="PopulationIndex{TKey}"/>. Validated when set: a bad value throws
/// <see cref="ArgumentException"/> naming it.</summary>
public sealed class PopulationIndexOptions
{
    private int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private int _parallelThreshold = 32_768;
    private int _initialCapacity = 1_024;

    /// <summary>How the rows are stored. Default <see cref="PopulationStorage.Float32"/>.</summary>
    public PopulationStorage Storage { get; set; } = PopulationStorage.Float32;

    /// <summary>How many cores a search may use. Default: every core of the machine.</summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value < 1)
                throw new ArgumentException($"{nameof(MaxDegreeOfParallelism)} is {value}; it must be at least 1.", nameof(value));
            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Populations smaller than this are scanned on the calling thread: below it, starting workers costs more
    /// than they save. Default 32,768 rows.</summary>
    public int ParallelThreshold
    {
        get => _parallelThreshold;
        set
        {
            if (value < 0)
                throw new ArgumentException($"{nameof(ParallelThreshold)} is {value}; it must be ≥ 0.", nameof(value));
            _parallelThreshold = value;
        }
    }

    /// <summary>Rows to reserve up front, so that bulk loading does not reallocate. Default 1,024.</summary>
    public int InitialCapacity
    {
        get => _initialCapacity;
        set
        {
            if (value < 0)
                throw new ArgumentException($"{nameof(InitialCapacity)} is {value}; it must be ≥ 0.", nameof(value));
            _initialCapacity = value;
        }
    }
}
