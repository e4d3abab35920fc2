namespace PersonaAnalyzers;

/// <summary>What produced an error observation fed to <see cref="RiskCalibrator"/>.</summary>
public enum ObservationKind
{
    /// <summary>Personalizing a target user with another user's profile, at the recorded similarity.</summary>
    Substitute,

    /// <summary>No personalization (the population prior); its similarity is ignored.</summary>
    Baseline,

    /// <summary>The target user's own profile; its similarity is ignored.</summary>
    Self,
}
