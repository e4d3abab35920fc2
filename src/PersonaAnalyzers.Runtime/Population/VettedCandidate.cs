namespace PersonaAnalyzers;

/// <summary>A candidate substitute with the policy's verdict on it.</summary>
/// <typeparam name="TProfile">The persona profile type.</typeparam>
public readonly struct VettedCandidate<TProfile>
{
    /// <summary>Creates a vetted candidate.</summary>
    public VettedCandidate(TProfile profile, SubstitutionVerdict verdict)
    {
        Profile = profile;
        Verdict = verdict;
    }

    /// <summary>The candidate profile.</summary>
    public TProfile Profile { get; }

    /// <summary>The verdict on substituting it for the target.</summary>
    public SubstitutionVerdict Verdict { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Profile}: {Verdict}";
}
