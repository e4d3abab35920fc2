using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PersonaAnalyzers;

/// <summary>Retrieves candidate substitutes for a target from wherever the population lives: a vector index in a
/// database (pgvector, a search engine), a remote service, a shard of <see cref="PopulationIndex{TKey}"/>.</summary>
/// <remarks>A source only retrieves; it does not decide. Engines return the <em>nearest</em> profiles, and the nearest
/// are exactly the near-matches the policy rejects, so pass what a source returns through
/// <see cref="CandidateVetter{TProfile}"/> and ask for several times more than you need (docs/scale.md).</remarks>
/// <typeparam name="TProfile">The persona profile type.</typeparam>
public interface ICandidateSource<TProfile>
{
    /// <summary>Up to <paramref name="count"/> candidates for <paramref name="target"/>, in the source's own order
    /// (usually nearest first). May include the target's own profile; the vetter recognises it by identity.</summary>
    Task<IReadOnlyList<TProfile>> GetCandidatesAsync(TProfile target, int count, CancellationToken cancellationToken = default);
}
