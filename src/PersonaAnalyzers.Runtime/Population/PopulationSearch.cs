using System;
using System.Collections.Generic;

namespace PersonaAnalyzers;

/// <summary>Safest-substitute search over any sequence of profiles, for populations that are not in a
/// <see cref="PopulationIndex{TKey}"/>. Generated guards' <c>SafestSubstitute</c> has the same semantics.</summary>
public static class PopulationSearch
{
    /// <summary>The candidate with the lowest expected relative error that beats no personalization, or null when none
    /// does. Never the target itself (by <paramref name="isSelf"/>), never a near-match, never simply the most similar.</summary>
    /// <param name="target">The target profile.</param>
    /// <param name="candidates">The population to choose from; enumerated once.</param>
    /// <param name="similarity">Profile similarity in [0, 1].</param>
    /// <param name="isSelf">Identity: whether a candidate is the target's own profile.</param>
    /// <param name="policy">Bands and risk curve; default <see cref="SubstitutionPolicy.Default"/>.</param>
    [SimilarityBandCheck]
    public static VettedCandidate<TProfile>? SafestSubstitute<TProfile>(TProfile target, IEnumerable<TProfile> candidates,
        Func<TProfile, TProfile, double> similarity, Func<TProfile, TProfile, bool> isSelf, SubstitutionPolicy? policy = null) =>
        new CandidateVetter<TProfile>(similarity, isSelf, policy).SafestSubstitute(target, candidates);
}
