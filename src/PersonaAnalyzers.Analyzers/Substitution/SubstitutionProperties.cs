namespace PersonaAnalyzers.Substitution;

/// <summary>Keys of the PERSONA0xx diagnostics' <c>Properties</c>, shared with the code fixes. The meaning of each is
/// documented on <see cref="SubstitutionDescriptors"/>.</summary>
internal static class SubstitutionProperties
{
    public const string PersonaType = "PersonaType";
    public const string GuardType = "GuardType";
    public const string Construct = "Construct";
    public const string UseKind = "UseKind";
    public const string IsCollection = "IsCollection";
    public const string Selection = "Selection";
    public const string TargetLocation = "TargetLocation";
    public const string CandidatesLocation = "CandidatesLocation";
    public const string ScoreOperand = "ScoreOperand";
    public const string IsDistance = "IsDistance";
    public const string AdmitsWhenHolds = "AdmitsWhenHolds";
    public const string CheckMethod = "CheckMethod";
}
