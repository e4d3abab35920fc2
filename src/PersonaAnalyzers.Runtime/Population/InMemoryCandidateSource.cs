using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PersonaAnalyzers;

/// <summary>An <see cref="ICandidateSource{TProfile}"/> over an in-memory list that behaves like a vector engine's
/// k-nearest-neighbour query: it returns the <c>count</c> most similar profiles, nearest first, the target's own
/// included if it is in the list. Use it in tests and as the reference a remote source should agree with.</summary>
/// <typeparam name="TProfile">The persona profile type.</typeparam>
public sealed class InMemoryCandidateSource<TProfile> : ICandidateSource<TProfile>
{
    private readonly TProfile[] _population;
    private readonly Func<TProfile, TProfile, double> _similarity;

    /// <summary>Creates a source over a snapshot of <paramref name="population"/>.</summary>
    /// <param name="population">The profiles to retrieve from.</param>
    /// <param name="similarity">The retrieval similarity (in [0, 1]), e.g. a generated guard's <c>Similarity</c>.</param>
    public InMemoryCandidateSource(IEnumerable<TProfile> population, Func<TProfile, TProfile, double> similarity)
    {
        if (population is null) throw new ArgumentNullException(nameof(population));
        _similarity = similarity ?? throw new ArgumentNullException(nameof(similarity));
        _population = new List<TProfile>(population).ToArray();
    }

    /// <summary>Profiles in the source.</summary>
    public int Count => _population.Length;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="count"/> is below 1, or the similarity returns a value
    /// outside [0, 1].</exception>
    public Task<IReadOnlyList<TProfile>> GetCandidatesAsync(TProfile target, int count, CancellationToken cancellationToken = default)
    {
        if (count < 1) throw new ArgumentException($"count is {count}; it must be at least 1.", nameof(count));
        cancellationToken.ThrowIfCancellationRequested();
        var similarities = new double[_population.Length];
        var order = new int[_population.Length];
        for (var i = 0; i < _population.Length; i++)
        {
            var s = _similarity(target, _population[i]);
            Guard.Probability(s, $"similarity(target, population[{i}])");
            similarities[i] = -s; // ascending sort of the negation = nearest first; ties keep list order below
            order[i] = i;
        }
        Array.Sort(similarities, order);
        var taken = Math.Min(count, _population.Length);
        // Array.Sort is not stable: restore list order among equal similarities so retrieval is deterministic.
        var result = new List<TProfile>(taken);
        var start = 0;
        while (start < taken)
        {
            var end = start + 1;
            while (end < order.Length && similarities[end] == similarities[start]) end++;
            Array.Sort(order, start, end - start);
            for (var i = start; i < Math.Min(end, taken); i++) result.Add(_population[order[i]]);
            start = end;
        }
        return Task.FromResult<IReadOnlyList<TProfile>>(result);
    }
}
