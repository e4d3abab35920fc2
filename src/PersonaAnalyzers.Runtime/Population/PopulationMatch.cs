using System;
using System.Collections.Generic;

namespace PersonaAnalyzers;

/// <summary>A profile found by a population search, with the policy's verdict on substituting it for the target.</summary>
/// <typeparam name="TKey">The profile owner's identity.</typeparam>
public readonly struct PopulationMatch<TKey> : IEquatable<PopulationMatch<TKey>>
{
    /// <summary>Creates a match.</summary>
    public PopulationMatch(TKey key, SubstitutionVerdict verdict)
    {
        Key = key;
        Verdict = verdict;
    }

    /// <summary>Whose profile this is.</summary>
    public TKey Key { get; }

    /// <summary>The verdict: band, similarity, expected relative error and confidence to apply.</summary>
    public SubstitutionVerdict Verdict { get; }

    /// <inheritdoc/>
    public bool Equals(PopulationMatch<TKey> other) =>
        EqualityComparer<TKey>.Default.Equals(Key, other.Key) && Verdict.Equals(other.Verdict);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PopulationMatch<TKey> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (EqualityComparer<TKey>.Default.GetHashCode(Key!) * 397) ^ Verdict.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => $"{Key}: {Verdict}";
}
