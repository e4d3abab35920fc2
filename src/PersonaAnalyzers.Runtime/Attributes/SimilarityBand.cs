namespace PersonaAnalyzers;

/// <summary>Where a candidate profile lies relative to the target user's own profile.</summary>
/// <remarks>The bands follow the profile-replacement experiment of PRIME (Zhang, Beauchamp &amp; Wang, EMNLP 2025):
/// error is lowest with the user's own profile, highest with the most similar <em>other</em> user, and partially
/// recovers as the replacement becomes more dissimilar.</remarks>
public enum SimilarityBand
{
    /// <summary>The candidate is the target user's own profile, decided by identity (<see cref="PersonaKeyAttribute"/>),
    /// never by similarity.</summary>
    Self = 0,

    /// <summary>Another user who looks like a near-twin. The riskiest substitute: a model applies the near-twin's
    /// fine-grained preferences confidently and wrongly, often doing worse than no personalization at all.</summary>
    NearMatch = 1,

    /// <summary>Similar enough to carry useful signal, different enough that a model does not over-trust it.</summary>
    Moderate = 2,

    /// <summary>Clearly different; little harm and little help. The population prior is the better choice.</summary>
    Distant = 3,
}
