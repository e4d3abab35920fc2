using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PersonaAnalyzers;

public sealed partial class PopulationIndex<TKey>
{
    /// <summary>The safest substitute for a target: the profile with the lowest expected relative error that beats no
    /// personalization, or null when none does. Never the target itself (by key), never a near-match.</summary>
    /// <param name="targetKey">The target's identity; its own row, if present, is Self and skipped.</param>
    /// <param name="target">The target's features (any length-<see cref="Dimension"/> vector; normalised here).</param>
    /// <exception cref="ArgumentException">The features are of the wrong length or hold NaN or ±∞.</exception>
    [SimilarityBandCheck]
    public PopulationMatch<TKey>? SafestSubstitute(TKey targetKey, ReadOnlySpan<float> target)
    {
        var matches = Search(targetKey, target, 1);
        return matches.Count == 0 ? null : matches[0];
    }

    /// <summary>The safest substitute for a profile already in the index, using its stored features.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the index.</exception>
    [SimilarityBandCheck]
    public PopulationMatch<TKey>? SafestSubstitute(TKey targetKey)
    {
        var matches = Search(targetKey, 1);
        return matches.Count == 0 ? null : matches[0];
    }

    /// <summary>Up to <paramref name="count"/> safe substitutes for a target, lowest expected relative error first.
    /// Rows in the near-match or distant band, rows whose expected error does not beat no personalization, and the
    /// target's own row (by key) are excluded; ties go to the earlier row.</summary>
    /// <exception cref="ArgumentException"><paramref name="count"/> is below 1, or the features are of the wrong length
    /// or hold NaN or ±∞.</exception>
    [SimilarityBandCheck]
    public IReadOnlyList<PopulationMatch<TKey>> Search(TKey targetKey, ReadOnlySpan<float> target, int count)
    {
        if (targetKey is null) throw new ArgumentNullException(nameof(targetKey));
        if (count < 1) throw new ArgumentException($"count is {count}; it must be at least 1.", nameof(count));
        var query = Normalise(target, targetKey);
        _lock.EnterReadLock();
        try
        {
            var self = _rowOfKey.TryGetValue(targetKey, out var row) ? row : -1;
            return Rank(query, self, count);
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Up to <paramref name="count"/> safe substitutes for a profile already in the index.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the index.</exception>
    [SimilarityBandCheck]
    public IReadOnlyList<PopulationMatch<TKey>> Search(TKey targetKey, int count)
    {
        if (targetKey is null) throw new ArgumentNullException(nameof(targetKey));
        if (count < 1) throw new ArgumentException($"count is {count}; it must be at least 1.", nameof(count));
        _lock.EnterReadLock();
        try
        {
            if (!_rowOfKey.TryGetValue(targetKey, out var self))
                throw new KeyNotFoundException($"targetKey '{targetKey}' is not in the population; pass the target's features instead.");
            var query = new float[Dimension];
            _store.CopyRow(self, query);
            return Rank(query, self, count);
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Scans every row under the read lock, in parallel partitions when the population is large enough,
    /// and turns the kept rows into verdicts.</summary>
    private IReadOnlyList<PopulationMatch<TKey>> Rank(float[] query, int selfRow, int count)
    {
        var rows = _store.Count;
        var degree = rows < _parallelThreshold ? 1 : Math.Min(_maxDegreeOfParallelism, rows);
        TopRanked top;
        if (degree == 1)
        {
            top = new TopRanked(count);
            _ranker.Scan(_store, query, 0, rows, selfRow, top);
        }
        else
        {
            // A few partitions per core, so a core that starts late (the machine is shared) does not hold up the rest.
            var partitions = degree * 4;
            var partial = new TopRanked[partitions];
            Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = degree }, p =>
            {
                var local = new TopRanked(count);
                var start = (int)((long)rows * p / partitions);
                var end = (int)((long)rows * (p + 1) / partitions);
                _ranker.Scan(_store, query, start, end, selfRow, local);
                partial[p] = local;
            });
            top = new TopRanked(count);
            foreach (var local in partial) top.MergeFrom(local);
        }

        var ranked = top.ToSorted();
        var matches = new PopulationMatch<TKey>[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            var similarity = RiskRanker.Similarity(_store.Dot(query, ranked[i].Row));
            matches[i] = new PopulationMatch<TKey>(_keyOfRow[ranked[i].Row], Policy.Assess(similarity));
        }
        return matches;
    }
}
