using System;
using System.Collections.Generic;
using System.Threading;

namespace PersonaAnalyzers;

/// <summary>An in-memory population of dense profiles that finds the safest substitute for a target: the profiles
/// with the lowest expected error under a <see cref="SubstitutionPolicy"/>, never simply the most similar.</summary>
/// <typeparam name="TKey">The profile owner's identity (<see cref="PersonaKeyAttribute"/>). Self is decided by this
/// key, never by similarity: another user with identical features is a near-match and is excluded.</typeparam>
/// <remarks>
/// <para>Rows are normalised once, when added, and stored contiguously (<see cref="PopulationStorage"/>), so a search is
/// one SIMD dot product per row, partitioned across cores. It keeps only rows in the moderate band whose expected
/// relative error beats no personalization (&lt; 1), ranked by that error with a small heap.</para>
/// <para>Thread safety: any number of concurrent searches; writers (<see cref="Add"/>, <see cref="Set"/>,
/// <see cref="Remove"/>) take an exclusive lock and wait for running searches, so a search always sees a consistent
/// population. Removal moves the last row into the hole (O(d)), keeping the rows packed.</para>
/// <para>Capacity: one array holds all rows, so rows × dimension is bounded by .NET's array limit (about 2.1 billion
/// elements: 16 million rows of 128 features). Beyond one machine, see <see cref="ICandidateSource{TProfile}"/> and
/// docs/scale.md.</para>
/// </remarks>
public sealed partial class PopulationIndex<TKey> : IDisposable where TKey : notnull
{
    private readonly RowStore _store;
    private readonly RiskRanker _ranker;
    private readonly Dictionary<TKey, int> _rowOfKey;
    private readonly List<TKey> _keyOfRow;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _parallelThreshold;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    /// <summary>Creates an empty index.</summary>
    /// <param name="dimension">Features per profile, at least 1.</param>
    /// <param name="policy">Bands and risk curve to rank by; default <see cref="SubstitutionPolicy.Default"/>.</param>
    /// <param name="options">Storage and parallelism; default <see cref="PopulationIndexOptions"/>.</param>
    /// <param name="keyComparer">Equality of keys; default <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is below 1, or the storage is unavailable.</exception>
    public PopulationIndex(int dimension, SubstitutionPolicy? policy = null, PopulationIndexOptions? options = null,
        IEqualityComparer<TKey>? keyComparer = null)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension is {dimension}; a profile needs at least one feature.", nameof(dimension));
        options ??= new PopulationIndexOptions();
        Policy = policy ?? SubstitutionPolicy.Default;
        Storage = options.Storage;
        _store = RowStore.Create(options.Storage, dimension, options.InitialCapacity);
        _ranker = new RiskRanker(Policy);
        _rowOfKey = new Dictionary<TKey, int>(options.InitialCapacity, keyComparer);
        _keyOfRow = new List<TKey>(options.InitialCapacity);
        _maxDegreeOfParallelism = options.MaxDegreeOfParallelism;
        _parallelThreshold = options.ParallelThreshold;
    }

    /// <summary>Features per profile.</summary>
    public int Dimension => _store.Dimension;

    /// <summary>The bands and risk curve searches rank by.</summary>
    public SubstitutionPolicy Policy { get; }

    /// <summary>How rows are stored.</summary>
    public PopulationStorage Storage { get; }

    /// <summary>Bytes a search reads per profile.</summary>
    public int BytesPerProfile => _store.BytesPerRow;

    /// <summary>Profiles in the index.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _store.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds a profile.</summary>
    /// <exception cref="ArgumentException">The key is already present, or the features are of the wrong length or
    /// hold NaN or ±∞.</exception>
    public void Add(TKey key, ReadOnlySpan<float> features)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var unit = Normalise(features, key);
        _lock.EnterWriteLock();
        try
        {
            if (_rowOfKey.ContainsKey(key))
                throw new ArgumentException($"key '{key}' is already in the population; use Set to replace its profile.", nameof(key));
            _store.Append(unit);
            _rowOfKey.Add(key, _keyOfRow.Count);
            _keyOfRow.Add(key);
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Adds a profile, or replaces the features of one already present.</summary>
    /// <exception cref="ArgumentException">The features are of the wrong length or hold NaN or ±∞.</exception>
    public void Set(TKey key, ReadOnlySpan<float> features)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var unit = Normalise(features, key);
        _lock.EnterWriteLock();
        try
        {
            if (_rowOfKey.TryGetValue(key, out var row))
            {
                _store.Overwrite(row, unit);
                return;
            }
            _store.Append(unit);
            _rowOfKey.Add(key, _keyOfRow.Count);
            _keyOfRow.Add(key);
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Removes a profile. Returns false if the key was not present.</summary>
    public bool Remove(TKey key)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        _lock.EnterWriteLock();
        try
        {
            if (!_rowOfKey.TryGetValue(key, out var row)) return false;
            var last = _keyOfRow.Count - 1;
            _store.RemoveBySwap(row);
            if (row != last)
            {
                var moved = _keyOfRow[last];
                _keyOfRow[row] = moved;
                _rowOfKey[moved] = row;
            }
            _keyOfRow.RemoveAt(last);
            _rowOfKey.Remove(key);
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Whether a profile with this key is present.</summary>
    public bool Contains(TKey key)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        _lock.EnterReadLock();
        try { return _rowOfKey.ContainsKey(key); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Copies a profile's stored, normalised features (dequantised for compact storage). Returns false if the
    /// key is not present.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Dimension"/>.</exception>
    public bool TryGetFeatures(TKey key, Span<float> destination)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (destination.Length < Dimension)
            throw new ArgumentException($"destination has {destination.Length} elements; it needs {Dimension}.", nameof(destination));
        _lock.EnterReadLock();
        try
        {
            if (!_rowOfKey.TryGetValue(key, out var row)) return false;
            _store.CopyRow(row, destination);
            return true;
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>Scales features to unit length (a zero vector stays zero: it has no direction and resembles nobody),
    /// rejecting bad input with a message naming the key and the element.</summary>
    private float[] Normalise(ReadOnlySpan<float> features, object? owner)
    {
        if (features.Length != Dimension)
            throw new ArgumentException(
                $"features{Describe(owner)} have {features.Length} elements; this population has dimension {Dimension}.", nameof(features));
        for (var i = 0; i < features.Length; i++)
        {
            if (float.IsNaN(features[i]) || float.IsInfinity(features[i]))
                throw new ArgumentException(
                    $"features[{i}]{Describe(owner)} is {Guard.Format(features[i])}; every element must be a finite number.", nameof(features));
        }
        var unit = new float[Dimension];
        // Norm in double: float squares of large finite values overflow to ∞.
        double sumOfSquares = 0;
        foreach (var x in features) sumOfSquares += (double)x * x;
        if (sumOfSquares == 0) return unit;
        var inverseNorm = 1 / Math.Sqrt(sumOfSquares);
        for (var i = 0; i < unit.Length; i++) unit[i] = (float)(features[i] * inverseNorm);
        return unit;
    }

    private static string Describe(object? owner) => owner is null ? "" : $" of '{owner}'";
}
