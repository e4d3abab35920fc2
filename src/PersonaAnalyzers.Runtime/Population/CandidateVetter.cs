using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PersonaAnalyzers;

/// <summary>Runs the substitution policy over candidates, wherever they came from: a list in memory or an
/// <see cref="ICandidateSource{TProfile}"/> such as a vector index in a database.</summary>
/// <remarks>Similarity is recomputed here with the profile's own metric rather than trusted from the source: an
/// approximate index's distances are approximate, and its metric may not be the one the bands were calibrated for.
/// Self is decided by <c>isSelf</c> (identity), never by similarity.</remarks>
/// <typeparam name="TProfile">The persona profile type.</typeparam>
public sealed class CandidateVetter<TProfile>
{
    private readonly Func<TProfile, TProfile, double> _similarity;
    private readonly Func<TProfile, TProfile, bool> _isSelf;

    /// <summary>Creates a vetter.</summary>
    /// <param name="similarity">Profile similarity in [0, 1], e.g. a generated guard's <c>Similarity</c>.</param>
    /// <param name="isSelf">Whether a candidate is the target's own profile: compare the <see cref="PersonaKeyAttribute"/>
    /// keys (or references, for a type without a key).</param>
    /// <param name="policy">Bands and risk curve; default <see cref="SubstitutionPolicy.Default"/>.</param>
    public CandidateVetter(Func<TProfile, TProfile, double> similarity, Func<TProfile, TProfile, bool> isSelf, SubstitutionPolicy? policy = null)
    {
        _similarity = similarity ?? throw new ArgumentNullException(nameof(similarity));
        _isSelf = isSelf ?? throw new ArgumentNullException(nameof(isSelf));
        Policy = policy ?? SubstitutionPolicy.Default;
    }

    /// <summary>The bands and risk curve candidates are judged by.</summary>
    public SubstitutionPolicy Policy { get; }

    /// <summary>The verdict on one candidate.</summary>
    /// <exception cref="ArgumentException">The similarity function returned NaN or a value outside [0, 1].</exception>
    [SimilarityBandCheck]
    public SubstitutionVerdict Assess(TProfile target, TProfile candidate)
    {
        if (_isSelf(target, candidate))
            return Policy.Assess(SimilarityBand.Self, 1);
        return Policy.Assess(_similarity(target, candidate));
    }

    /// <summary>Every candidate with its verdict: safe substitutes first, lowest expected relative error first (ties in
    /// input order), then the rest in input order.</summary>
    [SimilarityBandCheck]
    public IReadOnlyList<VettedCandidate<TProfile>> Vet(TProfile target, IEnumerable<TProfile> candidates)
    {
        if (candidates is null) throw new ArgumentNullException(nameof(candidates));
        var safe = new List<(VettedCandidate<TProfile> Candidate, int Order)>();
        var rejected = new List<VettedCandidate<TProfile>>();
        var order = 0;
        foreach (var candidate in candidates)
        {
            var vetted = new VettedCandidate<TProfile>(candidate, Assess(target, candidate));
            if (IsSubstitute(vetted.Verdict)) safe.Add((vetted, order++));
            else rejected.Add(vetted);
        }
        safe.Sort((x, y) =>
        {
            var byRisk = x.Candidate.Verdict.ExpectedRelativeError.CompareTo(y.Candidate.Verdict.ExpectedRelativeError);
            return byRisk != 0 ? byRisk : x.Order.CompareTo(y.Order);
        });
        var result = new List<VettedCandidate<TProfile>>(safe.Count + rejected.Count);
        foreach (var s in safe) result.Add(s.Candidate);
        result.AddRange(rejected);
        return result;
    }

    /// <summary>The candidate with the lowest expected relative error that beats no personalization (the first one on
    /// a tie), or null when none does. Never the target itself, never a near-match, never simply the most similar.</summary>
    [SimilarityBandCheck]
    public VettedCandidate<TProfile>? SafestSubstitute(TProfile target, IEnumerable<TProfile> candidates)
    {
        if (candidates is null) throw new ArgumentNullException(nameof(candidates));
        VettedCandidate<TProfile>? best = null;
        foreach (var candidate in candidates)
        {
            var verdict = Assess(target, candidate);
            if (!IsSubstitute(verdict)) continue;
            if (best is null || verdict.ExpectedRelativeError < best.Value.Verdict.ExpectedRelativeError)
                best = new VettedCandidate<TProfile>(candidate, verdict);
        }
        return best;
    }

    /// <summary>Retrieves <paramref name="fetchCount"/> candidates from <paramref name="source"/> and vets them.</summary>
    /// <param name="source">Where the population lives.</param>
    /// <param name="target">The target profile.</param>
    /// <param name="fetchCount">How many to retrieve. Over-fetch: the nearest candidates are the near-matches the policy
    /// rejects (docs/scale.md sizes this).</param>
    /// <param name="cancellationToken">Cancels the retrieval.</param>
    [SimilarityBandCheck]
    public async Task<IReadOnlyList<VettedCandidate<TProfile>>> VetAsync(ICandidateSource<TProfile> source, TProfile target,
        int fetchCount, CancellationToken cancellationToken = default)
    {
        var candidates = await RetrieveAsync(source, target, fetchCount, cancellationToken).ConfigureAwait(false);
        return Vet(target, candidates);
    }

    /// <summary>Retrieves <paramref name="fetchCount"/> candidates from <paramref name="source"/> and returns the safest
    /// substitute among them, or null when none beats no personalization.</summary>
    /// <inheritdoc cref="VetAsync" path="/param"/>
    [SimilarityBandCheck]
    public async Task<VettedCandidate<TProfile>?> SafestSubstituteAsync(ICandidateSource<TProfile> source, TProfile target,
        int fetchCount, CancellationToken cancellationToken = default)
    {
        var candidates = await RetrieveAsync(source, target, fetchCount, cancellationToken).ConfigureAwait(false);
        return SafestSubstitute(target, candidates);
    }

    private static async Task<IReadOnlyList<TProfile>> RetrieveAsync(ICandidateSource<TProfile> source, TProfile target,
        int fetchCount, CancellationToken cancellationToken)
    {
        if (source is null) throw new ArgumentNullException(nameof(source));
        if (fetchCount < 1) throw new ArgumentException($"fetchCount is {fetchCount}; it must be at least 1.", nameof(fetchCount));
        var candidates = await source.GetCandidatesAsync(target, fetchCount, cancellationToken).ConfigureAwait(false);
        return candidates ?? throw new InvalidOperationException($"{source.GetType().Name}.GetCandidatesAsync returned null instead of a list.");
    }

    // Self is the target, not a substitute for it: it is never returned as one.
    private static bool IsSubstitute(SubstitutionVerdict verdict) => verdict.IsSafe && verdict.Band != SimilarityBand.Self;
}
